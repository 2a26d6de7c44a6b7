import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PeriodType } from '../../src/core/periods.ts';
import { openTestStore } from '../helpers.ts';
import { storedFigure } from './stored.ts';
import { AS_OF, loadFixtures } from './fixtures.ts';
import { INDICATORS, indicatorById } from '../../src/core/indicators/index.ts';
import {
  computeIndicators,
  indicatorBreakdown,
  indicatorForPeriod,
  indicatorHistory,
  indicatorSummary,
} from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
  await loadFixtures(store);
  const progress: number[] = [];
  const result = await computeIndicators(store, { asOf: AS_OF, onProgress: (done) => progress.push(done) });
  assert.ok(result.values > 0);
  assert.equal(progress.length, INDICATORS.reduce((n, d) => n + d.periodTypes.length, 0));
});
after(() => store.close());

const stored = (id: string, type: PeriodType, start: string) => storedFigure(store, id, type, start);

describe('definitions', () => {
  test('ids are the agreed ones and every definition is complete', () => {
    for (const id of [
      'ehcp_20wk_excl', 'ehcp_20wk_incl', 'ehcp_mean_weeks', 'ehcp_advice_6wk_health', 'ehcp_advice_6wk_social_care',
      'ehcp_advice_6wk_educational_psychology', 'ehcp_advice_6wk_education', 'care_leavers_neet', 'care_leavers_neet_oc3',
      'neet_spell_median_days', 'missing_episodes', 'missing_children', 'rhi_offered_72h', 'rhi_completed', 'repeat_missing_children',
    ]) {
      const def = indicatorById(id);
      assert.ok(def, id);
      assert.ok(def.description.length > 80, `${id} explains itself`);
      assert.ok(def.periodTypes.length > 0);
    }
    assert.equal(indicatorById('no_such_indicator'), undefined);
  });
});

describe('EHCP timeliness', () => {
  test('exactly 140 days is within 20 weeks, 141 is late; exceptions only in the including measure', async () => {
    // May 2025: R1 (140 days) in time, R2 (141) late, R3 (Week20 exception, 160) late.
    assert.deepEqual(await stored('ehcp_20wk_excl', 'month', '2025-05-01'), [1, 2, 50, 'amber']);
    assert.deepEqual(await stored('ehcp_20wk_incl', 'month', '2025-05-01'), [1, 3, 33.33, 'red']);
    assert.deepEqual(await stored('ehcp_20wk_excl', 'month', '2025-03-01'), [1, 1, 100, 'green']);
  });

  test('a period with no plans has no figure (null, not 0%); periods before the first data are not written', async () => {
    assert.deepEqual(await stored('ehcp_20wk_excl', 'month', '2025-04-01'), [null, null, null, null]);
    assert.deepEqual(await stored('ehcp_20wk_excl', 'month', '2025-06-01'), [null, null, null, null]);
    assert.equal(await stored('ehcp_20wk_excl', 'month', '2025-02-01'), undefined);
  });

  test('quarters and financial years gather the months', async () => {
    // Q1 2025-26 = April to June: the May plans. Q4 2024-25: R0 only. 2024-25: R0; 2025-26: May.
    assert.deepEqual(await stored('ehcp_20wk_excl', 'quarter', '2025-04-01'), [1, 2, 50, 'amber']);
    assert.deepEqual(await stored('ehcp_20wk_excl', 'quarter', '2025-01-01'), [1, 1, 100, 'green']);
    assert.deepEqual(await stored('ehcp_20wk_incl', 'year', '2024-04-01'), [1, 1, 100, 'green']);
    assert.deepEqual(await stored('ehcp_20wk_incl', 'year', '2025-04-01'), [1, 3, 33.33, 'red']);
  });

  test('mean weeks from request to plan', async () => {
    // (140 + 141 + 160) / 3 / 7 = 21 weeks: 1 over the 20-week target, inside the 4-week amber band.
    assert.deepEqual(await stored('ehcp_mean_weeks', 'month', '2025-05-01'), [63, 3, 21, 'amber']);
  });

  test('decisions whether to assess: 42 days is in time, 43 is late', async () => {
    assert.deepEqual(await stored('ehcp_decision_6wk', 'month', '2025-02-01'), [1, 2, 50, 'red']);
  });

  test('advice is counted in the month it is due; outstanding and overdue counts as late; not yet due is left out', async () => {
    assert.deepEqual(await stored('ehcp_advice_6wk_health', 'month', '2025-04-01'), [1, 4, 25, 'red']);
    assert.deepEqual(await stored('ehcp_advice_6wk_health', 'month', '2025-06-01'), [0, 0, null, null]);
    assert.deepEqual(await stored('ehcp_advice_6wk_education', 'month', '2025-04-01'), [2, 2, 100, 'green']);
    assert.equal(await stored('ehcp_advice_6wk_social_care', 'month', '2025-04-01'), undefined, 'no social care advice at all');
  });
});

