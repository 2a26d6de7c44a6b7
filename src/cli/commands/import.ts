// `csinsight import <paths...>`: files and folders (every .csv inside, recursively) imported in
// one run. Prints rows per file, or the errors; exits 1 when the run is rejected.
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { csvFilesUnder, formatErrors, importFiles, xmlFilesUnder, type ImportFile } from '../../importers/index.ts';
import { formatChanges } from '../../importers/annual.ts';
import { formatSummary } from '../../importers/report.ts';
import { openStore, storeOptionsFromEnv } from '../../store/open.ts';

interface ImportCliOptions {
  year?: number;
  user: string;
}

export function parseYear(value: string): number {
  const m = /^(\d{4})(?:-\d{2})?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('Give the collection year as 2024 (for 2024-25) or 2024-25.');
  return Number(m[1]);
}

export function defaultUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** The files named (folders expanded), or null after saying that there are none (exit code 1). */
export function filesToRead(paths: string[]): ImportFile[] | null {
  const files = filesFromPaths(paths);
  if (files.length > 0) return files;
  console.error('No .csv files found.');
  process.exitCode = 1;
  return null;
}

/**
 * The files named, with folders expanded to the files under them: the .csv files, then the .xml
 * returns (a return's rows win over a case-system export's in one run: importers/index.ts).
 */
export function filesFromPaths(paths: string[]): ImportFile[] {
  return paths.flatMap((p) => {
    const isDir = (() => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false; // a missing file is reported by the import, with its name
      }
    })();
    return isDir ? [...csvFilesUnder(p), ...xmlFilesUnder(p)] : [{ name: p, path: p }];
  });
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import DfE return and case-system CSV files (all or nothing, in one run)')
    .argument('<paths...>', 'CSV files, or folders holding them; XML returns (CIN census, SEN2, workforce, SSDA903 export) by name')
    .option('--year <year>', 'SSDA903 collection year, e.g. 2024 for 2024-25 (default: from the folder name)', parseYear)
    .option('--user <name>', 'who is importing (recorded with the run)', defaultUser())
    .action(async (paths: string[], opts: ImportCliOptions) => {
      const files = filesToRead(paths);
      if (!files) return;
      const store = await openStore(storeOptionsFromEnv());
      const bar = new SingleBar({ format: 'Importing [{bar}] {percentage}% | {file}', hideCursor: true }, Presets.shades_classic);
      let started = false;
      let rejected = false;
      try {
        const result = await importFiles(store, files, {
          user: opts.user,
          year: opts.year,
          onProgress: (p) => {
            if (!started) bar.start(Math.max(p.totalBytes, 1), 0, { file: p.file });
            started = true;
            bar.update(p.bytes, { file: p.file });
          },
        });
        if (started) bar.stop();
        if (result.queryCount) {
          // Queries ask for an amendment or a reason; they do not refuse the run.
          console.log(formatErrors(result.queries ?? [], result.queryCount));
          console.log(`${result.queryCount} queries: amend the items or give the DfE a reason (they do not stop the import).`);
        }
        if (result.status === 'accepted') {
          for (const f of result.files) console.log(`${f.table.padEnd(24)} ${String(f.rows).padStart(9)}  ${f.file}`);
          console.log(`Import ${result.runId} accepted: ${result.files.reduce((n, f) => n + f.rows, 0)} rows from ${result.files.length} files.`);
          // Each SSDA903 file replaces its collection year's rows (importers/annual.ts).
          if (result.changes?.length) console.log(formatChanges(result.changes));
          console.log('The indicator figures are recomputed when the server next starts or serves a page (or now: csinsight indicators --compute).');
        } else {
          console.error(formatErrors(result.errors, result.errorCount));
          if (result.summary) console.error(formatSummary(result.summary));
          console.error(`Import ${result.runId} rejected: ${result.errorCount} errors. Nothing was stored.`);
          rejected = true;
        }
      } finally {
        if (started) bar.stop();
        await store.close();
      }
      // Explicitly: PGlite resets process.exitCode when it shuts down.
      if (rejected) process.exit(1);
    });
}
