// Sign-in over HTTP: cookies, CSRF on every state-changing request, lockout, session expiry on
// the app's clock, sign-out, the sign-in rate limit and the security headers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { SIGN_IN_REFUSED } from '../../src/server/auth/routes.ts';
import { queryAudit } from '../../src/store/audit-log.ts';
import { cookieValue, ensureTestUser, signIn, TEST_PASSWORD } from '../helpers-auth.ts';
import { AS_OF, openWorld, type World } from './fixture.ts';

let world: World;
before(async () => {
  world = await openWorld({ seed: false });
  await world.store.db.insertInto('priority').values({ priority_id: 'P1', title: 'Priority one' }).execute();
  await world.store.db.insertInto('strategy_action').values({ action_id: 'A1', priority_id: 'P1', title: 'An action', owner: 'Head of service' }).execute();
});
after(() => world.close());

const action = () => world.store.db.selectFrom('strategy_action').select(['rag', 'status']).where('action_id', '=', 'A1').executeTakeFirstOrThrow();
const change = { rag: 'amber', status: 'in_progress', comment: 'Work has started' };

/** The sign-in form as a browser gets it: its pre-session cookie and the token in the form. */
async function signInForm() {
  const page = await world.app.inject({ url: '/sign-in?returnTo=/actions' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  return { page, token: token!, cookie: `csinsight_csrf=${cookieValue(page, 'csinsight_csrf')}` };
}

function setCookie(res: LightMyRequestResponse, name: string) {
  return res.cookies.find((c) => c.name === name);
}

test('the sign-in form carries a CSRF token bound to an httpOnly, SameSite=Lax cookie', async () => {
  const { page, token } = await signInForm();
  assert.equal(page.statusCode, 200);
  assert.ok(token.length > 20);
  const c = setCookie(page, 'csinsight_csrf')!;
  assert.deepEqual([c.httpOnly, c.sameSite, c.path, c.secure], [true, 'Lax', '/', undefined]);
});

test('signing in with the form: refused without the token, then a fresh session cookie', async () => {
  await ensureTestUser(world.app, 'officer');
  const { token, cookie } = await signInForm();
  const form = { username: 'test.officer', password: TEST_PASSWORD, returnTo: '/actions' };
  const noToken = await world.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie }, payload: form });
  assert.equal(noToken.statusCode, 403);
  assert.equal(setCookie(noToken, 'csinsight_session'), undefined);
  const wrongToken = await world.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie }, payload: { ...form, _csrf: `${token}x` } });
  assert.equal(wrongToken.statusCode, 403);

  const ok = await world.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie }, payload: { ...form, _csrf: token } });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/actions');
  const session = setCookie(ok, 'csinsight_session')!;
  assert.deepEqual([session.httpOnly, session.sameSite, session.path], [true, 'Lax', '/']);
  assert.match(session.value, /^[\w-]{43}$/);
  const page = await world.app.inject({ url: '/actions', headers: { cookie: `csinsight_session=${session.value}` } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /test\.officer/);
});

test('the sign-in form sends people back only to this site', async () => {
  const { token, cookie } = await signInForm();
  for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
    const res = await world.app.inject({
      method: 'POST', url: '/sign-in', headers: { cookie },
      payload: { username: 'test.officer', password: TEST_PASSWORD, returnTo, _csrf: token },
    });
    assert.equal(res.headers.location, '/', returnTo);
  }
});

test('a change without the CSRF token is refused and changes nothing; with it, it is made', async () => {
  const officer = await signIn(world.app, 'officer');
  const before = await action();
  const headers = { cookie: officer.cookie };
  for (const res of [
    await world.app.inject({ method: 'POST', url: '/api/actions/A1', headers, payload: change }),
    await world.app.inject({ method: 'POST', url: '/api/actions/A1', headers: { ...headers, 'x-csrf-token': 'forged' }, payload: change }),
    await world.app.inject({
      method: 'POST', url: '/actions/A1', payload: new URLSearchParams(change).toString(),
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    }),
  ]) {
    assert.equal(res.statusCode, 403);
  }
  assert.deepEqual(await action(), before);
  const ok = await officer.inject({ method: 'POST', url: '/api/actions/A1', payload: change });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual(await action(), { rag: 'amber', status: 'in_progress' });
  const logged = await queryAudit(world.store, { username: 'test.officer', event: 'change' });
  assert.ok(logged.some((e) => e.route === '/api/actions/:actionId' && e.recordIds.includes('A1') && e.status === 200));
});

test("one session's token does not work with another session", async () => {
  const officer = await signIn(world.app, 'officer');
  const manager = await signIn(world.app, 'manager');
  const res = await world.app.inject({
    method: 'POST', url: '/api/actions/A1', headers: { cookie: officer.cookie, 'x-csrf-token': manager.csrfToken }, payload: change,
  });
  assert.equal(res.statusCode, 403);
});

