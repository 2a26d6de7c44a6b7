import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from '../helpers.ts';
import type { Store } from '../../src/store/open.ts';
import { addUser, checkPassword, ensureDemoUsers, LOCK_MINUTES, MAX_FAILED_ATTEMPTS, resetPassword } from '../../src/server/auth/accounts.ts';
import { hashPassword, verifyPassword } from '../../src/server/auth/passwords.ts';
import { createSession, endSession, findSession, IDLE_MINUTES, ABSOLUTE_HOURS } from '../../src/server/auth/sessions.ts';
import { listUsers } from '../../src/store/users.ts';
import { ROLES } from '../../src/core/access.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(async () => {
  await store.close();
});

const T0 = new Date('2026-03-02T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

test('passwords are salted scrypt hashes and verify only the right password', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.match(a, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
  assert.notEqual(a, b, 'each hash has its own salt');
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('correct horse batterY', a), false);
  assert.equal(await verifyPassword('anything', 'plain-text-password'), false);
});

test('short passwords and bad usernames are refused', async () => {
  await assert.rejects(addUser(store, 'short.pw', 'officer', 'abc'), /at least 12/);
  await assert.rejects(addUser(store, "x'; DROP TABLE app_user; --", 'officer', 'long enough password'), /Invalid username/);
  assert.equal((await listUsers(store)).some((u) => u.username === 'short.pw'), false);
});

test('the fifth wrong password locks the account for 15 minutes, even against the right password', async () => {
  await addUser(store, 'lock.test', 'officer', 'right password 1');
  for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
    assert.deepEqual(await checkPassword(store, 'lock.test', `wrong ${i}`, later(i)), { ok: false, reason: 'invalid' });
  }
  assert.deepEqual(await checkPassword(store, 'lock.test', 'wrong 5', later(5)), { ok: false, reason: 'locked' });
  assert.deepEqual(await checkPassword(store, 'lock.test', 'right password 1', later(6)), { ok: false, reason: 'locked' });
  assert.deepEqual(await checkPassword(store, 'lock.test', 'right password 1', later(5 + LOCK_MINUTES - 1)), { ok: false, reason: 'locked' });
  const r = await checkPassword(store, 'lock.test', 'right password 1', later(5 + LOCK_MINUTES + 1));
  assert.deepEqual(r, { ok: true, username: 'lock.test', role: 'officer' });
});

test('a successful sign-in resets the failed-attempt count', async () => {
  await addUser(store, 'reset.count', 'manager', 'right password 2');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await checkPassword(store, 'reset.count', 'nope', T0);
  assert.equal((await checkPassword(store, 'reset.count', 'right password 2', T0)).ok, true);
  for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await checkPassword(store, 'reset.count', 'nope', T0);
  assert.equal((await checkPassword(store, 'reset.count', 'right password 2', T0)).ok, true, 'four more failures do not lock');
});

test('attempts are counted before the password is checked: a burst of wrong ones and the right one locks the account', async () => {
  await addUser(store, 'burst.test', 'officer', 'right password 4');
  const results = await Promise.all([
    ...Array.from({ length: 2 * MAX_FAILED_ATTEMPTS }, (_, i) => checkPassword(store, 'burst.test', `wrong ${i}`, T0)),
    checkPassword(store, 'burst.test', 'right password 4', T0),
  ]);
  assert.equal(results.filter((r) => r.ok).length, 0, 'the right password, sent with the burst, does not get in');
  assert.ok(results.some((r) => !r.ok && r.reason === 'locked'));
  assert.equal((await listUsers(store, T0)).find((u) => u.username === 'burst.test')?.locked, true, 'the lock stays');
  assert.deepEqual(await checkPassword(store, 'burst.test', 'right password 4', later(1)), { ok: false, reason: 'locked' });
});

test('an unknown username is refused like a wrong password', async () => {
  assert.deepEqual(await checkPassword(store, 'nobody', 'whatever password', T0), { ok: false, reason: 'invalid' });
});

test('sessions expire after 30 idle minutes and 8 hours in all', async () => {
  await addUser(store, 'session.test', 'auditor', 'right password 3');
  const { token } = await createSession(store, 'session.test', T0);
  assert.match(token, /^[\w-]{43}$/, '256 random bits, base64url');
  assert.equal((await findSession(store, token, later(IDLE_MINUTES - 1)))?.role, 'auditor');
  assert.equal(await findSession(store, token, later(2 * IDLE_MINUTES)), undefined, 'idle too long');

  const kept = await createSession(store, 'session.test', T0);
  // Active every 20 minutes: idle expiry never comes, the absolute limit does.
  for (let m = 20; m < ABSOLUTE_HOURS * 60; m += 20) {
    assert.ok(await findSession(store, kept.token, later(m)), `alive at ${m} minutes`);
  }
  assert.equal(await findSession(store, kept.token, later(ABSOLUTE_HOURS * 60 + 1)), undefined, 'past 8 hours');
});

test('the table holds a hash of the token, and signing out ends the session', async () => {
  const { token } = await createSession(store, 'session.test', T0);
  const ids = (await store.db.selectFrom('session').select('id').execute()).map((r) => r.id);
  assert.equal(ids.includes(token), false);
  const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
  assert.equal(await findSession(store, forged, T0), undefined);
  await endSession(store, token);
  assert.equal(await findSession(store, token, T0), undefined);
});

test('a password reset ends the user\'s sessions', async () => {
  const { token } = await createSession(store, 'session.test', T0);
  assert.ok(await findSession(store, token, T0));
  await resetPassword(store, 'session.test', 'a brand new password');
  assert.equal(await findSession(store, token, T0), undefined);
});

test('demo users: one per role, random passwords that work, new ones on each run', async () => {
  const first = await ensureDemoUsers(store);
  assert.deepEqual(first.map((l) => l.role), [...ROLES]);
  for (const l of first) assert.equal((await checkPassword(store, l.username, l.password, T0)).ok, true);
  const second = await ensureDemoUsers(store);
  assert.notEqual(second[0]!.password, first[0]!.password);
  assert.equal((await checkPassword(store, first[0]!.username, first[0]!.password, T0)).ok, false);
  assert.equal((await checkPassword(store, second[0]!.username, second[0]!.password, T0)).ok, true);
});
