// The generator's CIN census XML: every census year's file passes the year's schema and the census
// rules, it carries child protection, and the front-door figures computed from it equal those from
// the same referrals and assessments as CSV.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { TextWriter } from '../../src/generate/csv.ts';
import { FRONT_DOOR_FILES, generateFrontDoor } from '../../src/generate/frontDoor.ts';
import { areaContext } from '../../src/generate/index.ts';
import { windowFor } from '../../src/generate/scales.ts';
import { importFiles, xmlFilesUnder, type ImportFile } from '../../src/importers/index.ts';
import { readIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

const AS_OF = '2026-11-25';
const dir = mkdtempSync(join(tmpdir(), 'csinsight-cin-xml-'));
const file = (path: string): ImportFile => ({ name: path, path: join(dir, path) });
let csvStore: Store;
let xmlStore: Store;

before(async () => {
  const writers: TextWriter[] = [];
  // Generated without the early-help area, which only reads the links the front door leaves.
  await generateFrontDoor(areaContext({ scale: 'small', seed: 4, outDir: dir, win: windowFor(AS_OF), name: 'front-door', writers }));
  for (const w of writers) w.close();
  [csvStore, xmlStore] = await Promise.all([openTestStore(), openTestStore()]);
});
after(async () => {
  await Promise.all([csvStore.close(), xmlStore.close()]);
  rmSync(dir, { recursive: true, force: true });
});

test('every census year is accepted with no errors and carries child protection', async () => {
  const xml = xmlFilesUnder(dir);
  assert.deepEqual(xml.map((f) => f.name.split('/').pop()), ['cin_census_2025.xml', 'cin_census_2026.xml', 'cin_census_2027.xml']);
  const result = await importFiles(xmlStore, [file(FRONT_DOOR_FILES.population), ...xml], { user: 'test' });
  assert.deepEqual(result.errors.slice(0, 5), []);
  for (const t of ['cin_plan', 'cin_section47', 'cin_cp_plan', 'cin_cp_review'] as const) {
    const n = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(xmlStore.db)).rows[0]!.n;
    assert.ok(n > 10, `${t}: ${n} rows`);
  }
});

test('the front-door figures from the XML equal those from the same data as CSV', async () => {
  const csv = await importFiles(csvStore, [FRONT_DOOR_FILES.population, FRONT_DOOR_FILES.referrals, FRONT_DOOR_FILES.assessments].map(file), { user: 'test' });
  assert.deepEqual(csv.errors.slice(0, 5), []);
  const figures = async (store: Store) =>
    (await readIndicators(store, AS_OF))
      .filter((r) => r.def.area === 'front_door')
      .flatMap((r) => r.rows.map((v) => `${r.def.id} ${r.type} ${v.period_start} ${v.numerator} ${v.denominator} ${v.value}`))
      .sort();
  const fromCsv = await figures(csvStore);
  assert.ok(fromCsv.length > 100);
  assert.deepEqual(await figures(xmlStore), fromCsv);
});
