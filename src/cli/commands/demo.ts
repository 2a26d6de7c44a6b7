// `csinsight demo`: synthetic data for one local authority, imported and computed, optionally
// served. The data directory keeps it, so a second start is quick; --fresh starts again.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { today } from '../../core/dates.ts';
import { generate } from '../../generate/index.ts';
import { ANNEX_A_WORKBOOK } from '../../generate/annexA.ts';
import { importDirectory, importFiles, xmlFilesUnder, type ImportFile } from '../../importers/index.ts';
import { computeIndicators } from '../../store/indicators.ts';
import { refreshStaleFigures } from '../../store/fresh-figures.ts';
import { openStore, storeOptionsFromEnv } from '../../store/open.ts';
import { serveUntilStopped } from '../serve-until-stopped.ts';
import { ensureDemoUsers } from '../../server/auth/accounts.ts';
import { importNeighbours } from '../../importers/neighbours.ts';
import { setCouncilIdentity } from '../../store/benchmarks.ts';
import type { Store } from '../../store/open.ts';

/**
 * The real published figures the demo compares with (test/fixtures/ees, Open Government Licence):
 * EHC plan timeliness for every authority, calendar years 2019 to 2024, and the statistical
 * neighbour list. The synthetic authority stands in for Warrington (877, E06000007): its own
 * figures are synthetic, so they differ from Warrington's published ones, and both are shown.
 */
/** The generated Annex A workbook (none at national scale). */
function annexAWorkbookIn(dir: string): ImportFile[] {
  const path = join(dir, ANNEX_A_WORKBOOK);
  return existsSync(path) ? [{ name: ANNEX_A_WORKBOOK, path }] : [];
}

const EES_DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'ees');
export const DEMO_COUNCIL = { oldLaCode: '877', newLaCode: 'E06000007' } as const;
/** The year the shipped neighbour list is filed under. */
const DEMO_NEIGHBOUR_YEAR = 2024;

async function loadPublishedBenchmarks(store: Store): Promise<void> {
  const result = await importFiles(store, [{ name: 'ehcp_timeliness_20_week.csv', path: join(EES_DIR, 'ehcp_timeliness_20_week.csv') }], { user: 'demo' });
  if (result.status !== 'accepted') throw new Error(`The published EES figures were rejected: ${result.errors[0]?.message ?? ''}`);
  const neighbours = await importNeighbours(store, { name: 'statistical_neighbours_wide.csv', path: join(EES_DIR, 'statistical_neighbours_wide.csv') }, DEMO_NEIGHBOUR_YEAR);
  const council = await setCouncilIdentity(store, DEMO_COUNCIL, 'demo');
  console.log(`  Published benchmarks: EHC plan timeliness for every authority, ${neighbours.pairs} statistical neighbours; the demo stands in for ${council.name}`);
}

interface DemoOptions {
  scale: 'small' | 'la' | 'national';
  seed: number;
  fresh: boolean;
  serve: boolean;
  port: number;
  host: string;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Generate synthetic data for one authority, import it, compute the indicators (and serve)')
    .option('--scale <scale>', 'small | la | national', 'la')
    .option('--seed <n>', 'random seed', (v) => Number(v), 1)
    .option('--fresh', 'discard the stored data and start again', false)
    .option('--serve', 'start the web application afterwards', false)
    .option('--port <n>', 'port', (v) => Number(v), Number(process.env.PORT ?? 3000))
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .action(async (opts: DemoOptions) => {
      const storeOptions = storeOptionsFromEnv();
      if (opts.fresh && storeOptions.dataDir) rmSync(storeOptions.dataDir, { recursive: true, force: true });
      const store = await openStore(storeOptions);
      const existing = await store.db.selectFrom('child').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      if (Number(existing?.n ?? 0) === 0 || opts.fresh) {
        const asOf = today();
        const dir = join('out', `demo-${opts.scale}-${opts.seed}`);
        rmSync(dir, { recursive: true, force: true });
        console.log(`Generating ${opts.scale}-scale synthetic data (seed ${opts.seed}, as of ${asOf}) in ${dir}`);
        await generate({ scale: opts.scale, seed: opts.seed, outDir: dir, asOf });
        console.log('Importing');
        const result = await importDirectory(store, dir, { user: 'demo' });
        if (result.status !== 'accepted') {
          console.error(`The demo data was rejected (${result.errorCount} errors), first:`, result.errors.slice(0, 5));
          process.exit(1);
        }
        // The DfE's XML returns (CIN census with child protection, SEN2 with plan details,
        // the workforce census) as a second
        // run, after the case system's CSV.
        const census = await importFiles(store, xmlFilesUnder(dir), { user: 'demo' });
        if (census.status !== 'accepted') {
          console.error(`The demo XML returns were rejected (${census.errorCount} errors), first:`, census.errors.slice(0, 5));
          process.exit(1);
        }
        // The Annex A workbook (Ofsted's inspection lists) as a third run: a snapshot of its own.
        const annexA = await importFiles(store, annexAWorkbookIn(dir), { user: 'demo' });
        if (annexA.status !== 'accepted') {
          console.error(`The demo Annex A workbook was rejected (${annexA.errorCount} errors), first:`, annexA.errors.slice(0, 5));
          process.exit(1);
        }
        for (const f of [...result.files, ...census.files, ...annexA.files]) console.log(`  ${f.table.padEnd(28)} ${String(f.rows).padStart(8)}  ${f.file}`);
        await loadPublishedBenchmarks(store);
        const computed = await computeIndicators(store, { asOf });
        console.log(`Computed ${computed.values} indicator values in ${computed.seconds.toFixed(1)} s`);
      } else {
        console.log('Using the data already stored (run with --fresh to regenerate)');
        // An earlier run stopped between importing and computing: compute now.
        const computed = await refreshStaleFigures(store, today());
        if (computed) console.log(`The figures lagged the data: computed ${computed.values} indicator values`);
      }
      if (opts.serve) {
        // A sign-in per role with a password made now: printed here, stored only as a hash.
        console.log('Demo sign-ins (new passwords at every start):');
        for (const l of await ensureDemoUsers(store)) console.log(`  ${l.role.padEnd(11)} ${l.username.padEnd(16)} ${l.password}`);
        await serveUntilStopped({ store, port: opts.port, host: opts.host, demo: true });
      } else {
        await store.close();
      }
    });
}
