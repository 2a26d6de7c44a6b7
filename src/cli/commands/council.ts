// `csinsight council`: the authority this installation serves (its old and new LA codes, as the
// DfE publishes them) and its statistical neighbours, which the official benchmarks need.
import type { Command } from 'commander';
import { importNeighbours, NeighbourImportError } from '../../importers/neighbours.ts';
import { councilIdentity, setCouncilIdentity, SettingError } from '../../store/benchmarks.ts';
import { wholeNumber, withStore } from '../options.ts';

/** Runs an action, printing a setting's or a list's error as a message (exit 1), not a stack. */
async function reported(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof SettingError || err instanceof NeighbourImportError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}

export function registerCouncil(program: Command): void {
  const council = program.command('council').description("The council's identity and statistical neighbours, for the official benchmarks");
  council
    .command('show')
    .description("Show the council's identity")
    .action(() =>
      withStore(async (store) => {
        const c = await councilIdentity(store);
        console.log(c ? `${c.name}: old LA code ${c.oldLaCode}, new LA code ${c.newLaCode}` : 'Not set: run `csinsight council set --old <code> --new <code>`.');
      }),
    );
  council
    .command('set')
    .description('Set the council by its old (3-digit) and new (E-) LA codes; the name comes from the loaded EES figures')
    .requiredOption('--old <code>', 'old LA code, e.g. 877')
    .requiredOption('--new <code>', 'new LA code, e.g. E06000007')
    .option('--name <name>', 'the name, when no EES figures are loaded yet')
    .action((opts: { old: string; new: string; name?: string }) =>
      withStore((store) =>
        reported(async () => {
          const c = await setCouncilIdentity(store, { oldLaCode: opts.old, newLaCode: opts.new, name: opts.name }, 'cli');
          console.log(`The council is ${c.name} (${c.oldLaCode}, ${c.newLaCode}).`);
        }),
      ),
    );
  council
    .command('neighbours <file>')
    .description('Load statistical neighbours for a year: the wide list by name, or la_code, neighbour_code, rank')
    .requiredOption('--year <year>', 'the year the list is for, e.g. 2024', wholeNumber)
    .action((file: string, opts: { year: number }) =>
      withStore((store) =>
        reported(async () => {
          const r = await importNeighbours(store, { name: file, path: file }, opts.year);
          console.log(`Loaded ${r.pairs} neighbours of ${r.authorities} authorities for ${opts.year}.`);
        }),
      ),
    );
}
