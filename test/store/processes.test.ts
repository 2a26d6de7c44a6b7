// The store across real processes (issue 12, items 1, 7 and 11): a second process refused while a
// server holds a PGlite store; the first SIGTERM stops a server that has made a PDF, with the
// store closed; a process killed mid-import or between an import's commit and its recompute
// leaves a run marked failed and figures recomputed before anything is served.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildApp } from '../../src/server/app.ts';
import { LOCK_FILE } from '../../src/store/data-dir.ts';
import { figuresStale } from '../../src/store/fresh-figures.ts';
import { failOrphanedRuns } from '../../src/store/import-runs.ts';
import { openStore, storeOptionsFromEnv, type Store } from '../../src/store/open.ts';
import { VALID_DIR } from '../importers/helpers.ts';

const SRC = join(import.meta.dirname, '../../src');
const pglite = !process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'csinsight-processes-'));
const schemas: string[] = [];
after(async () => {
  for (const schema of schemas) await (await openStore({ ...storeOptionsFromEnv(envFor(schema), () => {}), dropSchemaOnClose: true })).close();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh store for the child processes: a PGlite directory, or a schema on DATABASE_URL's server. */
function newStoreEnv(name: string): NodeJS.ProcessEnv {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  if (!pglite) schemas.push(schema);
  return envFor(schema, join(work, name));
}

function envFor(schema: string, dataDir = join(work, schema)): NodeJS.ProcessEnv {
  return { ...process.env, CSINSIGHT_DATA: dataDir, ...(pglite ? {} : { CSINSIGHT_SCHEMA: schema }) };
}

/** The CLI commands as main.ts registers them, run with the given arguments. */
const CLI = `
import { Command } from 'commander';
import { registerImport } from '${SRC}/cli/commands/import.ts';
import { registerServe } from '${SRC}/cli/commands/serve.ts';
const program = new Command().name('csinsight').exitOverride();
registerImport(program);
registerServe(program);
await program.parseAsync(process.argv.slice(1), { from: 'user' });
`;

function node(script: string, args: string[] = []): string[] {
  return ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args];
}

function cliSync(env: NodeJS.ProcessEnv, ...args: string[]) {
  return spawnSync(process.execPath, node(CLI, args), { env, encoding: 'utf8' });
}

/** Output of a running child so far, and a wait for a pattern in it (fails if the child exits first). */
function watch(child: ChildProcess) {
  let out = '';
  const listeners = new Set<() => void>();
  const add = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', add);
  child.stderr!.on('data', add);
  return {
    output: () => out,
    until: (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => pattern.test(out) && (listeners.delete(check), resolve());
        listeners.add(check);
        child.once('exit', () => reject(new Error(`exited before ${pattern}:\n${out}`)));
        check();
      }),
  };
}

/** Waits for the child to exit; a guard kills it if it never does (the test then fails on its status). */
async function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const [code, signal] = (child.exitCode !== null || child.signalCode !== null) ? [child.exitCode, child.signalCode] : await once(child, 'exit');
  clearTimeout(guard);
  return { code, signal };
}

/** A script importing the fixture files into the environment's store (CSINSIGHT_TEST_CRASH may kill it). */
const IMPORT = `
import { importDirectory } from '${SRC}/importers/index.ts';
import { openStore, storeOptionsFromEnv } from '${SRC}/store/open.ts';
const store = await openStore(storeOptionsFromEnv());
const result = await importDirectory(store, ${JSON.stringify(VALID_DIR)}, { user: 'crash-test' });
await store.close();
console.log(result.status);
`;

function crashedImport(env: NodeJS.ProcessEnv, point: string) {
  return spawnSync(process.execPath, node(IMPORT), { env: { ...env, CSINSIGHT_TEST_CRASH: point }, encoding: 'utf8' });
}

async function openFromEnv(env: NodeJS.ProcessEnv, told: string[] = []): Promise<Store> {
  return openStore(storeOptionsFromEnv(env, (m) => told.push(m)));
}

