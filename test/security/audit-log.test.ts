import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestStore } from '../helpers.ts';
import type { Store } from '../../src/store/open.ts';
import { appendAudit, queryAudit } from '../../src/store/audit-log.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(async () => {
  await store.close();
});

const entry = {
  at: new Date('2026-03-02T10:15:00Z'),
  username: 'demo.officer',
  role: 'officer',
  event: 'view' as const,
  method: 'GET',
  route: '/api/children/:childId',
  url: '/api/children/C000123',
  status: 200,
  recordIds: ['C000123'],
};

test('entries are appended and found by user, record and date', async () => {
  await appendAudit(store.db, entry);
  await appendAudit(store.db, { ...entry, username: 'demo.manager', recordIds: ['C000999'], at: new Date('2026-03-03T10:00:00Z') });
  const all = await queryAudit(store);
  assert.equal(all.length, 2);
  assert.equal(all[0]!.username, 'demo.manager', 'newest first');
  const found = await queryAudit(store, { recordId: 'C000123' });
  assert.deepEqual(
    found.map(({ id: _id, ...rest }) => rest),
    [{ ...entry, at: '2026-03-02T10:15:00Z', recordIds: ['C000123'], ip: null }],
  );
  assert.equal((await queryAudit(store, { from: '2026-03-03' })).length, 1);
  assert.equal((await queryAudit(store, { to: '2026-03-02' })).length, 1);
  assert.equal((await queryAudit(store, { username: 'nobody' })).length, 0);
});

test('the database refuses to update, delete or truncate the audit log', async () => {
  const before = await queryAudit(store);
  await assert.rejects(store.db.updateTable('audit_log').set({ username: 'someone.else' }).execute(), /append-only/);
  await assert.rejects(store.db.deleteFrom('audit_log').execute(), /append-only/);
  await assert.rejects(sql`TRUNCATE audit_log`.execute(store.db), /append-only/);
  await assert.rejects(
    store.transaction(async (tx) => {
      await tx.exec(`DELETE FROM audit_log WHERE username = 'demo.officer'`);
    }),
    /append-only/,
  );
  assert.deepEqual(await queryAudit(store), before);
});