describe('care leavers', () => {
  test('NEET at period end counts ages 17 to 21 only (16 and 22 left out)', async () => {
    // 28 Feb: CL1 G5, CL3 F5, CL4 (21) G6. 31 Mar: CL2 is 16, CL4 is 22. 30 Apr: CL2 17 G4, CL1 now F2.
    assert.deepEqual(await stored('care_leavers_neet', 'month', '2025-02-01'), [2, 3, 66.67, 'red']);
    assert.deepEqual(await stored('care_leavers_neet', 'month', '2025-03-01'), [1, 2, 50, 'red']);
    assert.deepEqual(await stored('care_leavers_neet', 'month', '2025-04-01'), [1, 2, 50, 'red']);
  });

  test('median NEET spell so far: spells cross period ends and consecutive NEET activities join up', async () => {
    // Feb: CL1 89 days, CL4 424 days (G6 then G4 from 2024-01-01) -> 256.5. Mar: CL1 120. Apr: CL2 119.
    assert.deepEqual(await stored('neet_spell_median_days', 'month', '2025-02-01'), [null, 2, 256.5, 'red']);
    assert.deepEqual(await stored('neet_spell_median_days', 'month', '2025-03-01'), [null, 1, 120, 'amber']);
    assert.deepEqual(await stored('neet_spell_median_days', 'month', '2025-04-01'), [null, 1, 119, 'amber']);
  });

  test('OC3 measures are yearly', async () => {
    assert.deepEqual(await stored('care_leavers_neet_oc3', 'year', '2024-04-01'), [1, 4, 25, 'green']);
    assert.deepEqual(await stored('care_leavers_in_touch', 'year', '2024-04-01'), [2, 3, 66.67, 'red']);
    assert.deepEqual(await stored('care_leavers_suitable_accom', 'year', '2024-04-01'), [2, 3, 66.67, 'red']);
    assert.equal(await stored('care_leavers_neet_oc3', 'month', '2024-04-01'), undefined);
  });
});

