// `csinsight check` in its own process, on a PGlite data directory: a return is checked by every
// rule of its year, nothing is stored, the summary is printed and the full report written.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VALID_DIR } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'csinsight-check-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const SCRIPT = `
import { Command } from 'commander';
import { registerCheck } from ${JSON.stringify(join(import.meta.dirname, '../../src/cli/commands/check.ts'))};
const program = new Command().name('csinsight').exitOverride();
registerCheck(program);
await program.parseAsync(process.argv.slice(1), { from: 'user' });
`;

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CSINSIGHT_DATA: join(work, 'data') };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT, '--', 'check', ...args], { env, encoding: 'utf8' });
}

test('csinsight check: a valid return passes; one with errors exits 1 with the summary and writes the report', () => {
  const ok = cli(join(VALID_DIR, 'ssda903_2025'));
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /no errors in 4 files\. Nothing was stored\./);

  const dir = join(work, 'ssda903_2026');
  mkdirSync(dir);
  writeFileSync(join(dir, 'header.csv'), 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,2,01/01/2010,WBRI,UN2,0,\n');
  writeFileSync(join(dir, 'episodes.csv'), 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA1,01/05/2025,S,C2,N1,Z1,,,,,,,\n');
  const report = join(work, 'report.csv');
  const bad = cli(dir, '--report', report);
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /Errors by rule:\n\s+101\s+1\s+SEX: The child's sex is not one of this collection year's codes\./);
  assert.match(bad.stderr, /\s+146\s+1\s+PLACE/);
  assert.match(bad.stderr, /A1\s+2\s+101, 146/);
  assert.match(bad.stderr, /Check \d+: 2 errors\. Nothing was stored\./);
  assert.equal(readFileSync(report, 'utf8').trim().split('\n').length, 3);
});
