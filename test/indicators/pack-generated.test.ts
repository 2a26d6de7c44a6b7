// The pack on generated data of every area (the generator's small scale, imported as a council
// would): every figure is the one its indicator's own query gives for that period type alone, and
// the counts the pack adds up from months (unitPerRow) really have one row per unit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { INDICATORS } from '../../src/core/indicators/index.ts';
import { periodOf } from '../../src/core/periods.ts';
import { generate } from '../../src/generate/index.ts';
import { importDirectory } from '../../src/importers/index.ts';
import { addsUpFromMonths, readIndicators, runIndicator, windowStart } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

const AS_OF = '2026-11-25';
const dir = mkdtempSync(join(tmpdir(), 'csinsight-pack-generated-'));
let store: Store;

before(async () => {
  await generate({ scale: 'small', seed: 17, outDir: dir, asOf: AS_OF });
  store = await openTestStore();
  const result = await importDirectory(store, dir, { user: 'test' });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors.slice(0, 3)));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a count added up from months has one row per unit in its source', async () => {
  const counts = INDICATORS.filter((def) => def.aggregate === 'count' && addsUpFromMonths(def));
  assert.ok(counts.length >= 5, 'referrals, early help, home education and missing episodes');
  for (const def of counts) {
    const { rows } = await sql<{ rows: number; units: number }>`WITH params AS (SELECT ${AS_OF}::date AS as_of)
      SELECT count(*)::int AS rows, count(DISTINCT unit_id)::int AS units FROM (${sql.raw(def.source.sql)}) src`.execute(store.db);
    assert.ok(rows[0]!.rows > 0, `${def.id} has rows to check`);
    assert.equal(rows[0]!.units, rows[0]!.rows, def.id);
  }
});

test('every figure of the pack on generated data is the one its period type alone gives', async () => {
  const pack = await readIndicators(store, AS_OF);
  const areas = new Set<string>();
  for (const { def, type, rows } of pack) {
    const alone = await runIndicator(store.db, def, type, windowStart(type, AS_OF), periodOf(AS_OF, type).start, AS_OF);
    assert.deepEqual(rows, alone, `${def.id} by ${type}`);
    if (rows.some((r) => r.value)) areas.add(def.area);
  }
  assert.equal(areas.size, new Set(INDICATORS.map((d) => d.area)).size, 'every area has figures to compare');
});
