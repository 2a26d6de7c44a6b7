// `csinsight annex-a export <dir> --salt-file F` in its own process, on a PGlite data directory
// holding a generated Annex A workbook: one CSV per list, no raw child id, full date of birth or
// worker's name in them, and the salt in no file written and nothing printed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { annexARows, writeAnnexAWorkbook } from '../../src/generate/annexA.ts';
import { dayOf } from '../../src/generate/days.ts';
import { streamFor } from '../../src/generate/random.ts';
import { hashedId } from '../../src/reports/annex-a-export.ts';

const work = mkdtempSync(join(tmpdir(), 'csinsight-annex-a-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const SALT = 'cli-test-salt-9f2c41d7e0b3a6';
const src = (p: string) => JSON.stringify(join(import.meta.dirname, '../../src/cli/commands', p));
const SCRIPT = `
import { Command } from 'commander';
import { registerImport } from ${src('import.ts')};
import { registerAnnexA } from ${src('annex-a.ts')};
const program = new Command().name('csinsight').exitOverride();
registerImport(program);
registerAnnexA(program);
await program.parseAsync(process.argv.slice(1), { from: 'user' });
`;

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CSINSIGHT_DATA: join(work, 'data') };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT, '--', ...args], { env, encoding: 'utf8' });
}

test('csinsight annex-a export: one degraded CSV per list; the salt is checked and never printed', async () => {
  const rows = annexARows(streamFor(5, 'annex-a'), dayOf('2026-03-31'), 150);
  const workbook = join(work, 'annex_a.xlsx');
  await writeAnnexAWorkbook(workbook, rows);
  const imported = cli('import', workbook);
  assert.equal(imported.status, 0, imported.stdout + imported.stderr);

  const saltFile = join(work, 'salt');
  writeFileSync(saltFile, `${SALT}\n`, { mode: 0o644 });
  const open = cli('annex-a', 'export', join(work, 'refused'), '--salt-file', saltFile);
  assert.equal(open.status, 1, open.stdout + open.stderr);
  assert.match(open.stderr, /can be read by others than its owner: run `chmod 600/);

  writeFileSync(saltFile, `${SALT}\n`, { mode: 0o600 });
  rmSync(saltFile);
  writeFileSync(saltFile, `${SALT}\n`, { mode: 0o600 });
  const out = join(work, 'shared');
  const ok = cli('annex-a', 'export', out, '--salt-file', saltFile);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Wrote 11 lists with degraded identifiers/);
  for (const r of [open, ok]) assert.ok(!(r.stdout + r.stderr).includes(SALT), 'the salt is never printed');

  const files = readdirSync(out).sort();
  assert.equal(files.length, 11);
  const contacts = parse(readFileSync(join(out, 'annex_a_list_01.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.equal(contacts.length, rows.get(1)!.length);
  const first = rows.get(1)![0]!;
  assert.equal(contacts[0]!['Child Unique ID'], hashedId(String(first.child_id), SALT));
  assert.match(contacts[0]!['Date of Birth']!, /^\d{4}-\d{2}-01$/);
  for (const f of files) {
    const text = readFileSync(join(out, f), 'utf8');
    assert.ok(!text.includes(SALT), `${f} holds the salt`);
    assert.doesNotMatch(text, /\b(AA|LA|CL)\d{6}\b/, `${f} names a child`);
    assert.doesNotMatch(text, /Allocated Worker|A\. Khan|B\. Okafor/, `${f} names a worker`);
    assert.doesNotMatch(text, /AB1 2CD|EF3 4GH|JK5 6LM/, `${f} holds a full postcode`);
  }
});