describe('missing from home and care', () => {
  test('episodes and children starting in the period', async () => {
    assert.deepEqual(await stored('missing_episodes', 'month', '2025-04-01'), [3, null, 3, null]);
    assert.deepEqual(await stored('missing_children', 'month', '2025-04-01'), [2, null, 2, null]);
    assert.deepEqual(await stored('missing_episodes', 'quarter', '2025-04-01'), [5, null, 5, null]);
    assert.deepEqual(await stored('missing_children', 'quarter', '2025-04-01'), [2, null, 2, null]);
  });

  test('return home interview offered on day 3 is in time, day 4 is late; a window still open is left out', async () => {
    assert.deepEqual(await stored('rhi_offered_72h', 'month', '2025-04-01'), [2, 3, 66.67, 'red']);
    assert.deepEqual(await stored('rhi_offered_72h', 'month', '2025-05-01'), [0, 1, 0, 'red'], 'a real 0%');
    assert.deepEqual(await stored('rhi_offered_72h', 'month', '2025-06-01'), [0, 0, null, null]);
    assert.deepEqual(await stored('rhi_completed', 'month', '2025-04-01'), [2, 3, 66.67, 'amber']);
    assert.deepEqual(await stored('rhi_completed', 'month', '2025-06-01'), [0, 1, 0, 'red']);
  });

  test('repeat missing: 3 episodes within the 12 months to period end', async () => {
    assert.deepEqual(await stored('repeat_missing_children', 'month', '2025-04-01'), [0, null, 0, null]);
    assert.deepEqual(await stored('repeat_missing_children', 'month', '2025-05-01'), [1, null, 1, null]);
    assert.deepEqual(await stored('repeat_missing_children', 'month', '2025-06-01'), [1, null, 1, null]);
  });

  test('looked-after children at period end leave out short breaks and episodes ending that day', async () => {
    assert.deepEqual(await stored('looked_after_children', 'month', '2025-02-01'), [2, null, 2, null]);
    assert.deepEqual(await stored('looked_after_children', 'month', '2025-03-01'), [1, null, 1, null]);
  });
});

