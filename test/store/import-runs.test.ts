// Orphaned import runs when several app processes share one PostgreSQL server (issue 12, item 7):
// a run whose process is alive is left running; once its session is gone it is marked failed.
// Two stores on one schema stand for two processes (each holds its own connections).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failOrphanedRuns, withImportRun } from '../../src/store/import-runs.ts';
import { openStore, testStoreOptions } from '../../src/store/open.ts';

test('a running import of another live process is not marked failed; one whose session ended is', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: PGlite allows one process per store' }, async () => {
  const options = testStoreOptions();
  const first = await openStore(options);
  const second = await openStore({ ...options, dropSchemaOnClose: false });
  try {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let started!: (id: number) => void;
    const runId = new Promise<number>((resolve) => (started = resolve));
    // A run left 'running' when its holder lets go: as if the process died before finishing.
    const holding = withImportRun(first, { by_user: 'live', files: '[]' }, async (id) => {
      started(id);
      await finished;
    });
    const id = await runId;
    assert.deepEqual(await failOrphanedRuns(second), [], 'its process still holds the run');
    assert.equal((await second.db.selectFrom('import_run').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'running');
    finish();
    await holding;
    assert.deepEqual(await failOrphanedRuns(second), [id]);
    assert.equal((await first.db.selectFrom('import_run').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'failed');
  } finally {
    await second.close();
    await first.close();
  }
});
