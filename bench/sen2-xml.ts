// SEN2 imported as XML beside the same requests as the case system's CSV: rows stored per second
// each way, on a fresh store each (`npx tsx bench/sen2-xml.ts [small|la|national] [pglite|postgres]`;
// LA scale by default when run alone, as the machine is shared; `npm run bench` runs it national). The XML's parse is the schema check
// of every element. The last line is both results as one JSON object (for bench/run.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../src/generate/index.ts';
import * as L from '../src/generate/layout.ts';
import type { ScaleName } from '../src/generate/scales.ts';
import { SEN2_XML_DIR } from '../src/generate/sen2Xml.ts';
import { xmlFilesUnder } from '../src/importers/index.ts';
import { timedImport } from './xml-timing.ts';

const scale = (process.argv[2] ?? 'la') as ScaleName;
const backend = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';
const dir = mkdtempSync(join(tmpdir(), 'csinsight-sen2-xml-bench-'));
try {
  await generate({ scale, seed: 1, outDir: dir, asOf: '2026-11-25' });
  const csv = await timedImport('csv', [{ name: L.FILES.ehcpRequests, path: join(dir, L.FILES.ehcpRequests) }], ['ehcp_request'], backend);
  const xml = await timedImport('xml', xmlFilesUnder(join(dir, SEN2_XML_DIR)), ['ehcp_request'], backend);
  console.log(JSON.stringify({ scale, backend, csvRows: csv.rows, csvSeconds: csv.seconds, csvRowsPerSecond: csv.rowsPerSecond, csvMegabytes: csv.megabytes, xmlRows: xml.rows, xmlSeconds: xml.seconds, xmlRowsPerSecond: xml.rowsPerSecond, xmlMegabytes: xml.megabytes }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
