import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directionOfTravel, ragFor } from '../../src/core/rag.ts';
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

test('counts of 1 to 5 are suppressed, zero and 6+ are not', () => {
  assert.deepEqual([0, 1, 5, 6, 120].map((n) => publishCount(n)), ['0', '<6', '<6', '6', '120']);
  assert.equal(isSuppressed(null), false);
  assert.equal(publishCount(9, 10), '<10');
  assert.equal(rateIsDisclosive(3, 40), true);
  assert.equal(rateIsDisclosive(30, 4), true);
  assert.equal(rateIsDisclosive(0, 40), false);
  assert.equal(rateIsDisclosive(30, 40), false);
});
