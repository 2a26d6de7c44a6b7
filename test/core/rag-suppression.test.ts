import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDICATORS } from '../../src/core/indicators/index.ts';
import { DIRECTION_LABEL, directionOfTravel, exceptionRank, MIN_CASES_TO_RATE, POLARITY_LABEL, ragFor, tooFewToRate } from '../../src/core/rag.ts';
import { formatNumber } from '../../src/server/format.ts';
import { isSuppressed, publishCount, rateIsDisclosive } from '../../src/core/suppression.ts';

test('RAG: at or better than target is green, within tolerance amber, beyond red', () => {
  const higher = { polarity: 'higher' as const, target: 60, tolerance: 5 };
  assert.equal(ragFor(60, higher), 'green');
  assert.equal(ragFor(72, higher), 'green');
  assert.equal(ragFor(55, higher), 'amber');
  assert.equal(ragFor(54.9, higher), 'red');
  const lower = { polarity: 'lower' as const, target: 20, tolerance: 2 };
  assert.equal(ragFor(20, lower), 'green');
  assert.equal(ragFor(22, lower), 'amber');
  assert.equal(ragFor(22.5, lower), 'red');
  assert.equal(ragFor(null, lower), null);
  assert.equal(ragFor(10, { polarity: 'lower', target: null, tolerance: 0 }), null);
});

test('direction of travel reads change through polarity', () => {
  assert.equal(directionOfTravel(55, 50, 'higher'), 'improving');
  assert.equal(directionOfTravel(55, 50, 'lower'), 'worsening');
  assert.equal(directionOfTravel(50, 50, 'lower'), 'same');
  assert.equal(directionOfTravel(50, null, 'lower'), null);
});

test('a neutral measure only goes up or down, is never rated and is never an exception', () => {
  assert.equal(directionOfTravel(255, 228, 'neutral'), 'up');
  assert.equal(directionOfTravel(80, 91, 'neutral'), 'down');
  assert.equal(directionOfTravel(80, 80, 'neutral'), 'same');
  assert.equal(directionOfTravel(80, null, 'neutral'), null);
  assert.deepEqual(['up', 'down', 'same'].map((d) => DIRECTION_LABEL[d as 'up']), ['Up', 'Down', 'No change']);
  assert.equal(ragFor(500, { polarity: 'neutral', target: 10, tolerance: 1 }), null, 'a target given by mistake still judges nothing');
  for (const d of ['up', 'down', 'same'] as const) assert.equal(exceptionRank(null, d), null);
  assert.equal(POLARITY_LABEL.neutral, 'A rise or fall is not in itself good or bad');
});

test('exceptions: Red and worsening, then Red, then worsening Amber, then worsening with no target; never Green', () => {
  assert.equal(exceptionRank('red', 'worsening'), 0);
  assert.equal(exceptionRank('red', 'improving'), 1);
  assert.equal(exceptionRank('red', null), 1);
  assert.equal(exceptionRank('amber', 'worsening'), 2);
  assert.equal(exceptionRank(null, 'worsening'), 3);
  assert.equal(exceptionRank('green', 'worsening'), null, 'still on target');
  assert.equal(exceptionRank('amber', 'improving'), null);
  assert.equal(exceptionRank('green', 'same'), null);
});

test('contextual counts are neutral and have no target; measures with a clear good direction keep it', () => {
  const polarity = (id: string) => INDICATORS.find((d) => d.id === id)?.polarity;
  for (const id of ['referrals', 'looked_after_children', 'ehe_children', 'ehe_new_registrations', 'early_help_children', 'early_help_new', 'early_help_step_downs', 'workforce_fte']) {
    assert.equal(polarity(id), 'neutral', id);
  }
  assert.equal(polarity('assessments_overdue'), 'lower');
  assert.equal(polarity('repeat_missing_children'), 'lower');
  for (const d of INDICATORS.filter((x) => x.polarity === 'neutral')) assert.equal(d.target, null, `${d.id} is neutral, so it has no target`);
});

test('counts of 1 to 5 are suppressed, zero and 6+ are not', () => {
  assert.deepEqual([0, 1, 5, 6, 120].map((n) => publishCount(n)), ['0', '<6', '<6', '6', '120']);
  assert.equal(isSuppressed(null), false);
  assert.equal(publishCount(9, 10), '<10');
  assert.equal(rateIsDisclosive(3, 40), true);
  assert.equal(rateIsDisclosive(30, 4), true);
  assert.equal(rateIsDisclosive(0, 40), false);
  assert.equal(rateIsDisclosive(30, 40), false);
});

test('a published count reads as a page writes it: thousands separated, an FTE sum to one decimal place', () => {
  assert.equal(publishCount(2436), '2,436');
  assert.equal(publishCount(10.799999999999999), '10.8');
  assert.equal(publishCount(2436), formatNumber(2436));
  assert.equal(publishCount(10.799999999999999), formatNumber(10.799999999999999));
});

test('a percentage or average on fewer than MIN_CASES_TO_RATE cases is not rated; a count is', () => {
  const rate = { polarity: 'higher' as const, target: 90, tolerance: 5, aggregate: 'rate' };
  assert.equal(MIN_CASES_TO_RATE, 20);
  assert.equal(ragFor(100, rate, 9), null, '9 of 9 is too few to rate');
  assert.equal(tooFewToRate(rate, 9), true);
  assert.equal(ragFor(100, rate, 20), 'green');
  assert.equal(ragFor(80, rate, 19), null);
  assert.equal(ragFor(80, rate, 200), 'red');
  assert.equal(tooFewToRate({ ...rate, aggregate: 'count' }, 3), false, 'a count has no base to be too small');
  assert.equal(tooFewToRate({ ...rate, target: null, polarity: 'neutral' }, 3), false, 'a contextual measure is never rated anyway');
  assert.equal(exceptionRank(null, 'worsening', true), null, 'a figure too few to rate is not an exception');
});