test('a server that has made a PDF stops on the first SIGTERM, store closed; while it runs a CLI import on its PGlite store is refused', async () => {
  const env = newStoreEnv('served');
  // The serve command, then a PDF made in the same process (as the reports page does).
  const script = `${CLI}
const { renderPdf } = await import('${SRC}/reports/pdf.ts');
const pdf = await renderPdf('<html><body><p>A paper</p></body></html>');
console.log('PDF made: ' + pdf.subarray(0, 5).toString());`;
  const server = spawn(process.execPath, node(script, ['serve', '--port', '0']), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = watch(server);
  try {
    await log.until(/PDF made: %PDF-/);
    if (pglite) {
      const lock = join(env.CSINSIGHT_DATA!, LOCK_FILE);
      assert.ok(existsSync(lock));
      const refused = cliSync(env, 'import', VALID_DIR, '--user', 'second-process');
      assert.notEqual(refused.status, 0);
      assert.doesNotMatch(refused.stdout, /accepted/);
      assert.match(refused.stderr, new RegExp(`in use by another csinsight process: pid ${server.pid}\\b`));
      assert.match(refused.stderr, /command: .*serve --port 0/);
      assert.match(refused.stderr, /Send imports to the running server .* or stop it first/);
    }
    server.kill('SIGTERM');
    const exit = await exitOf(server);
    assert.deepEqual(exit, { code: 0, signal: null }, log.output());
    assert.match(log.output(), /SIGTERM received: stopping the server and closing the store\.\nStopped\./);
    if (pglite) assert.equal(existsSync(join(env.CSINSIGHT_DATA!, LOCK_FILE)), false, 'lock removed');
  } finally {
    server.kill('SIGKILL');
  }
  // The store was closed cleanly: the next process opens it and imports.
  const next = cliSync(env, 'import', VALID_DIR, '--user', 'after-stop');
  assert.equal(next.status, 0, next.stderr);
  assert.match(next.stdout, /accepted: 33 rows/);
  assert.match(next.stderr, pglite ? /Opened the existing store at / : /Using the PostgreSQL database /);
});

test('killed between an import commit and the recompute: figures marked stale, recomputed before the server serves (stale PGlite lock taken over)', async () => {
  const env = newStoreEnv('crash-after-commit');
  const child = crashedImport(env, 'import-committed');
  assert.equal(child.signal, 'SIGKILL', child.stdout + child.stderr);
  const told: string[] = [];
  const store = await openFromEnv(env, told);
  try {
    if (pglite) assert.match(told.join('\n'), new RegExp(`Taking over the lock on .*${LOCK_FILE}: process ${child.pid} \\(.*\\) on this host has stopped without removing it\\.`));
    const run = await store.db.selectFrom('import_run').select(['status', 'rows']).executeTakeFirstOrThrow();
    assert.deepEqual(run, { status: 'accepted', rows: 33 });
    const values = () => store.db.selectFrom('indicator_value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    assert.equal(await values(), 0, 'the crash came before the recompute');
    assert.equal(await figuresStale(store.db), true);
    const app = await buildApp({ store });
    await app.ready();
    assert.ok((await values()) > 0, 'recomputed when the server started');
    assert.equal(await figuresStale(store.db), false);
    await app.close();
  } finally {
    await store.close();
  }
});

test('killed in the middle of an import: nothing stored, and the run is marked failed once its process is gone', async () => {
  const env = newStoreEnv('crash-mid-import');
  const child = crashedImport(env, 'import-staged');
  assert.equal(child.signal, 'SIGKILL', child.stdout + child.stderr);
  const store = await openFromEnv(env);
  try {
    const run = await store.db.selectFrom('import_run').select(['id']).executeTakeFirstOrThrow();
    if (!pglite) {
      // PostgreSQL ends the dead process's session (and frees its lock on the run) on its own time.
      while ((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND objid = ${run.id}`.execute(store.db)).rows[0]!.n > 0) await sleep(100);
      await failOrphanedRuns(store);
    }
    const after = await store.db.selectFrom('import_run').select(['status', 'pid', 'errors']).executeTakeFirstOrThrow();
    assert.equal(after.status, 'failed');
    assert.equal(after.pid, child.pid);
    assert.match(JSON.stringify(after.errors), /stopped before it finished\. Nothing from it was stored/);
    assert.equal((await store.db.selectFrom('child').selectAll().execute()).length, 0);
  } finally {
    await store.close();
  }
});
