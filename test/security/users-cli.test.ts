// The users command as an administrator runs it: a real process, a real (on-disk) store.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPassword } from '../../src/server/auth/accounts.ts';
import { openStore, storeOptionsFromEnv } from '../../src/store/open.ts';

// The commands read their store from the environment, as in production: a PGlite folder, or a
// schema of their own on the PostgreSQL server when DATABASE_URL is set.
const dir = mkdtempSync(join(tmpdir(), 'csinsight-users-'));
const env = {
  ...process.env,
  CSINSIGHT_DATA: join(dir, 'data'),
  ...(process.env.DATABASE_URL ? { CSINSIGHT_SCHEMA: `t_${randomBytes(6).toString('hex')}` } : {}),
};
const SCRIPT = `import { Command } from 'commander';
import { registerUsers } from './src/cli/commands/users.ts';
const program = new Command().exitOverride();
registerUsers(program);
await program.parseAsync(process.argv.slice(process.argv.indexOf('users')), { from: 'user' });`;

function users(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT, '--', 'users', ...args], { env, input, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

after(async () => {
  if (env.CSINSIGHT_SCHEMA) {
    const store = await openStore({ ...storeOptionsFromEnv(env), dropSchemaOnClose: true });
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

test('users add (password from stdin or generated), list, and a refused role', async () => {
  const a = users(['add', 'jo.bloggs', '--role', 'councillor', '--password-stdin'], 'a long enough password\n');
  assert.equal(a.status, 0, a.err);
  assert.doesNotMatch(a.out, /a long enough password/, 'a password given is never echoed');

  const b = users(['add', 'admin.one', '--role', 'admin']);
  assert.equal(b.status, 0, b.err);
  const generated = /Password: (\S+)/.exec(b.out)?.[1];
  assert.ok(generated && generated.length >= 20);

  const bad = users(['add', 'x.y', '--role', 'superuser']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.err, /Role must be one of/);

  const list = users(['list']);
  assert.equal(list.status, 0, list.err);
  assert.match(list.out, /admin\.one\s+admin\s+active\s+never/);
  assert.match(list.out, /jo\.bloggs\s+councillor\s+active/);
  assert.doesNotMatch(list.out, /scrypt/);

  const store = await openStore(storeOptionsFromEnv(env));
  try {
    assert.equal((await checkPassword(store, 'jo.bloggs', 'a long enough password', new Date())).ok, true);
    assert.equal((await checkPassword(store, 'admin.one', generated!, new Date())).ok, true);
  } finally {
    await store.close();
  }
});