test('five wrong passwords lock the account for 15 minutes; the right one works after', async () => {
  await ensureTestUser(world.app, 'auditor');
  const attempt = async (password: string) => {
    const pre = await world.app.inject({ url: '/api/session' });
    return world.app.inject({
      method: 'POST', url: '/api/sign-in',
      headers: { cookie: `csinsight_csrf=${cookieValue(pre, 'csinsight_csrf')}`, 'x-csrf-token': pre.json().csrfToken },
      payload: { username: 'test.auditor', password },
    });
  };
  // Every refusal reads the same (SIGN_IN_REFUSED), so a stranger cannot tell a locked account from a wrong password.
  for (let i = 1; i <= 4; i++) assert.equal((await attempt(`wrong ${i}`)).json().message, SIGN_IN_REFUSED);
  const fifth = await attempt('wrong 5');
  assert.equal(fifth.statusCode, 401);
  assert.equal(fifth.json().message, SIGN_IN_REFUSED);
  const whileLocked = await attempt(TEST_PASSWORD);
  assert.deepEqual([whileLocked.statusCode, whileLocked.json().message], [401, SIGN_IN_REFUSED], 'the right password is refused while locked');
  world.advance(16);
  assert.equal((await attempt(TEST_PASSWORD)).statusCode, 200);
  assert.equal((await queryAudit(world.store, { username: 'test.auditor', event: 'sign_in_failed' })).length, 6);
});

test('a session ends after 30 idle minutes, and after 8 hours however busy', async () => {
  const auditor = await signIn(world.app, 'auditor');
  world.advance(29);
  assert.equal((await auditor.inject({ url: '/api/audits' })).statusCode, 200);
  world.advance(31);
  const idle = await auditor.inject({ url: '/api/audits' });
  assert.equal(idle.statusCode, 401);
  assert.equal(setCookie(idle, 'csinsight_session')?.value, '', 'the dead cookie is cleared');

  const busy = await signIn(world.app, 'auditor');
  for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
    world.advance(20);
    assert.equal((await busy.inject({ url: '/api/audits' })).statusCode, 200, `after ${minutes} minutes`);
  }
  world.advance(20);
  assert.equal((await busy.inject({ url: '/api/audits' })).statusCode, 401);
});

test('signing out needs the token, ends the session and clears the cookie', async () => {
  const officer = await signIn(world.app, 'officer');
  const forged = await world.app.inject({ method: 'POST', url: '/sign-out', headers: { cookie: officer.cookie } });
  assert.equal(forged.statusCode, 403);
  assert.equal((await officer.inject({ url: '/actions' })).statusCode, 200, 'still signed in');
  const out = await officer.inject({ method: 'POST', url: '/sign-out', payload: { _csrf: officer.csrfToken } });
  assert.equal(out.statusCode, 303);
  assert.equal(setCookie(out, 'csinsight_session')?.value, '');
  assert.equal((await officer.inject({ url: '/actions' })).statusCode, 401, 'the old cookie no longer works');
});

test('sessions are cached for a second, but sign-out and expiry still take effect on the very next request', async () => {
  // Each pair of requests runs well inside the cache's second (CACHE_MS), so the second request
  // would be answered from the cache if sign-out or the clock were ignored.
  const officer = await signIn(world.app, 'officer');
  assert.equal((await officer.inject({ url: '/actions' })).statusCode, 200);
  await officer.inject({ method: 'POST', url: '/sign-out', payload: { _csrf: officer.csrfToken } });
  assert.equal((await officer.inject({ url: '/actions' })).statusCode, 401, 'signed out');

  const idle = await signIn(world.app, 'officer');
  assert.equal((await idle.inject({ url: '/actions' })).statusCode, 200);
  world.advance(31);
  assert.equal((await idle.inject({ url: '/actions' })).statusCode, 401, 'idle for 31 minutes');

  const long = await signIn(world.app, 'officer');
  for (let minutes = 25; minutes < 8 * 60; minutes += 25) {
    world.advance(25);
    assert.equal((await long.inject({ url: '/actions' })).statusCode, 200, `after ${minutes} minutes`);
  }
  assert.equal((await long.inject({ url: '/actions' })).statusCode, 200, 'cached at 7 h 55 min');
  world.advance(5);
  assert.equal((await long.inject({ url: '/actions' })).statusCode, 401, 'past 8 hours');
});

test('signing in again replaces the session (no fixation)', async () => {
  const first = await signIn(world.app, 'manager');
  const pre = await world.app.inject({ url: '/api/session', headers: { cookie: first.cookie } });
  const again = await world.app.inject({
    method: 'POST', url: '/api/sign-in', headers: { cookie: first.cookie, 'x-csrf-token': pre.json().csrfToken },
    payload: { username: 'test.manager', password: TEST_PASSWORD },
  });
  assert.equal(again.statusCode, 200);
  assert.notEqual(cookieValue(again, 'csinsight_session'), first.sessionToken);
  assert.equal((await first.inject({ url: '/actions' })).statusCode, 401);
});

test('sign-in attempts from one address are rate limited', async () => {
  // A separate app: its own rate-limit counters, the same store.
  const app = await buildApp({ store: world.store, asOf: AS_OF, clock: () => world.now });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/sign-in', payload: { username: `nobody${i}`, password: 'x' } });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 20).filter((s) => s === 429), []);
    assert.deepEqual(statuses.slice(20), [429, 429]);
  } finally {
    await app.close();
  }
});

test('pages carry security headers and a content security policy that allows only our own scripts', async () => {
  const res = await world.app.inject({ url: '/sign-in' });
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  assert.match(csp, /frame-ancestors 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.headers['x-frame-options']);
});
