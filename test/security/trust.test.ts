// Issue 12 ("Trust"), as a tester probed it: officers' views of child-level lists and papers in the
// audit log with the records shown, and never cached; the lockout holding against a parallel
// burst; impossible dates refused with a 400 and server faults logged; no CSRF token in the log;
// Secure cookies and the client's address behind a trusted TLS proxy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/server/app.ts';
import { trustProxyFrom } from '../../src/server/start.ts';
import { delayLetters } from '../../src/reports/letters.ts';
import { queryAudit } from '../../src/store/audit-log.ts';
import { listUsers } from '../../src/store/users.ts';
import { cookieValue, ensureTestUser, signIn, TEST_PASSWORD, type SignedIn } from '../helpers-auth.ts';
import { startTestServer } from '../web/harness.ts';
import { AS_OF, KNOWN_CHILD, openWorld, type World } from './fixture.ts';

let world: World;
let officer: SignedIn;
let councillor: SignedIn;
let admin: SignedIn;
before(async () => {
  world = await openWorld();
  [officer, councillor, admin] = [await signIn(world.app, 'officer'), await signIn(world.app, 'councillor'), await signIn(world.app, 'admin')];
});
after(() => world.close());

const latestEntry = async (username: string) => (await queryAudit(world.store, { username, limit: 1 }))[0];

test('officers\' views of case-level lists and papers are logged and never cached; councillors\' aggregates are not logged', async () => {
  const indicator = (await world.store.db.selectFrom('indicator_value').select('indicator_id').limit(1).executeTakeFirstOrThrow()).indicator_id;
  const urls = ['/ehcp', '/missing', '/front-door', '/early-help', '/reports/performance?audience=officer', `/indicators/${indicator}/history.csv`, '/reports/letters'];
  for (const url of urls) {
    const res = await officer.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['cache-control']), /no-store/, `${url} may not be cached`);
    const entry = await latestEntry('test.officer');
    assert.deepEqual([entry?.event, entry?.url, entry?.status], ['view', url, 200], `${url} is in the audit log`);
  }
  for (const url of ['/ehcp', '/missing', '/front-door', '/early-help']) {
    const entry = (await queryAudit(world.store, { username: 'test.officer', event: 'view', limit: 100 })).find((e) => e.url === url)!;
    assert.ok(entry.returnedCount > 0 && (entry.returnedIds.child?.length ?? 0) > 0, `${url} is logged with the children it listed`);
  }
  const ehcp = (await queryAudit(world.store, { username: 'test.officer', event: 'view', limit: 100 })).find((e) => e.url === '/ehcp')!;
  assert.ok((ehcp.returnedIds.ehcp_request?.length ?? 0) > 0, 'the tracker is logged with its requests');

  for (const url of ['/ehcp', '/missing', '/reports/performance']) {
    const res = await councillor.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['cache-control']), /no-store/, `${url} is not cached for anyone`);
  }
  assert.equal((await queryAudit(world.store, { username: 'test.councillor', event: 'view' })).length, 0, 'suppressed aggregates are not record views');
});

test('delay letters are logged with each letter\'s request and child', async () => {
  const { cases } = await delayLetters(world.store, { asOf: AS_OF });
  assert.ok(cases.length > 0, 'the store has delayed requests');
  const res = await officer.inject({ url: '/reports/letters' });
  assert.equal(res.statusCode, 200);
  for (const c of cases) assert.ok(res.body.includes(`<b>${c.requestId}</b>`), `a letter for ${c.requestId}`);
  const entry = await latestEntry('test.officer');
  assert.deepEqual(entry!.returnedIds.ehcp_request, cases.map((c) => c.requestId));
  assert.deepEqual(entry!.returnedIds.child, [...new Set(cases.map((c) => c.personId))]);

  const one = cases[0]!.requestId;
  await officer.inject({ url: `/reports/letters?requests=${one}` });
  assert.deepEqual((await latestEntry('test.officer'))!.returnedIds.ehcp_request, [one], 'only the letters made');
});

