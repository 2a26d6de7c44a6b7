// The life of an import_run row: 'running' while a process works on it, then accepted or rejected
// by that process; 'failed' when the process died first (killed, power cut), which only another
// process can notice. On PGlite the data-directory lock means no other process is running, so
// every 'running' row found on opening is an orphan. On PostgreSQL several app processes share
// the server: each running import holds a session advisory lock on its run, which the server
// frees when the process's connection ends, so a run is orphaned exactly when its lock is free.
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Store } from './open.ts';
import type { Database } from './schema.ts';

/** The advisory lock of one run (per schema, as several authorities' schemas share a server). */
const runLock = (id: number) => sql`hashtext('csinsight.import_run.' || current_schema()), ${id}::int`;

/**
 * Records a new 'running' run and calls `fn` with its id, holding the run's lock until `fn`
 * returns; `fn` must set the final status. The lock is taken before the row exists, so no other
 * process can see the row unlocked while this one is alive.
 */
export async function withImportRun<T>(store: Store, values: { by_user: string; files: string }, fn: (runId: number) => Promise<T>): Promise<T> {
  return store.session(async (db) => {
    const { rows } = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('import_run', 'id'))::int AS id`.execute(db);
    const id = rows[0]!.id;
    const locked = store.kind === 'postgres';
    if (locked) await sql`SELECT pg_advisory_lock(${runLock(id)})`.execute(db);
    try {
      await db.insertInto('import_run').values({ id, ...values, status: 'running', pid: process.pid, host: hostname() }).execute();
      return await fn(id);
    } finally {
      // A broken connection has dropped the lock already.
      if (locked) await sql`SELECT pg_advisory_unlock(${runLock(id)})`.execute(db).catch(() => {});
    }
  });
}

/** Marks 'failed' every running import whose process has gone; returns their ids. */
export async function failOrphanedRuns(store: Store): Promise<number[]> {
  const running = await store.db.selectFrom('import_run').select(['id', 'pid', 'host']).where('status', '=', 'running').execute();
  const failed: number[] = [];
  for (const run of running) {
    const marked = await store.transaction(async (tx) => {
      if (store.kind === 'postgres' && !(await isFree(tx.db, Number(run.id)))) return false;
      const who = run.pid ? `process ${run.pid}${run.host ? ` on ${run.host}` : ''}` : 'process';
      const error = { file: '', row: 0, field: '', rule: 'stopped', message: `The ${who} running this import stopped before it finished. Nothing from it was stored: import the files again.` };
      const result = await tx.db
        .updateTable('import_run')
        .set({ status: 'failed', finished_at: sql<string>`now()`, errors: JSON.stringify([error]) })
        .where('id', '=', Number(run.id))
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    });
    if (marked) failed.push(Number(run.id));
  }
  return failed;
}

/** Whether no session holds the run's lock (held for the rest of the caller's transaction). */
async function isFree(db: Kysely<Database>, id: number): Promise<boolean> {
  const { rows } = await sql<{ free: boolean }>`SELECT pg_try_advisory_xact_lock(${runLock(id)}) AS free`.execute(db);
  return rows[0]!.free;
}
