// `csinsight check <paths...>`: validates a return (files and folders, as import takes them) by
// every rule of its collection year and stores nothing. Prints the summary by rule and by child,
// and writes the full report (every error) as CSV or xlsx with --report; exits 1 on errors.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatErrors, importFiles } from '../../importers/index.ts';
import { formatSummary, reportCsv, reportXlsx, runErrors } from '../../importers/report.ts';
import { openStore, storeOptionsFromEnv } from '../../store/open.ts';
import { defaultUser, filesToRead, parseYear } from './import.ts';

interface CheckCliOptions {
  year?: number;
  user: string;
  report?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Check a return before submission: every rule of its collection year, nothing stored')
    .argument('<paths...>', 'CSV files, or folders holding them (this year\'s and last year\'s returns)')
    .option('--year <year>', 'SSDA903 collection year, e.g. 2024 for 2024-25 (default: from the folder name)', parseYear)
    .option('--report <file>', 'write every error to this file: .xlsx (by rule, by child, every error) or .csv')
    .option('--user <name>', 'who is checking (recorded with the run)', defaultUser())
    .action(async (paths: string[], opts: CheckCliOptions) => {
      const files = filesToRead(paths);
      if (!files) return;
      const store = await openStore(storeOptionsFromEnv());
      let failed = false;
      try {
        const result = await importFiles(store, files, { user: opts.user, year: opts.year, checkOnly: true });
        for (const f of result.files) console.log(`${f.table.padEnd(24)} ${String(f.rows).padStart(9)}  ${f.file}`);
        if (result.errorCount === 0) {
          console.log(`Check ${result.runId}: no errors in ${result.files.length} files. Nothing was stored.`);
        } else {
          failed = true;
          console.error(formatErrors(result.errors.slice(0, 50), result.errorCount));
          if (result.summary) console.error(formatSummary(result.summary));
          console.error(`Check ${result.runId}: ${result.errorCount} errors. Nothing was stored.`);
        }
        if (opts.report) {
          const errors = await runErrors(store, result.runId);
          writeFileSync(opts.report, opts.report.toLowerCase().endsWith('.xlsx') ? await reportXlsx(errors) : reportCsv(errors));
          console.log(`Report of ${errors.length} errors written to ${opts.report}.`);
        }
      } finally {
        await store.close();
      }
      // Explicitly: PGlite resets process.exitCode when it shuts down.
      if (failed) process.exit(1);
    });
}
