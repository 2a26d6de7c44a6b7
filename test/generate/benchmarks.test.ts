import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indicatorById } from '../../src/core/indicators/index.ts';
import { benchmarkRows } from '../../src/generate/benchmarks.ts';
import { streamFor } from '../../src/generate/random.ts';

test('comparator figures are generated only for benchmarkable indicators (rates and averages, never a count)', () => {
  const rows = benchmarkRows(streamFor(1, 'benchmarks'), [2023, 2024, 2025]);
  const ids = [...new Set(rows.map((r) => String(r[0])))];
  assert.ok(ids.length >= 8);
  for (const id of ids) {
    const def = indicatorById(id);
    assert.ok(def, `${id} is an indicator`);
    assert.equal(def.benchmarkable, true, `${id} is benchmarkable`);
    assert.notEqual(def.aggregate, 'count', `${id} is not a count`);
  }
});
