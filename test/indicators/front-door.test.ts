// Front-door indicators on hand-made CIN census rows with answers worked out by hand.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assessmentDueDate } from '../../src/core/cin.ts';
import { computeIndicators, indicatorBreakdown } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import type { PeriodType } from '../../src/core/periods.ts';
import { openTestStore } from '../helpers.ts';
import { storedFigure } from './stored.ts';

const AS_OF = '2025-06-30';

type Referral = NewRow<'cin_referral'>;
const referral = (la_child_id: string, referral_date: string, referral_source: string, r: Partial<Referral> = {}): Referral => ({
  la_child_id, referral_date, referral_source, person_birth_date: '2015-01-01', gender: '1', ethnicity: 'WBRI', referral_nfa: false, ...r,
});

// April 2025: A (2A, 11 months after A's last referral: a re-referral), B (FIRE under 8, NFA,
// 12 months and a day after B's last: not a re-referral), C (1A), D (3A) -> 4 referrals, 1/4
// re-referred, 1/4 NFA. E in January 2025.
export const REFERRALS: Referral[] = [
  referral('A', '2024-05-10', '6', { closure_date: '2024-07-01', closure_reason: 'RC7' }),
  referral('A', '2025-04-15', '2A'),
  referral('B', '2024-04-20', '8', { local_source: 'FIRE', referral_nfa: true, closure_date: '2024-04-20', closure_reason: 'RC8' }),
  referral('B', '2025-04-21', '8', { local_source: 'FIRE', referral_nfa: true, closure_date: '2025-04-21', closure_reason: 'RC8' }),
  referral('C', '2025-04-30', '1A', { person_birth_date: null, gender: '0' }),
  referral('D', '2025-04-01', '3A', { gender: '2' }),
  referral('E', '2025-01-10', '6'),
];

// Due dates (45 working days): 2025-04-15 -> 2025-06-23 (Easter and both May bank holidays inside);
// 2025-04-01 -> 2025-06-09. June 2025: A's in time on 06-20 (late if bank holidays were ignored),
// D's a day late on 06-10 -> 1/2. E's, started 2025-01-13, is still open: overdue from 2025-03-18.
const assessment = (la_child_id: string, referral_date: string, start_date: string, authorisation_date: string | null): NewRow<'cin_assessment'> => ({
  la_child_id, referral_date, start_date, authorisation_date, due_date: assessmentDueDate(start_date), factors: [],
});
export const ASSESSMENTS = [
  assessment('A', '2024-05-10', '2024-05-13', '2024-06-20'),
  assessment('A', '2025-04-15', '2025-04-15', '2025-06-20'),
  assessment('D', '2025-04-01', '2025-04-01', '2025-06-10'),
  assessment('C', '2025-04-30', '2025-05-01', null),
  assessment('E', '2025-01-10', '2025-01-13', null),
];

let store: Store;
before(async () => {
  store = await openTestStore();
  await store.db.insertInto('cin_referral').values(REFERRALS).execute();
  await store.db.insertInto('cin_assessment').values(ASSESSMENTS).execute();
  // 2026's estimate must not be used for 2025-26: the latest at or before the year is 2024's.
  await store.db.insertInto('child_population').values([{ year: 2023, population: 10_000 }, { year: 2024, population: 20_000 }, { year: 2026, population: 99_999 }]).execute();
  await computeIndicators(store, { asOf: AS_OF });
});
after(() => store.close());

const stored = (id: string, type: PeriodType, start: string) => storedFigure(store, id, type, start);

describe('front door indicators', () => {
  test('referrals are counted in the month received, and none before the first', async () => {
    assert.deepEqual(await stored('referrals', 'month', '2025-04-01'), [4, null, 4, null]);
    assert.deepEqual(await stored('referrals', 'month', '2025-05-01'), [0, null, 0, null]);
    assert.deepEqual(await stored('referrals', 'quarter', '2025-01-01'), [1, null, 1, null]);
    assert.deepEqual(await stored('referrals', 'year', '2024-04-01'), [3, null, 3, null]); // A, B (April 2024) and E
    assert.equal(await stored('referrals', 'month', '2024-03-01'), undefined);
  });

  test('re-referrals: 12 months to the day is the limit', async () => {
    // A is re-referred (11 months); B is not (12 months and a day) -> 1 of 4 = 25%, red against 20% ± 3.
    assert.deepEqual(await stored('re_referrals_12m', 'month', '2025-04-01'), [1, 4, 25, 'red']);
    assert.deepEqual(await stored('referrals_nfa', 'month', '2025-04-01'), [1, 4, 25, null]);
  });

  test('referrals per 10,000 children are annualised with the estimate for the year', async () => {
    // April 2025: 4 referrals, 20,000 children (2024 estimate), 30 days: 4 × 10,000 / (20,000 × 30 / 365.25).
    const april = await stored('referrals_per_10k', 'month', '2025-04-01');
    assert.equal(april?.[2], Math.round(((4 * 10_000) / ((20_000 * 30) / 365.25)) * 100) / 100);
    // 2024-25: 3 referrals over the whole year (to 31 March 2025, 365 days) of 20,000 children.
    const year = await stored('referrals_per_10k', 'year', '2024-04-01');
    assert.equal(year?.[2], Math.round(((3 * 10_000) / ((20_000 * 365) / 365.25)) * 100) / 100);
    // A period with no referral has no rate (rather than a false zero).
    assert.equal((await stored('referrals_per_10k', 'month', '2025-05-01'))?.[2] ?? null, null);
  });

  test('assessments within 45 working days count bank holidays out', async () => {
    assert.deepEqual(await stored('assessments_45_days', 'month', '2025-06-01'), [1, 2, 50, 'red']);
    assert.deepEqual(await stored('assessments_45_days', 'month', '2024-06-01'), [1, 1, 100, 'green']);
    // E's assessment (due 2025-03-17) is overdue from the end of March; C's (due in July) is not yet.
    assert.deepEqual(await stored('assessments_overdue', 'month', '2025-02-01'), [0, null, 0, null]);
    assert.deepEqual(await stored('assessments_overdue', 'month', '2025-03-01'), [1, null, 1, null]);
    assert.deepEqual(await stored('assessments_overdue', 'month', '2025-06-01'), [1, null, 1, null]);
  });

  test('by source: the fire service is its own group, other codes fall into the DfE groups', async () => {
    const rows = await indicatorBreakdown(store, 'referrals', 'referral_source', 'month', '2025-04-01', AS_OF);
    assert.deepEqual(
      rows.map((r) => [r.label, r.value]).sort(),
      [['Fire and rescue service', 1], ['Health services', 1], ['Individual', 1], ['Schools', 1]],
    );
    const ages = await indicatorBreakdown(store, 'referrals', 'age_band', 'month', '2025-04-01', AS_OF);
    assert.deepEqual(ages.map((r) => [r.label, r.value]).sort(), [['10-15', 3], ['Unborn or not recorded', 1]]);
  });
});
