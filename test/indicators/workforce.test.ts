// Workforce indicators on a hand-made two-team service with answers worked out by hand.
//
// Months July 2024 to June 2025 (12 returns), as of 30 June 2025.
//   Assessment (A), every month: 10 employed, 2 agency, 3 vacant, 180 cases on 10 case-holding FTE,
//     training 36 of 40. Leavers 1 in January 2025 and 0.5 in May 2025.
//   Disabled children (D): 8 employed, 4 agency, 4 vacant, 150 cases on 10, training 21 of 30, until
//     April 2025; May 7 / 5 / 5; June 6 / 6 / 6 with 160 cases on 10 and training 18 of 30.
//     Leavers 1 each in March, May and June 2025.
// June 2025 (and Q1 2025-26, and 2025-26 so far): FTE 10 + 6 = 16; agency (2 + 6) / (2 + 6 + 10 + 6)
//   = 8/24 = 33.33%; vacancies (3 + 6) / (3 + 6 + 10 + 6) = 9/25 = 36%; leavers in the 12 months
//   1.5 + 3 = 4.5 over 16 = 28.125%; caseload (180 + 160) / 20 = 17; training 54/70 = 77.14%.
// March 2025 (Q4 2024-25, and 2024-25): FTE 18; agency 6/24 = 25%. Turnover needs 12 months of
//   returns, so it first has a figure in June 2025.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths } from '../../src/core/dates.ts';
import { computeIndicators, indicatorBreakdown, isFigureSuppressed } from '../../src/store/indicators.ts';
import { indicatorById } from '../../src/core/indicators/index.ts';
import { ragFor } from '../../src/core/rag.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import { openTestStore } from '../helpers.ts';
import { storedFigure } from './stored.ts';
import type { PeriodType } from '../../src/core/periods.ts';

const AS_OF = '2025-06-30';

function rows(): NewRow<'workforce_month'>[] {
  const out: NewRow<'workforce_month'>[] = [];
  for (let i = 0; i < 12; i++) {
    const month = addMonths('2024-07-01', i);
    const leaversA = month === '2025-01-01' ? 1 : month === '2025-05-01' ? 0.5 : 0;
    out.push({
      month, team: 'Assessment', employed_fte: 10, agency_fte: 2, vacant_fte: 3, starters_fte: 0, leavers_fte: leaversA,
      cases: 180, case_holding_fte: 10, training_required: 40, training_completed: 36,
    });
    const [employed, agency, vacant] = month === '2025-05-01' ? [7, 5, 5] : month === '2025-06-01' ? [6, 6, 6] : [8, 4, 4];
    const june = month === '2025-06-01';
    out.push({
      month, team: 'Disabled children', employed_fte: employed, agency_fte: agency, vacant_fte: vacant, starters_fte: 0,
      leavers_fte: ['2025-03-01', '2025-05-01', '2025-06-01'].includes(month) ? 1 : 0,
      cases: june ? 160 : 150, case_holding_fte: 10, training_required: 30, training_completed: june ? 18 : 21,
    });
  }
  return out;
}

let store: Store;
before(async () => {
  store = await openTestStore();
  await store.db.insertInto('workforce_month').values(rows()).execute();
  await computeIndicators(store, { asOf: AS_OF });
});
after(() => store.close());

const stored = (id: string, type: PeriodType, start: string) => storedFigure(store, id, type, start);

describe('workforce indicators', () => {
  test('stock measures are those of the latest month in the period', async () => {
    for (const [type, start] of [['month', '2025-06-01'], ['quarter', '2025-04-01'], ['year', '2025-04-01']] as const) {
      assert.deepEqual(await stored('workforce_fte', type, start), [16, null, 16, null], `${type} ${start}`);
      assert.deepEqual(await stored('workforce_agency_rate', type, start), [8, 24, 33.33, 'red']);
      assert.deepEqual(await stored('workforce_vacancy_rate', type, start), [9, 25, 36, 'red']);
      assert.deepEqual(await stored('workforce_caseload', type, start), [340, 20, 17, 'green']);
      assert.deepEqual(await stored('workforce_training', type, start), [54, 70, 77.14, 'red']);
    }
    assert.deepEqual(await stored('workforce_fte', 'month', '2025-05-01'), [17, null, 17, null]);
    assert.deepEqual(await stored('workforce_fte', 'quarter', '2025-01-01'), [18, null, 18, null]);
    assert.deepEqual(await stored('workforce_agency_rate', 'year', '2024-04-01'), [6, 24, 25, 'red']);
  });

  test('turnover: leavers in the 12 months to the period over FTE at its end, once 12 months of returns exist', async () => {
    assert.deepEqual(await stored('workforce_turnover_rate', 'month', '2025-06-01'), [4.5, 16, 28.13, 'red']);
    assert.deepEqual(await stored('workforce_turnover_rate', 'quarter', '2025-04-01'), [4.5, 16, 28.13, 'red']);
    assert.deepEqual(await stored('workforce_turnover_rate', 'month', '2025-05-01'), undefined, 'only 11 months of returns by May');
    assert.deepEqual(await stored('workforce_turnover_rate', 'year', '2024-04-01'), undefined);
  });

  test('RAG: a caseload of 18 is on target, up to 20 amber; turnover 15% green, 18% amber, over that red', () => {
    const caseload = indicatorById('workforce_caseload')!;
    assert.deepEqual([18, 19.5, 20, 20.1].map((v) => ragFor(v, caseload)), ['green', 'amber', 'amber', 'red']);
    const turnover = indicatorById('workforce_turnover_rate')!;
    assert.deepEqual([15, 18, 18.5].map((v) => ragFor(v, turnover)), ['green', 'amber', 'red']);
    const training = indicatorById('workforce_training')!;
    assert.deepEqual([90, 80, 79.9].map((v) => ragFor(v, training)), ['green', 'amber', 'red']);
  });

  test('periods before the first return are not written', async () => {
    assert.equal(await stored('workforce_fte', 'month', '2024-06-01'), undefined);
    assert.deepEqual(await stored('workforce_fte', 'month', '2024-07-01'), [18, null, 18, null]);
  });

  test('by team: each team its own rate; 1 to 5 agency FTE in a team is withheld from councillors', async () => {
    const agency = await indicatorBreakdown(store, 'workforce_agency_rate', 'team', 'quarter', '2025-04-01', AS_OF);
    assert.deepEqual(agency.map((r) => [r.label, r.numerator, r.denominator, Math.round(r.value! * 100) / 100, r.suppressed]), [
      ['Assessment', 2, 12, 16.67, true],
      ['Disabled children', 6, 12, 50, false],
    ]);
    const fte = await indicatorBreakdown(store, 'workforce_fte', 'team', 'month', '2025-06-01', AS_OF);
    assert.deepEqual(fte.map((r) => [r.label, r.value, r.suppressed]), [['Assessment', 10, false], ['Disabled children', 6, false]]);
    const def = indicatorById('workforce_agency_rate')!;
    assert.equal(isFigureSuppressed(def, 8, 24), false, 'the service figure is shown');
  });
});