describe('reading the figures', () => {
  test('summary: current and previous period, direction of travel, sparkline, benchmarks, suppression', async () => {
    await store.db
      .insertInto('benchmark')
      .values([
        { indicator_id: 'ehcp_20wk_excl', area: 'England', fy: 2024, value: 46.4 },
        { indicator_id: 'ehcp_20wk_excl', area: 'England', fy: 2025, value: 48 },
        { indicator_id: 'ehcp_20wk_excl', area: 'Statistical neighbours', fy: 2024, value: 52.5 },
      ])
      .execute();
    const summary = await indicatorSummary(store, { periodType: 'quarter', asOf: AS_OF });
    assert.ok(!summary.some((s) => s.definition.id === 'care_leavers_in_touch'), 'yearly-only measures are not in a quarterly summary');
    const excl = summary.find((s) => s.definition.id === 'ehcp_20wk_excl');
    assert.ok(excl);
    assert.equal(excl.period.label, '2025-26 Q1');
    assert.equal(excl.current?.value, 50);
    assert.equal(excl.current?.rag, null, '1 of 2 is too few to rate (stored as amber against the target)');
    assert.equal(excl.current?.tooFewToRate, true);
    assert.equal(excl.current?.suppressed, true, '1 of 2 would identify children');
    assert.equal(excl.previous?.value, 100);
    assert.equal(excl.direction, 'worsening');
    assert.deepEqual(excl.sparkline.map((p) => p.period.start), ['2025-01-01', '2025-04-01']);
    // From the hand-made benchmark file: the latest year begun (2025-26); every figure is for that
    // year, so the neighbours' 2024-25 figure is not passed off as this year's.
    const b = excl.benchmarks;
    assert.deepEqual([b.source, b.period, b.england, b.neighbours, b.rank], ['table', '2025-26', 48, null, null]);
    assert.equal(b.reasons.neighbours, 'not in the benchmark file');
    assert.match(b.reasons.rank ?? '', /load the EES file for every authority/);
    const neet = summary.find((s) => s.definition.id === 'care_leavers_neet');
    // Q4 2024-25 (31 Mar): 1 of 2 NEET; Q1 2025-26 (30 Jun): CL2 NEET, CL1 not -> 1 of 2: no change.
    assert.equal(neet?.direction, 'same');
  });

  test('summary defaults to the latest computed period', async () => {
    const summary = await indicatorSummary(store, { periodType: 'month' });
    assert.equal(summary[0]?.period.start, '2025-06-01');
    assert.ok(summary.length > 0 && summary.every((s) => s.sparkline.length <= 12));
  });

  test('history is every stored value, oldest first', async () => {
    const history = await indicatorHistory(store, 'missing_episodes', 'month');
    assert.deepEqual(history.map((p) => [p.period.start, p.value]), [['2025-04-01', 3], ['2025-05-01', 1], ['2025-06-01', 1]]);
    await assert.rejects(indicatorHistory(store, 'nope', 'month'), /no indicator called "nope"/);
  });

  test('breakdowns add up to the stored figure', async () => {
    const byLookedAfter = await indicatorBreakdown(store, 'missing_episodes', 'looked_after', 'month', '2025-04-01', AS_OF);
    assert.deepEqual(byLookedAfter.map((r) => [r.label, r.value, r.suppressed]), [
      ['Looked after (missing from care)', 2, true],
      ['Missing from home', 1, true],
    ]);
    const byPlacement = await indicatorBreakdown(store, 'missing_episodes', 'placement_type', 'quarter', '2025-04-01', AS_OF);
    assert.deepEqual(byPlacement.map((r) => [r.label, r.value]), [['Foster care', 3], ['Not looked after (missing from home)', 2]]);
    const bySex = await indicatorBreakdown(store, 'ehcp_20wk_incl', 'sex', 'month', '2025-05-01', AS_OF);
    assert.deepEqual(bySex.map((r) => [r.label, r.numerator, r.denominator]), [['Female', 1, 1], ['Male', 0, 2]]);
    const byEthnicity = await indicatorBreakdown(store, 'care_leavers_neet', 'ethnicity', 'month', '2025-02-01', AS_OF);
    assert.deepEqual(byEthnicity.map((r) => [r.label, r.numerator, r.denominator]), [['African', 1, 1], ['White British', 1, 2]]);
    await assert.rejects(indicatorBreakdown(store, 'missing_episodes', 'primary_need', 'month', '2025-04-01'), /cannot be broken down/);
    await assert.rejects(indicatorBreakdown(store, 'missing_episodes', 'sex', 'month', '2025-04-02'), /not the start of a month/);
  });

  test('every breakdown of every indicator runs', async () => {
    for (const def of INDICATORS) {
      for (const dimension of def.dimensions) {
        const type = def.periodTypes[def.periodTypes.length - 1] ?? 'year';
        const rows = await indicatorBreakdown(store, def.id, dimension, type, '2025-04-01', AS_OF);
        assert.ok(Array.isArray(rows), `${def.id} by ${dimension}`);
      }
    }
  });

  test('a figure on demand matches the stored one', async () => {
    const f = await indicatorForPeriod(store, 'rhi_offered_72h', 'month', '2025-04-01', AS_OF);
    assert.deepEqual([f.numerator, f.denominator, Math.round((f.value ?? 0) * 100) / 100], [2, 3, 66.67]);
  });
});

describe('recomputing', () => {
  // Last: this changes the shared data.
  test('recomputed periods are replaced; periods older than the window stay as history', async () => {
    await store.db
      .insertInto('missing_episode')
      .values({ child_id: 'M2', mis_start: '2025-04-25', missing: 'M', mis_end: '2025-04-25', looked_after: false, start_time: null, rhi_offered: null, rhi_completed: null, rhi_declined: null })
      .execute();
    await computeIndicators(store, { asOf: AS_OF });
    assert.deepEqual(await stored('missing_episodes', 'month', '2025-04-01'), [4, null, 4, null]);

    // Five years on, April 2025 is outside the window: the source data goes, the figure stays.
    await store.db.deleteFrom('missing_episode').execute();
    await computeIndicators(store, { asOf: '2030-06-30' });
    assert.deepEqual(await stored('missing_episodes', 'month', '2025-04-01'), [4, null, 4, null]);
  });

  test('with no data left there is nothing to compute', async () => {
    for (const table of ['ehcp_request', 'leaver_activity', 'oc3', 'la_episode'] as const) await store.db.deleteFrom(table).execute();
    assert.equal((await computeIndicators(store)).values, 0);
  });
});
