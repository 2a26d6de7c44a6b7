// `csinsight check` in its own process, on a PGlite data directory: a return is checked by every
// rule of its year, nothing is stored, the summary is printed and the full report written.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  writeFileSync(join(dir, 'episodes.csv'), 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA1,01/05/2025,S,C2,N1,Z1,,,,,AB1 2CD,AB3 4EF,\n');
  const report = join(work, 'report.csv');
  const bad = cli(dir, '--report', report);
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /Errors by rule:\n\s+101\s+1\s+SEX: The child's sex is not one of this collection year's codes\./);
  assert.match(bad.stderr, /\s+146\s+1\s+PLACE/);
  assert.match(bad.stderr, /A1\s+2\s+101, 146/);
  assert.match(bad.stderr, /Check \d+: 2 errors\. Nothing was stored\./);
  assert.equal(readFileSync(report, 'utf8').trim().split('\n').length, 3);
});

test('csinsight check: the SSDA903 XML export named on the command line, its year given', () => {
  const fake = join(import.meta.dirname, '../fixtures/ssda903-validator/fake_903.xml');
  const checked = cli(fake, '--year', '2023');
  assert.equal(checked.status, 1, checked.stdout + checked.stderr);
  assert.match(checked.stdout, /SSDA903 \(XML\)\s+253\s+\S*fake_903\.xml/);
  assert.match(checked.stderr, /fake_903\.xml\s+2\s+EXPSSDA903\/CHILD\[1\]\/HEADER\/UPN\s+168\s+"O013219285333" is not a valid UPN/);

  // In a folder named for its year, the XML is found with the folder and takes the folder's year.
  const folder = join(work, 'ssda903_2024');
  mkdirSync(folder);
  copyFileSync(fake, join(folder, 'fake_903.xml'));
  const inFolder = cli(folder);
  assert.equal(inFolder.status, 1, inFolder.stdout + inFolder.stderr);
  assert.match(inFolder.stdout, /SSDA903 \(XML\)\s+253\s+\S*fake_903\.xml/);
});
