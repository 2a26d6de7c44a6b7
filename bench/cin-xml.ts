// The CIN census imported as XML beside the same referrals and assessments as CSV: rows stored per
// second each way, on a fresh store each (`npx tsx bench/cin-xml.ts [small|la|national] [pglite|postgres]`).
// The last line is both results as one JSON object (for bench/run.ts).
// The XML's rows are those of every table it fills (referrals, assessments, CIN plans, section 47
// enquiries, child protection plans and reviews); its parse is the schema check of every element.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextWriter } from '../src/generate/csv.ts';
import { FRONT_DOOR_FILES, generateFrontDoor } from '../src/generate/frontDoor.ts';
import { areaContext } from '../src/generate/index.ts';
import type { ScaleName } from '../src/generate/scales.ts';
import { windowFor } from '../src/generate/scales.ts';
import { xmlFilesUnder, type ImportFile } from '../src/importers/index.ts';
import { timedImport } from './xml-timing.ts';

const scale = (process.argv[2] ?? 'la') as ScaleName;
const backend = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';
const AS_OF = '2026-11-25';
const TABLES = ['cin_referral', 'cin_assessment', 'cin_plan', 'cin_section47', 'cin_cp_plan', 'cin_cp_review'];

const dir = mkdtempSync(join(tmpdir(), 'csinsight-cin-xml-bench-'));
const writers: TextWriter[] = [];
await generateFrontDoor(areaContext({ scale, seed: 1, outDir: dir, win: windowFor(AS_OF), name: 'front-door', writers }));
for (const w of writers) w.close();
const file = (p: string): ImportFile => ({ name: p, path: join(dir, p) });

const timed = async (label: string, files: ImportFile[]) => {
  const r = await timedImport(label, files, TABLES, backend);
  console.log(JSON.stringify({ scale, ...r }));
  return r;
};

try {
  const csv = await timed('csv', [FRONT_DOOR_FILES.population, FRONT_DOOR_FILES.referrals, FRONT_DOOR_FILES.assessments].map(file));
  const xml = await timed('xml', [file(FRONT_DOOR_FILES.population), ...xmlFilesUnder(dir)]);
  // The last line: both as one object, in the shape bench/sen2-xml.ts gives (for bench/run.ts).
  console.log(JSON.stringify({
    scale, backend, csvRows: csv.rows, csvSeconds: csv.seconds, csvRowsPerSecond: csv.rowsPerSecond, csvMegabytes: csv.megabytes,
    xmlRows: xml.rows, xmlSeconds: xml.seconds, xmlRowsPerSecond: xml.rowsPerSecond, xmlMegabytes: xml.megabytes,
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
