import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestStore } from '../helpers.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/open.ts';
import { hasDatabase } from '../../src/store/pglite-init.ts';

test('migrations run once and create the tables', async () => {
  const store = await openTestStore();
  try {
    assert.deepEqual(await migrate(store), [], 'second run applies nothing');
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name IN ('child', 'ehcp_request', 'indicator_value')`.execute(store.db);
    assert.equal(tables.rows[0]?.n, 3);
  } finally {
    await store.close();
  }
});

test('dates come back as ISO strings and COPY loads rows', async () => {
  const store = await openTestStore();
  try {
    await store.transaction(async (tx) => {
      await tx.copyRows('child', ['child_id', 'sex', 'dob', 'ethnic', 'upn'], [
        ['C1', 1, '2010-03-31', 'WBRI', null],
        ['C2', 2, '2012-02-29', 'MWBC', 'A123456789012'],
      ]);
    });
    const rows = await store.db.selectFrom('child').select(['child_id', 'sex', 'dob', 'ethnic', 'upn']).orderBy('child_id').execute();
    assert.deepEqual(rows, [
      { child_id: 'C1', sex: 1, dob: '2010-03-31', ethnic: 'WBRI', upn: null },
      { child_id: 'C2', sex: 2, dob: '2012-02-29', ethnic: 'MWBC', upn: 'A123456789012' },
    ]);
  } finally {
    await store.close();
  }
});

test('a failed transaction leaves nothing behind', async () => {
  const store = await openTestStore();
  try {
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.db.insertInto('child').values({ child_id: 'X', sex: 1, dob: '2015-01-01', ethnic: null, upn: null }).execute();
        throw new Error('stop');
      }),
      /stop/,
    );
    const n = await store.db.selectFrom('child').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    assert.equal(Number(n?.n), 0);
  } finally {
    await store.close();
  }
});

test('a new PGlite data directory is created (in a worker thread), migrated, and keeps its rows when reopened', { skip: !!process.env.DATABASE_URL && 'PGlite only' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csinsight-store-'));
  try {
    assert.equal(hasDatabase(dir), false);
    const store = await openStore({ dataDir: dir });
    assert.equal(hasDatabase(dir), true, 'initdb wrote the directory');
    await store.db.insertInto('child').values({ child_id: 'C1', sex: 1, dob: '2010-03-31', ethnic: 'WBRI', upn: null }).execute();
    await store.close();
    const again = await openStore({ dataDir: dir });
    try {
      assert.deepEqual(await again.db.selectFrom('child').select('child_id').execute(), [{ child_id: 'C1' }]);
      assert.deepEqual(await migrate(again), [], 'migrations were applied the first time');
    } finally {
      await again.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
