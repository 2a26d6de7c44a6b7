// Indicator cards as the dashboard, the area pages and the JSON API show them, from stored figures
// read back through the real summary: direction for contextual measures, withheld comparisons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue } from '../../src/reports/indicator-figures.ts';
import { formatNumber } from '../../src/server/format.ts';
import { indicatorCard } from '../../src/server/present.ts';
import { indicatorSummary } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { insertQuarterFigures } from '../indicators/stored.ts';

const QUARTER = '2026-07-01';
let store: Store;

before(async () => {
  store = await openTestStore();
  await insertQuarterFigures(store, [
    ['ehe_children', '2026-04-01', 228, null, 228],
    ['ehe_children', QUARTER, 255, null, 255], // contextual, up
    ['referrals', '2026-04-01', 120, null, 120],
    ['referrals', QUARTER, 96, null, 96], // contextual, down
    ['missing_children', '2026-04-01', 3, null, 3], // previous withheld from councillors
    ['missing_children', QUARTER, 12, null, 12],
    ['care_leavers_neet', '2026-04-01', 18, 50, 36],
    ['care_leavers_neet', QUARTER, 19, 50, 38], // worsening (lower is better)
    ['workforce_fte', QUARTER, 18, null, 18],
    ['workforce_caseload', QUARTER, 340, 20, 17],
    ['referrals_per_10k', QUARTER, 1_230_000, 2291.5, 1_230_000 / 2291.5],
  ]);
  await store.db
    .insertInto('benchmark')
    .values([
      { indicator_id: 'missing_children', area: 'England', fy: 2026, value: 16790 },
      { indicator_id: 'care_leavers_neet', area: 'England', fy: 2026, value: 38.2 },
    ])
    .execute();
});
after(() => store?.close());

async function card(id: string, role: 'officer' | 'councillor') {
  const summary = (await indicatorSummary(store, { periodType: 'quarter', asOf: QUARTER })).find((s) => s.definition.id === id);
  assert.ok(summary, id);
  return indicatorCard(summary, role);
}

test('a contextual measure goes up or down, in words and arrow, with no judgement', async () => {
  const ehe = await card('ehe_children', 'councillor');
  assert.deepEqual([ehe.direction, ehe.directionText, ehe.change, ehe.current?.rag], ['up', 'Up', 'up', null]);
  const referrals = await card('referrals', 'councillor');
  assert.deepEqual([referrals.direction, referrals.directionText, referrals.change], ['down', 'Down', 'down']);
  const neet = await card('care_leavers_neet', 'councillor');
  assert.deepEqual([neet.direction, neet.directionText, neet.change], ['worsening', 'Worsening', 'up']);
});

test('a withheld previous figure withholds the direction from a councillor, not from an officer', async () => {
  const councillor = await card('missing_children', 'councillor');
  assert.equal(councillor.previous?.text, '<6');
  assert.deepEqual([councillor.direction, councillor.directionText, councillor.change], [null, 'Not shown (small numbers)', null]);
  const officer = await card('missing_children', 'officer');
  assert.deepEqual([officer.direction, officer.directionText, officer.change], ['worsening', 'Worsening', 'up']);
});

test('benchmarks only for a rate or an average: a national count is not set beside ours', async () => {
  const count = (await card('missing_children', 'officer')).benchmarks;
  assert.deepEqual([count.period, count.england], [null, null]);
  const rate = (await card('care_leavers_neet', 'officer')).benchmarks;
  assert.deepEqual([rate.period, rate.england, rate.shown.rows[0]], ['2026-27', 38.2, { key: 'england', label: 'England', value: 38.2, text: '38.2%' }]);
});

test('full-time equivalents and ratios read to one decimal place, on cards and in the report', async () => {
  assert.equal((await card('workforce_fte', 'councillor')).current?.text, '18.0');
  assert.equal((await card('workforce_caseload', 'councillor')).current?.text, '17.0');
  assert.equal((await card('workforce_caseload', 'councillor')).target, '18.0 or less');
  assert.equal((await card('referrals_per_10k', 'councillor')).current?.text, '536.8');
  assert.deepEqual([formatNumber(42.55, 'fte'), formatNumber(1234.56, 'ratio'), formatNumber(7, 'count'), formatNumber(12.5, 'percent')], ['42.6', '1,234.6', '7', '12.5%']);
  assert.deepEqual([formatValue(18, 'fte'), formatValue(16.84, 'ratio'), formatValue(1234.4, 'count'), formatValue(21, 'weeks')], ['18.0', '16.8', '1,234', '21.0 weeks']);
});
