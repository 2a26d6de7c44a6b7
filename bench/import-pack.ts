// One benchmark run in its own process (so its peak memory is its own): import a generated
// directory into a fresh store and compute the full indicator pack. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDirectory } from '../src/importers/index.ts';
import { computeIndicators } from '../src/store/indicators.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';

const [backend, dir, asOf] = process.argv.slice(2) as ['pglite' | 'postgres', string, string];
const dataDir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'csinsight-bench-')) : undefined;
const options: StoreOptions =
  backend === 'postgres'
    ? { databaseUrl: process.env.DATABASE_URL, schema: `bench_${process.pid}`, dropSchemaOnClose: true }
    : { dataDir };

const store = await openStore(options);
let t = performance.now();
const result = await importDirectory(store, dir, { user: 'bench' });
const importSeconds = (performance.now() - t) / 1000;
if (result.status !== 'accepted') {
  console.error(JSON.stringify(result.errors.slice(0, 5)));
  process.exit(1);
}
const rows = result.files.reduce((n, f) => n + f.rows, 0);
const importPeakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
t = performance.now();
const pack = await computeIndicators(store, { asOf });
const packSeconds = (performance.now() - t) / 1000;
await store.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    backend,
    rows,
    importSeconds,
    rowsPerSecond: Math.round(rows / importSeconds),
    packSeconds,
    indicatorValues: pack.values,
    importPeakRssMiB: importPeakMiB,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