test('impossible dates in the audit filters are a 400 naming the field, not a 500', async () => {
  const auditor = await signIn(world.app, 'auditor');
  const cases: [SignedIn, string, string][] = [
    [councillor, '/api/audits/summary?from=2026-02-31', 'from'],
    [auditor, '/api/audits?to=2026-13-01', 'to'],
    [admin, '/api/audit-log?from=2025-02-29', 'from'],
  ];
  for (const [who, url, field] of cases) {
    const res = await who.inject({ url });
    assert.equal(res.statusCode, 400, url);
    assert.deepEqual(res.json().issues, [{ field, message: 'Enter a real date, with a day, month and year' }], url);
  }
  for (const [who, url] of [[councillor, '/audits/summary?from=2026-02-31'], [auditor, '/audits?from=2026-04-31'], [admin, '/admin/audit-log?to=2026-02-30'], [admin, '/admin/audit-log.csv?from=2026-02-31']] as const) {
    const res = await who.inject({ url });
    assert.equal(res.statusCode, 400, url);
    assert.match(res.body, /Enter a real date/, url);
  }
  assert.equal((await admin.inject({ url: '/api/audit-log?from=2024-02-29' })).statusCode, 200, 'a leap day is a real date');
  const before = await admin.inject({ url: '/api/audit-log?before=1e300' });
  assert.deepEqual([before.statusCode, before.json().issues[0].field], [400, 'before'], 'an entry id past any bigint');
});

test('the server logs its faults (5xx) with the request, and never a CSRF token', async () => {
  const lines: string[] = [];
  const app = await buildApp({ store: world.store, asOf: AS_OF, logLevel: 'info', logStream: { write: (line) => void lines.push(line) } });
  try {
    app.get('/test-fault', { config: { permission: 'public' } }, async () => {
      throw new Error('disk on fire');
    });
    const res = await app.inject({ url: '/test-fault?_csrf=secret-token-123' });
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /disk on fire/, 'the person is not shown the fault');
    const logged = lines.map((l) => JSON.parse(l) as { level: number; err?: { message: string }; req?: { url: string } });
    const fault = logged.find((l) => l.level >= 50 && l.err?.message === 'disk on fire');
    assert.ok(fault, `the fault is logged at error level: ${lines.join('')}`);
    assert.ok(logged.some((l) => l.req?.url === '/test-fault'), 'the request is logged, without its token');
    assert.doesNotMatch(lines.join(''), /secret-token-123/);
  } finally {
    await app.close();
  }
});

