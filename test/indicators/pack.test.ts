// The pack reads an additive event source (rates, sums, ratios, means) once for all its period
// types, adding up sums per month into quarters and years. Every figure must be what the
// indicator's own query gives for that period type alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { INDICATORS } from '../../src/core/indicators/index.ts';
import { periodOf } from '../../src/core/periods.ts';
import { readIndicators, runIndicator, windowStart } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, loadFixtures } from './fixtures.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
  await loadFixtures(store);
});
after(() => store.close());

test('every figure of the pack is the one its period type alone gives', async () => {
  const pack = await readIndicators(store, AS_OF);
  assert.equal(pack.length, INDICATORS.reduce((n, def) => n + def.periodTypes.length, 0));
  let figures = 0;
  for (const { def, type, rows } of pack) {
    const alone = await runIndicator(store.db, def, type, windowStart(type, AS_OF), periodOf(AS_OF, type).start, AS_OF);
    assert.deepEqual(rows, alone, `${def.id} by ${type}`);
    figures += rows.filter((r) => r.value !== null && r.value !== 0).length;
  }
  assert.ok(figures > 50, 'the fixtures give figures to compare');
});
