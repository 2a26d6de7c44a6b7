// The import command in its own process, on a PGlite data directory.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VALID_DIR } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'csinsight-import-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const SCRIPT = `
import { Command } from 'commander';
import { registerImport } from ${JSON.stringify(join(import.meta.dirname, '../../src/cli/commands/import.ts'))};
const program = new Command().name('csinsight').exitOverride();
registerImport(program);
await program.parseAsync(process.argv.slice(1), { from: 'user' });
`;

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CSINSIGHT_DATA: join(work, 'data') };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT, '--', 'import', ...args], { env, encoding: 'utf8' });
}

test('csinsight import: a folder is accepted and each file counted; a bad file exits 1 with the error table', () => {
  const ok = cli(VALID_DIR, '--user', 'cli-test');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /SSDA903 Episodes\s+4\s+valid\/ssda903_2025\/episodes\.csv/);
  assert.match(ok.stdout, /accepted: 33 rows from 12 files/);
  // Each SSDA903 file replaces its collection year: what it added, changed and removed.
  assert.match(ok.stdout, /Table\s+Years\s+Added\s+Changed\s+Removed/);
  assert.match(ok.stdout, /SSDA903 Episodes\s+2024-25\s+4\s+0\s+0/);

  const bad = join(work, 'bench.csv');
  writeFileSync(bad, 'Indicator,Area,Year,Value\nx,England,2024,lots\n');
  const rejected = cli(bad, '--year', '2024');
  assert.equal(rejected.status, 1, rejected.stdout + rejected.stderr);
  assert.match(rejected.stderr, /File\s+Row\s+Field\s+Rule\s+Message/);
  assert.match(rejected.stderr, /bench\.csv\s+2\s+Value\s+number\s+"lots" is not a number\./);
  assert.match(rejected.stderr, /rejected: 1 errors\. Nothing was stored\./);
});