test('a CSRF token sent in an upload\'s address is not written into the audit log', async () => {
  const auditor = await signIn(world.app, 'auditor');
  const boundary = 'TRUSTBOUNDARY';
  const csv = `AuditID,Type,Theme,AuditedDate,ChildID,Auditor,Grade,Findings,Actions\nAUD-300,core,,03/03/2026,${KNOWN_CHILD},A. Auditor,good,,\n`;
  const payload = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="audits.csv"', 'Content-Type: text/csv', '', csv, `--${boundary}--`, ''].join('\r\n');
  const res = await world.app.inject({
    method: 'POST', url: `/audits/import?_csrf=${encodeURIComponent(auditor.csrfToken)}`, payload,
    headers: { cookie: auditor.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  assert.equal(res.statusCode, 303);
  const entry = await latestEntry('test.auditor');
  assert.deepEqual([entry!.event, entry!.url], ['change', '/audits/import']);
  for (const url of ['/admin/audit-log?username=test.auditor', '/admin/audit-log.csv?username=test.auditor', '/api/audit-log?username=test.auditor']) {
    const log = await admin.inject({ url });
    assert.equal(log.statusCode, 200);
    assert.ok(!log.body.includes(auditor.csrfToken), `${url} holds no token`);
  }
});

/** Signs in through the API with `headers` added to both requests (the pre-session and the sign-in). */
async function signInVia(app: World['app'], username: string, password: string, headers: Record<string, string>) {
  const pre = await app.inject({ url: '/api/session', headers });
  return app.inject({
    method: 'POST', url: '/api/sign-in', payload: { username, password },
    headers: { ...headers, cookie: `csinsight_csrf=${cookieValue(pre, 'csinsight_csrf')}`, 'x-csrf-token': pre.json().csrfToken },
  });
}

test('behind a trusted TLS proxy: Secure cookies and the client\'s address in the log; forwarded headers from anyone else are ignored', async () => {
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
  const username = await ensureTestUser(world.app, 'manager');
  const sessionCookie = (res: Awaited<ReturnType<typeof signInVia>>) => res.cookies.find((c) => c.name === 'csinsight_session' && c.value);
  const apps = [
    ['127.0.0.1', true],
    ['loopback', true],
    ['10.0.0.5', false], // a proxy elsewhere: this request (from 127.0.0.1) did not come through it
  ] as const;
  for (const [proxy, trusted] of apps) {
    const app = await buildApp({ store: world.store, asOf: AS_OF, clock: () => world.now, trustProxy: trustProxyFrom(proxy) });
    try {
      const res = await signInVia(app, username, TEST_PASSWORD, forwarded);
      assert.equal(res.statusCode, 200);
      assert.equal(sessionCookie(res)!.secure, trusted ? true : undefined, `Secure with proxy ${proxy}`);
      const entry = await latestEntry(username);
      assert.deepEqual([entry!.event, entry!.ip], ['sign_in', trusted ? '203.0.113.7' : '127.0.0.1'], `audit address with proxy ${proxy}`);
    } finally {
      await app.close();
    }
  }
  const direct = await signInVia(world.app, username, TEST_PASSWORD, forwarded);
  assert.equal(sessionCookie(direct)!.secure, undefined, 'no proxy trusted: the headers are not believed');
  assert.equal((await latestEntry(username))!.ip, '127.0.0.1');
});

test('CSINSIGHT_TRUST_PROXY takes addresses and ranges, and refuses a hop count or "trust everyone"', () => {
  assert.deepEqual(trustProxyFrom(undefined), []);
  assert.deepEqual(trustProxyFrom(' 10.0.0.5, 10.1.0.0/16 ,loopback,::1, fd00::/8'), ['10.0.0.5', '10.1.0.0/16', 'loopback', '::1', 'fd00::/8']);
  for (const bad of ['1', 'true', '10.0.0.0/33', '10.0.0.300', 'proxy.example']) {
    assert.throws(() => trustProxyFrom(bad), /CSINSIGHT_TRUST_PROXY has/, bad);
  }
});

test('12 wrong passwords and the right one sent at once: no session, the lock stays; locked and unknown get one answer', async () => {
  const username = await ensureTestUser(world.app, 'auditor');
  const running = await startTestServer({ store: world.store, asOf: AS_OF });
  try {
    // Each attempt with its own pre-session cookie and token, fetched first, so the burst is only sign-ins.
    const attempt = async (user: string, password: string) => {
      const pre = await fetch(`${running.url}/api/session`);
      const cookie = pre.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await pre.json()) as { csrfToken: string };
      return () =>
        fetch(`${running.url}/api/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ username: user, password }),
        });
    };
    const burst = [...(await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(username, `wrong password ${i}`)))), await attempt(username, TEST_PASSWORD)];
    const answers = await Promise.all(burst.map((send) => send()));
    const sessions = answers.filter((r) => r.headers.getSetCookie().some((c) => /^csinsight_session=[^;]+/.test(c)));
    assert.deepEqual(answers.map((r) => r.status), Array(13).fill(401));
    assert.equal(sessions.length, 0, 'no session was issued');
    const user = (await listUsers(world.store, new Date())).find((u) => u.username === username)!;
    assert.equal(user.locked, true, 'the account is locked');

    const locked = await (await attempt(username, TEST_PASSWORD))();
    const unknown = await (await attempt('no.such.user', TEST_PASSWORD))();
    const wrong = await (await attempt(await ensureTestUser(world.app, 'manager'), 'a wrong password'))();
    const bodies = await Promise.all([locked, unknown, wrong].map(async (r) => [r.status, await r.text()]));
    assert.deepEqual(bodies[0], bodies[1], 'a locked account and an unknown user get the same answer');
    assert.deepEqual(bodies[1], bodies[2], 'and so does a wrong password');
  } finally {
    await running.close();
  }
});
