// `npm run bench`: national-scale import and indicator pack on PGlite and PostgreSQL, an
// in-memory baseline and DuckDB (bench/duckdb.ts) for comparison, the SSDA903 returns alone
// (bench/ssda903.ts), and a bounded loopback load
// test of the dashboard API and pages; the CIN census and SEN2 as XML beside the same data as CSV
// (rows per second each way, national by default: --xml-scale).
// Not part of the tests: figures go to the console and out/bench.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generate } from '../src/generate/index.ts';
import { loadTest } from './load.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'national' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: '2026-11-25' },
    backends: { type: 'string', default: 'postgres,pglite' },
    'load-seconds': { type: 'string', default: '60' },
    'skip-load': { type: 'boolean', default: false },
    /** Scale of the XML returns' runs (CIN census, SEN2), each beside the same data as CSV: national, as issue 14 asks. */
    'xml-scale': { type: 'string', default: 'national' },
  },
});
const scale = args.scale as 'small' | 'la' | 'national';
const asOf = args['as-of']!;
const dir = `out/bench-${scale}-${args.seed}`;
const results: Record<string, unknown> = { scale, asOf, machine: `${(await import('node:os')).cpus().length} cores` };

if (!existsSync(`${dir}/benchmarks.csv`)) {
  console.log(`Generating ${scale}-scale data in ${dir}`);
  const t = performance.now();
  const g = await generate({ scale, seed: Number(args.seed), outDir: dir, asOf });
  results.generate = { seconds: (performance.now() - t) / 1000, counts: g.counts };
}

function child(script: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Record<string, number | string> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...argv], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

for (const backend of args.backends!.split(',')) {
  const env = { ...process.env };
  if (backend === 'postgres' && !env.DATABASE_URL) {
    env.DATABASE_URL = execFileSync('bash', ['scripts/start-postgres.sh', '/tmp/csinsight-bench-pg', '55434'], { encoding: 'utf8' }).trim();
  }
  console.log(`Import and indicator pack on ${backend}...`);
  const r = child('bench/import-pack.ts', [backend, dir, asOf], env);
  results[backend] = r;
  console.log(
    `  ${backend}: ${r.rows} rows imported in ${Number(r.importSeconds).toFixed(1)} s (${r.rowsPerSecond} rows/s), ` +
      `pack ${Number(r.packSeconds).toFixed(1)} s, peak memory ${r.peakRssMiB} MiB (this process; a server's own memory is not included)`,
  );
}

// The SSDA903 returns alone on PostgreSQL: the rows-per-second figure issue 13 asks to keep.
if (results.postgres) {
  console.log('SSDA903 returns alone (three years, every rule) on postgres...');
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? execFileSync('bash', ['scripts/start-postgres.sh', '/tmp/csinsight-bench-pg', '55434'], { encoding: 'utf8' }).trim() };
  const r = child('bench/ssda903.ts', [dir, 'postgres'], env);
  results.ssda903 = r;
  console.log(`  ssda903: ${r.rowsRead} rows read in ${r.seconds} s (${r.rowsReadPerSecond} rows/s), ${r.rows} rows stored`);
}

console.log('In-memory baseline...');
const base = child('bench/baseline.ts', [dir]);
results.baseline = base;
console.log(`  baseline: ${Number(base.seconds).toFixed(1)} s, peak memory ${base.peakRssMiB} MiB`);
console.log('DuckDB (what an analyst might run instead: read every file, the aggregates in bench/duckdb.ts, nothing checked)...');
const duck = child('bench/duckdb.ts', [dir, asOf]);
results.duckdb = duck;
console.log(
  `  duckdb: read ${duck.rows} rows in ${Number(duck.readSeconds).toFixed(1)} s, ${duck.aggregates} aggregate queries ` +
    `(${duck.groups} groups) in ${Number(duck.aggregateSeconds).toFixed(1)} s, peak memory ${duck.peakRssMiB} MiB`,
);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
for (const backend of args.backends!.split(',')) {
  const r = results[backend] as Record<string, number>;
  const total = r.importSeconds! + r.packSeconds!;
  r.vsBaseline = ratio(total, Number(base.seconds));
  r.vsDuckdb = ratio(total, Number(duck.seconds));
  console.log(
    `  ${backend} import + pack takes ${r.vsBaseline.toFixed(2)}x the baseline's time (${ratio(r.peakRssMiB!, Number(base.peakRssMiB)).toFixed(2)}x its memory), ` +
      `${r.vsDuckdb.toFixed(2)}x DuckDB's (${ratio(r.peakRssMiB!, Number(duck.peakRssMiB)).toFixed(2)}x its memory)`,
  );
}

// The XML returns beside the same data as CSV: rows stored per second each way (issue 14).
const xmlScale = args['xml-scale']!;
for (const [key, script, what] of [['cinXml', 'bench/cin-xml.ts', 'CIN census'], ['sen2Xml', 'bench/sen2-xml.ts', 'SEN2']] as const) {
  console.log(`${what} as XML beside the same data as CSV (${xmlScale} scale, PGlite)...`);
  const r = child(script, [xmlScale, 'pglite']);
  results[key] = r;
  console.log(`  ${what} XML: ${r.xmlRows} rows in ${r.xmlSeconds} s (${r.xmlRowsPerSecond} rows/s); CSV: ${r.csvRows} in ${r.csvSeconds} s (${r.csvRowsPerSecond} rows/s)`);
}

if (!args['skip-load']) {
  console.log('Load test (loopback, 50 connections)...');
  results.load = await loadTest({ seconds: Number(args['load-seconds']), connections: 50 });
  console.log(JSON.stringify(results.load, null, 2));
}

mkdirSync('out', { recursive: true });
writeFileSync('out/bench.json', JSON.stringify(results, null, 2));
console.log('Results written to out/bench.json');
