// The CIN census imported as XML beside the same referrals and assessments as CSV: rows stored per
// second each way, on a fresh store each (`npx tsx bench/cin-xml.ts [small|la|national] [pglite|postgres]`).
// The XML's rows are those of every table it fills (referrals, assessments, CIN plans, section 47
// enquiries, child protection plans and reviews); its parse is the schema check of every element.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TextWriter } from '../src/generate/csv.ts';
import { FRONT_DOOR_FILES, generateFrontDoor } from '../src/generate/frontDoor.ts';
import { areaContext } from '../src/generate/index.ts';
import type { ScaleName } from '../src/generate/scales.ts';
import { windowFor } from '../src/generate/scales.ts';
import { importFiles, xmlFilesUnder, type ImportFile } from '../src/importers/index.ts';
import { fileSize } from '../src/importers/reader.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';

const scale = (process.argv[2] ?? 'la') as ScaleName;
const backend = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';
const AS_OF = '2026-11-25';
const TABLES = ['cin_referral', 'cin_assessment', 'cin_plan', 'cin_section47', 'cin_cp_plan', 'cin_cp_review'];

const dir = mkdtempSync(join(tmpdir(), 'csinsight-cin-xml-bench-'));
const writers: TextWriter[] = [];
await generateFrontDoor(areaContext({ scale, seed: 1, outDir: dir, win: windowFor(AS_OF), name: 'front-door', writers }));
for (const w of writers) w.close();
const file = (p: string): ImportFile => ({ name: p, path: join(dir, p) });

async function timed(label: string, files: ImportFile[]) {
  const dataDir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'csinsight-bench-')) : undefined;
  const options: StoreOptions = backend === 'postgres' ? { databaseUrl: process.env.DATABASE_URL, schema: `bench_xml_${process.pid}`, dropSchemaOnClose: true } : { dataDir };
  const store = await openStore(options);
  try {
    const t = performance.now();
    const result = await importFiles(store, files, { user: 'bench' });
    const seconds = (performance.now() - t) / 1000;
    if (result.status !== 'accepted') throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    let rows = 0;
    for (const t of TABLES) rows += (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(store.db)).rows[0]!.n;
    const mb = files.reduce((n, f) => n + fileSize(f), 0) / 2 ** 20;
    console.log(JSON.stringify({ label, scale, backend, rows, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds), megabytes: Number(mb.toFixed(1)) }));
  } finally {
    await store.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  await timed('csv', [FRONT_DOOR_FILES.population, FRONT_DOOR_FILES.referrals, FRONT_DOOR_FILES.assessments].map(file));
  await timed('xml', [file(FRONT_DOOR_FILES.population), ...xmlFilesUnder(dir)]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
