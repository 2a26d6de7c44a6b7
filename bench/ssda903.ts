// The SSDA903 returns of the bench's data alone (every year's folder, every table, every rule
// checked), imported on a fresh store: rows read per second, the figure issue 13 asks to keep.
//   npx tsx bench/ssda903.ts <generated folder> [pglite|postgres]
// The last line is the result as JSON (for bench/run.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFile } from '../src/importers/index.ts';
import { timedImport } from './xml-timing.ts';

const [dir, backend = 'postgres'] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench/ssda903.ts <generated folder> [pglite|postgres]');
const TABLES = ['child', 'la_episode', 'missing_episode', 'oc3', 'placed_adoption', 'prev_perm'];

const files: ImportFile[] = readdirSync(dir)
  .filter((d) => d.startsWith('ssda903_'))
  .flatMap((d) => readdirSync(join(dir, d)).map((f) => ({ name: `${d}/${f}`, path: join(dir, d, f) })));
const r = await timedImport('ssda903', files, TABLES, backend as 'pglite' | 'postgres');
console.log(JSON.stringify({ ...r, rowsReadPerSecond: Math.round(r.rowsRead / r.seconds) }));
