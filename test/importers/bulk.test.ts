// Bulk loading (src/importers/bulk.ts): a big load drops keys, indexes and foreign keys and makes
// them again. CSINSIGHT_BULK_ROWS=1 makes every load of the small fixtures a bulk one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { importDirectory, importFiles } from '../../src/importers/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { snapshot, VALID_DIR, validFiles } from './helpers.ts';

interface Entry {
  name: string;
  def: string;
  oid: number;
}

/** Every constraint and index of the store's schema, with its definition and its object id. */
async function catalogue(store: Store): Promise<Entry[]> {
  const { rows } = await sql<Entry>`
    SELECT conrelid::regclass::text || '.' || conname AS name, pg_get_constraintdef(oid) AS def, oid::int AS oid
      FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND contype IN ('p', 'u', 'f')
    UNION ALL
    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indexrelid::int
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relkind = 'r'
    ORDER BY 1`.execute(store.db);
  return rows;
}

/** The imported rows, without the times they were written at. */
async function stored(store: Store) {
  const tables = await snapshot(store);
  const untimed = (row: unknown) => String(row).replace(/"(at|updated_at)":"[^"]*"/g, '');
  return Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.map(untimed)]));
}

const shape = (entries: Entry[]) => entries.map(({ name, def }) => ({ name, def }));
const ids = (entries: Entry[], name: string) => entries.find((e) => e.name === name)?.oid;

async function withBulkRows<T>(n: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.CSINSIGHT_BULK_ROWS;
  if (n === undefined) delete process.env.CSINSIGHT_BULK_ROWS;
  else process.env.CSINSIGHT_BULK_ROWS = n;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.CSINSIGHT_BULK_ROWS;
    else process.env.CSINSIGHT_BULK_ROWS = before;
  }
}

let bulk: Store;
let rows: Store;
before(async () => {
  [bulk, rows] = await Promise.all([openTestStore(), openTestStore()]);
});
after(() => Promise.all([bulk.close(), rows.close()]));

test('a bulk load stores the same rows as row-by-row and makes every key, index and foreign key again as it was', async () => {
  const was = await catalogue(bulk);
  const wasRows = await catalogue(rows);
  const byBulk = await withBulkRows('1', () => importDirectory(bulk, VALID_DIR, { user: 'officer' }));
  const byRows = await importDirectory(rows, VALID_DIR, { user: 'officer' });
  assert.equal(byBulk.status, 'accepted', JSON.stringify(byBulk.errors));
  assert.equal(byRows.status, 'accepted', JSON.stringify(byRows.errors));
  assert.deepEqual(await stored(bulk), await stored(rows));

  const now = await catalogue(bulk);
  assert.deepEqual(shape(now), shape(was), 'same names and definitions');
  // The bulk path was taken: the loaded tables' keys and indexes are new objects.
  assert.notEqual(ids(now, 'ehcp_advice.ehcp_advice_pkey'), ids(was, 'ehcp_advice.ehcp_advice_pkey'));
  assert.notEqual(ids(now, 'ehcp_advice_requested'), ids(was, 'ehcp_advice_requested'));
  assert.notEqual(ids(now, 'ehcp_advice.ehcp_advice_request_id_fkey'), ids(was, 'ehcp_advice.ehcp_advice_request_id_fkey'));
  // ...and not on the row-by-row store.
  assert.deepEqual(await catalogue(rows), wasRows);
});

test('after a bulk load the keys and foreign keys still refuse bad rows', async () => {
  await assert.rejects(
    sql`INSERT INTO ehcp_advice (request_id, partner, requested_date) VALUES ('NO-SUCH-REQUEST', 'health', '2024-01-01')`.execute(bulk.db),
    /foreign key/,
  );
  const { rows: [c] } = await sql<{ child_id: string }>`SELECT child_id FROM child LIMIT 1`.execute(bulk.db);
  await assert.rejects(sql`INSERT INTO child (child_id, sex, dob) VALUES (${c!.child_id}, 1, '2010-01-01')`.execute(bulk.db), /duplicate key/);
  // Deleting a request still takes its advice with it (ON DELETE CASCADE came back).
  const { rows: [a] } = await sql<{ request_id: string }>`SELECT request_id FROM ehcp_advice LIMIT 1`.execute(bulk.db);
  await bulk.transaction(async (tx) => {
    await sql`DELETE FROM ehcp_request WHERE request_id = ${a!.request_id}`.execute(tx.db);
    const { rows: left } = await sql`SELECT 1 FROM ehcp_advice WHERE request_id = ${a!.request_id}`.execute(tx.db);
    assert.equal(left.length, 0);
    throw new Error('undo');
  }).catch((e: Error) => assert.equal(e.message, 'undo'));
});

test('a reload into tables with rows updates them in bulk and keeps the catalogue', async () => {
  const files = validFiles().map((f) =>
    f.name.endsWith('ehcp_advice.csv') ? { ...f, content: String(f.content).replace(/(\n[^,\n]+,health,[^,\n]+,)[^,\n]*/, '$1') } : f,
  );
  const changed = files.find((f) => f.name.endsWith('ehcp_advice.csv'))!.content;
  assert.notEqual(changed, validFiles().find((f) => f.name.endsWith('ehcp_advice.csv'))!.content, 'the fixture has a health advice row to change');
  const was = await catalogue(bulk);
  const result = await withBulkRows('1', () => importFiles(bulk, files, { user: 'officer' }));
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
  const now = await catalogue(bulk);
  assert.deepEqual(shape(now), shape(was));
  // A reload keeps the key the upsert needs and makes the other index and the foreign key again.
  assert.equal(ids(now, 'ehcp_advice.ehcp_advice_pkey'), ids(was, 'ehcp_advice.ehcp_advice_pkey'));
  assert.notEqual(ids(now, 'ehcp_advice_requested'), ids(was, 'ehcp_advice_requested'));
  const { rows: health } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ehcp_advice WHERE partner = 'health' AND received_date IS NULL`.execute(bulk.db);
  assert.ok(health[0]!.n >= 1, 'the health advice now has no received date');
});
