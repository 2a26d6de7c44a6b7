import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestStore } from '../helpers.ts';
import type { Store } from '../../src/store/open.ts';
import { appendAudit, MAX_RETURNED_IDS, queryAudit, urlWithoutSecrets } from '../../src/store/audit-log.ts';

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
    [{ ...entry, at: '2026-03-02T10:15:00Z', recordIds: ['C000123'], ip: null, returnedIds: {}, returnedCount: 0 }],
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

test('an entry keeps the records a response showed, by kind, found by record id, at most MAX_RETURNED_IDS', async () => {
  const list = { ...entry, route: '/missing', url: '/missing', recordIds: [], at: new Date('2026-03-04T10:00:00Z') };
  await appendAudit(store.db, { ...list, returned: { child: ['C000777', 'C000778'], ehcp_request: ['R-9'] } });
  const [shown] = await queryAudit(store, { recordId: 'C000778' });
  assert.deepEqual([shown!.route, shown!.returnedIds, shown!.returnedCount], ['/missing', { child: ['C000777', 'C000778'], ehcp_request: ['R-9'] }, 3]);
  assert.equal((await queryAudit(store, { recordId: 'R-9' })).length, 1);
  assert.equal((await queryAudit(store, { recordId: 'C00077' })).length, 0, 'whole ids only');

  const many = Array.from({ length: MAX_RETURNED_IDS + 5 }, (_, i) => `C${String(i).padStart(6, '0')}`);
  await appendAudit(store.db, { ...list, url: '/missing?all', returned: { child: many, early_help_episode: ['E1'] } });
  const [cut] = await queryAudit(store, { limit: 1 });
  assert.equal(cut!.url, '/missing?all');
  assert.equal(cut!.returnedIds.child!.length, MAX_RETURNED_IDS);
  assert.equal(cut!.returnedIds.early_help_episode, undefined, 'no room left');
  assert.equal(cut!.returnedCount, MAX_RETURNED_IDS + 6, 'the count says how many were shown');
});

test('a CSRF token is never written into the log, however the parameter is spelt', async () => {
  const token = 'Zx9-secret-token';
  for (const url of [`/audits/import?_csrf=${token}`, `/import?x=1&_csrf=${token}&y=2`, `/import?%5Fcsrf=${token}`, `/import?_CSRF=${token}&_csrf=${token}`]) {
    await appendAudit(store.db, { ...entry, url, event: 'change', method: 'POST' });
  }
  const urls = (await queryAudit(store, { event: 'change' })).map((e) => e.url);
  assert.deepEqual(urls.reverse(), ['/audits/import', '/import?x=1&y=2', '/import', '/import']);
  assert.equal(urlWithoutSecrets('/a?b=%ZZ&_csrf=t'), '/a?b=%ZZ', 'bad escapes elsewhere are left alone');
  assert.equal(urlWithoutSecrets('/a?csrf=t&x_csrf=u'), '/a?csrf=t&x_csrf=u', 'only the token parameter is taken out');
});
