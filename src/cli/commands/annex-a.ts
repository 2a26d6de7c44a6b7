// `csinsight annex-a export <dir> --salt-file F`: the stored Annex A lists with degraded
// identifiers (src/reports/annex-a-export.ts), one CSV per list, for a regional data pool. It
// prints what it wrote, never the salt.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { annexAExport, degradedListCsv, readSaltFile, SaltError } from '../../reports/annex-a-export.ts';
import { withStore } from '../options.ts';

export function registerAnnexA(program: Command): void {
  const annexA = program.command('annex-a').description("Ofsted's Annex A lists as imported");
  annexA
    .command('export <dir>')
    .description('Write the lists for regional sharing: dates of birth to the month, postcodes to the sector, ids hashed with the council\'s salt, staff names left out')
    .requiredOption('--salt-file <file>', "the council's salt (owner-only file, at least 16 characters); it never leaves this machine")
    .action(async (dir: string, opts: { saltFile: string }) => {
      // The salt is checked before the store is opened; and the exit code set after it is closed
      // (PGlite resets process.exitCode when it shuts down).
      let salt: string;
      try {
        salt = readSaltFile(opts.saltFile);
      } catch (err) {
        if (!(err instanceof SaltError)) throw err;
        console.error(err.message);
        process.exit(1);
      }
      const lists = await withStore((store) => annexAExport(store));
      if (lists.length === 0) {
        console.error('No Annex A lists have been imported: nothing to export.');
        process.exit(1);
      }
      mkdirSync(dir, { recursive: true });
      for (const l of lists) {
        writeFileSync(join(dir, l.fileName), degradedListCsv(l.list, l.rows, salt));
        console.log(`${l.list.label}: ${l.rows.length} rows -> ${join(dir, l.fileName)}`);
      }
      console.log(`Wrote ${lists.length} lists with degraded identifiers to ${dir}.`);
    });
}
