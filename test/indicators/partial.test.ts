// A period still running (the financial year to the as-of date) holds only part of its figures:
// a count is compared with the previous period to the same point, not with the whole of it, and
// the period is labelled "to <date>" wherever it is shown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from '../helpers.ts';
import { computeIndicators, indicatorHistory, indicatorSummary, type IndicatorSummary } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { indicatorCard } from '../../src/server/present.ts';

// Missing episodes (missing from home, two children), counted by start date:
//   FY 2024-25: 4 to 20 June 2024 (10 Apr, 5 May, 15 Jun, 20 Jun), then 21 Jun, 1 Aug, 9 Sep, 11 Nov,
//     15 Jan 2025 and 31 Mar 2025: 10 in the whole year. Q4 (Jan-Mar 2025): 1 to 20 March, 2 in all.
//   FY 2025-26 to 20 June 2025: 2 Apr, 20 Apr, 12 May, 1 Jun, 19 Jun, 20 Jun = 6 (25 Jun is after).
//     June to 20 June: 3. May: 1 (12 May), and 1 to 20 May.
// Old comparison: 6 this year against 10 last year, "improving". Like with like: 6 against 4, worsening.
const STARTS = [
  '2024-04-10', '2024-05-05', '2024-06-15', '2024-06-20', '2024-06-21', '2024-08-01', '2024-09-09', '2024-11-11', '2025-01-15', '2025-03-31',
  '2025-04-02', '2025-04-20', '2025-05-12', '2025-06-01', '2025-06-19', '2025-06-20', '2025-06-25',
];
const AS_OF = '2025-06-20';

let store: Store;
before(async () => {
  store = await openTestStore();
  await store.transaction(async (tx) => {
    await tx.db.insertInto('child').values([
      { child_id: 'K1', dob: '2010-01-01', sex: 1, ethnic: 'WBRI', upn: null },
      { child_id: 'K2', dob: '2011-01-01', sex: 2, ethnic: 'WBRI', upn: null },
    ]).execute();
    await tx.db
      .insertInto('missing_episode')
      .values(STARTS.map((d, i) => ({ child_id: i % 2 ? 'K2' : 'K1', mis_start: d, missing: 'M' as const, mis_end: d, looked_after: false, start_time: null, rhi_offered: d, rhi_completed: null, rhi_declined: null })))
      .execute();
  });
  await computeIndicators(store, { asOf: AS_OF });
});
after(() => store.close());

const summaryOf = async (type: 'month' | 'quarter' | 'year', id: string): Promise<IndicatorSummary> =>
  (await indicatorSummary(store, { periodType: type, asOf: AS_OF })).find((s) => s.definition.id === id)!;
const brief = (s: IndicatorSummary) => ({
  period: s.period.label,
  current: [s.current?.value, s.current?.partialTo],
  previous: [s.previous?.value, s.previous?.period.label, s.previous?.partialTo],
  direction: s.direction,
});

test('a count so far this year is compared with last year to the same date', async () => {
  assert.deepEqual(brief(await summaryOf('year', 'missing_episodes')), {
    period: '2025-26 to 20 June',
    current: [6, '2025-06-20'],
    previous: [4, '2024-25 to 20 June', '2024-06-20'],
    direction: 'worsening',
  });
});

test('quarters and months to date are compared with the same span of the one before', async () => {
  assert.deepEqual(brief(await summaryOf('quarter', 'missing_episodes')), {
    period: '2025-26 Q1 to 20 June',
    current: [6, '2025-06-20'],
    previous: [1, '2024-25 Q4 to 20 March', '2025-03-20'],
    direction: 'worsening',
  });
  assert.deepEqual(brief(await summaryOf('month', 'missing_episodes')), {
    period: 'Jun 2025 to 20 June',
    current: [3, '2025-06-20'],
    previous: [1, 'May 2025 to 20 May', '2025-05-20'],
    direction: 'worsening',
  });
});

test('a rate to date is still compared with the whole previous period (a rate does not grow with time)', async () => {
  // Every interview is offered the same day: 100% in both years; the whole of 2024-25 is the comparison.
  const s = await summaryOf('year', 'rhi_offered_72h');
  assert.equal(s.period.label, '2025-26 to 20 June');
  assert.deepEqual([s.previous?.value, s.previous?.period.label, s.previous?.partialTo], [100, '2024-25', null]);
});

test('the stored history labels only the period still running as partial', async () => {
  const history = await indicatorHistory(store, 'missing_episodes', 'year');
  assert.deepEqual(history.map((p) => [p.period.label, p.value, p.partialTo]), [
    ['2024-25', 10, null],
    ['2025-26 to 20 June', 6, '2025-06-20'],
  ]);
});

test('the dashboard card says what the figure is compared with', async () => {
  const card = indicatorCard(await summaryOf('year', 'missing_episodes'), 'officer');
  assert.deepEqual([card.periodLabel, card.current?.text, card.previous?.text, card.previous?.label, card.direction, card.change], [
    '2025-26 to 20 June', '6', '4', '2024-25 to 20 June', 'worsening', 'up',
  ]);
});

test('once the period has ended, it is compared with the whole previous one', async () => {
  await computeIndicators(store, { asOf: '2026-03-31' });
  const s = await indicatorSummary(store, { periodType: 'year', asOf: '2026-03-31' });
  assert.deepEqual(brief(s.find((x) => x.definition.id === 'missing_episodes')!), {
    period: '2025-26',
    current: [7, null],
    previous: [10, '2024-25', null],
    direction: 'improving',
  });
});
