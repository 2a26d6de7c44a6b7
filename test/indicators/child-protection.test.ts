// Child protection indicators on hand-made CIN census rows, with answers worked out by hand from
// the DfE's definitions (quarter April to June 2025, population 10,000).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { icpcDueDate, reviewsOnTime } from '../../src/core/childProtection.ts';
import { addWorkingDays } from '../../src/core/cin.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { storedFigure } from './stored.ts';

const AS_OF = '2025-06-30';
const Q = '2025-04-01';

const referral = (id: string, date: string, nfa = false) => ({
  la_child_id: id, referral_date: date, person_birth_date: '2015-01-01', gender: '1', ethnicity: 'WBRI', referral_source: '6', referral_nfa: nfa,
  closure_date: nfa ? date : null, closure_reason: nfa ? 'RC8' : null,
});
const plan = (id: string, ref: string, start: string, end: string | null, previous = 0) => ({
  la_child_id: id, referral_date: ref, start_date: start, end_date: end, initial_category: 'NEG', latest_category: 'NEG', previous_plans: previous,
});

let store: Store;
before(async () => {
  store = await openTestStore();
  // Seven children open on 30 June 2025, and H's referral with no further action (not a child in need).
  await store.db.insertInto('cin_referral').values([
    referral('A', '2025-04-01'), referral('B', '2025-04-10'), referral('C', '2023-01-05'), referral('D', '2024-09-20'),
    referral('E', '2025-01-02'), referral('F', '2024-11-20'), referral('G', '2024-05-20'), referral('H', '2025-05-01', true),
  ]).execute();
  // A's conference on its 15th working day (in time), B's a working day later (late).
  await store.db.insertInto('cin_section47').values([
    { la_child_id: 'A', referral_date: '2025-04-01', start_date: '2025-04-02', icpc_date: icpcDueDate('2025-04-02'), icpc_not_required: false, icpc_due: icpcDueDate('2025-04-02') },
    { la_child_id: 'B', referral_date: '2025-04-10', start_date: '2025-04-10', icpc_date: addWorkingDays(icpcDueDate('2025-04-10'), 1), icpc_not_required: false, icpc_due: icpcDueDate('2025-04-10') },
  ]).execute();
  await store.db.insertInto('cin_cp_plan').values([
    plan('A', '2025-04-01', '2025-04-24', null, 0),
    plan('B', '2025-04-10', '2025-05-20', null, 2),
    // Ends in the quarter after two years and four months; D's after eight months.
    plan('C', '2023-01-05', '2023-01-10', '2025-05-15'),
    plan('D', '2024-09-20', '2024-10-01', '2025-06-01'),
    // Open on 30 June for three months or more: E reviewed in time, F never reviewed, G's second review late.
    plan('E', '2025-01-02', '2025-01-10', null), plan('F', '2024-11-20', '2024-12-01', null), plan('G', '2024-05-20', '2024-06-01', null),
  ]).execute();
  await store.db.insertInto('cin_cp_review').values([
    { la_child_id: 'E', referral_date: '2025-01-02', plan_start: '2025-01-10', review_date: '2025-04-05' },
    { la_child_id: 'G', referral_date: '2024-05-20', plan_start: '2024-06-01', review_date: '2024-08-20' },
    { la_child_id: 'G', referral_date: '2024-05-20', plan_start: '2024-06-01', review_date: '2025-03-01' },
  ]).execute();
  await store.db.insertInto('child_population').values([{ year: 2024, population: 10_000 }, { year: 2025, population: 10_000 }]).execute();
  await computeIndicators(store, { asOf: AS_OF });
});
after(() => store.close());

const stored = (id: string) => storedFigure(store, id, 'quarter', Q);
/** A quarter's share of a year: 91 days. */
const YEAR_SHARE = 91 / 365.25;
const round = (v: number) => Math.round(v * 100) / 100;

test('children in need per 10,000 at the quarter end leave out a referral with no further action', async () => {
  assert.deepEqual(await stored('children_in_need_per_10k'), [70_000, 10_000, 7, null]);
});

test('section 47 enquiries and plans starting per 10,000 children, scaled to a year', async () => {
  const perYear = round(2 / YEAR_SHARE);
  assert.deepEqual((await stored('s47_per_10k'))!.slice(2, 3), [perYear]);
  assert.deepEqual((await stored('cp_plans_per_10k'))!.slice(2, 3), [perYear]);
});

test('ICPC within 15 working days, second plans, plans ending after two years, reviews on time', async () => {
  assert.deepEqual(await stored('icpc_15_days'), [1, 2, 50, 'red']);
  assert.deepEqual(await stored('cp_second_plan'), [1, 2, 50, 'red']);
  assert.deepEqual(await stored('cp_two_years'), [1, 2, 50, 'red']);
  assert.deepEqual(await stored('cp_reviews_on_time'), [1, 3, 33.33, 'red']);
});

test('reviewsOnTime: first within 3 months, later ones within 6, and the next not overdue', () => {
  assert.equal(reviewsOnTime('2025-01-10', ['2025-04-05'], AS_OF), true);
  assert.equal(reviewsOnTime('2024-12-01', [], AS_OF), false);
  assert.equal(reviewsOnTime('2024-06-01', ['2024-08-20', '2025-03-01'], AS_OF), false);
  assert.equal(reviewsOnTime('2024-06-01', ['2024-08-20', '2025-02-10'], AS_OF), true);
});
