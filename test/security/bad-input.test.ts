// Hostile input: SQL-injection strings (and NUL bytes, very long text) in every path parameter,
// query parameter and form or JSON field of every route; oversized uploads and wrong content
// types. Every answer is a clear 4xx or a literal store of the text, never a 500, and a refusal
// changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ROLES, can, type Permission, type Role } from '../../src/core/access.ts';
import { buildApp } from '../../src/server/app.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { AS_OF, KNOWN_CHILD, openWorld, paramFiller, seed, type World } from './fixture.ts';

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE child; --",
  "C000123' UNION SELECT password_hash, username FROM app_user --",
  '1; DELETE FROM case_audit',
  '" OR ""="',
  "$$; TRUNCATE audit_log; $$",
  "\\'; UPDATE app_user SET role = 'admin'; --",
  'a\u0000b',
  "1' AND pg_sleep(0) IS NULL --",
  'x'.repeat(100_000),
];

/** Field names used by the forms and the JSON API. */
const FIELDS = [
  'username', 'password', 'returnTo', 'rag', 'status', 'comment', 'responsible', 'dueDate', 'response', 'body', 'narrative',
  'auditId', 'type', 'theme', 'auditedDate', 'childId', 'auditor', 'grade', 'findings', 'actions', 'year', 'period', 'from', 'to',
];
const QUERY = ['period', 'type', 'theme', 'grade', 'from', 'to', 'username', 'event', 'recordId', 'before', 'breakdown', 'indicator', 'partner', 'q', 'returnTo'];

/** Every table's rows, except those a request may legitimately touch (log, sessions, sign-in counters). */
async function snapshot(world: World): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('audit_log', 'session', 'app_user', 'schema_migration') ORDER BY 1`.execute(world.store.db);
  const out: Record<string, string[]> = {};
  for (const { t } of tables) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(world.store.db);
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  const users = await world.store.db.selectFrom('app_user').select(['username', 'role', 'password_hash']).orderBy('username').execute();
  out.app_user = users.map((u) => JSON.stringify(u));
  return out;
}

let world: World;
let sessions: Record<Role, SignedIn>;
let fill: (url: string) => string;

before(async () => {
  world = await openWorld({ seed: false });
  await seed(world.store);
  sessions = {} as Record<Role, SignedIn>;
  for (const role of ROLES) sessions[role] = await signIn(world.app, role);
  fill = await paramFiller(world.store);
});
after(() => world.close());

test('injection strings in every parameter and field of every route: no 500, nothing changed', async () => {
  const before = await snapshot(world);
  const failures: string[] = [];
  const routes = world.app.routeRegister.filter((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !r.url.startsWith('/sign-out') && r.url !== '/api/sign-out');
  for (const route of routes) {
    // Someone allowed to use the route, so the request gets past the access check.
    const role = ROLES.find((r) => route.permission === 'public' || can(r, route.permission as Permission))!;
    const who = sessions[role];
    for (const bad of INJECTIONS) {
      const enc = encodeURIComponent(bad.slice(0, 2000));
      const withParams = route.url.includes(':') ? fill(route.url).replace(/\/[^/]*$/, '') + '/' + enc : null;
      const query = QUERY.map((q) => `${q}=${enc}`).join('&');
      const requests =
        route.method === 'GET'
          ? [{ url: `${fill(route.url)}?${query}` }, ...(withParams ? [{ url: withParams }] : [])]
          : [
              { url: fill(route.url), payload: Object.fromEntries(FIELDS.map((f) => [f, bad])) },
              { url: fill(route.url), payload: new URLSearchParams(FIELDS.map((f) => [f, bad])).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
              ...(withParams ? [{ url: withParams, payload: {} }] : []),
            ];
      for (const r of requests) {
        const res = await who.inject({ method: route.method as 'GET', ...r });
        if (res.statusCode >= 500) failures.push(`${route.method} ${route.url} (${JSON.stringify(bad.slice(0, 30))}) → ${res.statusCode}: ${res.body.slice(0, 160)}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(await snapshot(world), before);
});

test('free text is stored as typed, quotes and all, and nothing else moves', async () => {
  const actionId = (await world.store.db.selectFrom('strategy_action').select('action_id').executeTakeFirstOrThrow()).action_id;
  for (const comment of INJECTIONS.filter((s) => !s.includes('\u0000') && s.length < 2000)) {
    const res = await sessions.officer.inject({ method: 'POST', url: `/api/actions/${actionId}`, payload: { rag: 'red', status: 'in_progress', comment } });
    assert.equal(res.statusCode, 200, comment);
    const last = await world.store.db.selectFrom('action_update').select('comment').where('action_id', '=', actionId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(last.comment, comment);
  }
  const finding = "Robert'); DROP TABLE case_audit;--";
  const saved = await sessions.auditor.inject({
    method: 'POST', url: '/api/audits',
    payload: { auditId: 'AUD-X', type: 'core', auditedDate: '2026-02-02', childId: KNOWN_CHILD, auditor: "O'Brien", grade: 'good', findings: finding },
  });
  assert.equal(saved.statusCode, 200);
  const row = await world.store.db.selectFrom('case_audit').select(['findings', 'auditor']).where('audit_id', '=', 'AUD-X').executeTakeFirstOrThrow();
  assert.deepEqual(row, { findings: finding, auditor: "O'Brien" });
  assert.ok((await world.store.db.selectFrom('child').select('child_id').execute()).length > 10, 'child table intact');
});

test('the sign-in form treats injection strings as wrong credentials', async () => {
  // A fresh app: the sweep above used up this address's sign-in rate limit.
  const app = await buildApp({ store: world.store, asOf: AS_OF, clock: () => world.now });
  for (const bad of INJECTIONS) {
    const pre = await app.inject({ url: '/api/session' });
    const res = await app.inject({
      method: 'POST', url: '/api/sign-in',
      headers: { cookie: `csinsight_csrf=${pre.cookies.find((c) => c.name === 'csinsight_csrf')?.value}`, 'x-csrf-token': pre.json().csrfToken },
      payload: { username: bad.slice(0, 60), password: bad.slice(0, 60) },
    });
    assert.ok([400, 401].includes(res.statusCode), `${res.statusCode} for ${JSON.stringify(bad.slice(0, 20))}`);
  }
  await app.close();
});

test('wrong content types and malformed bodies get a clear 4xx', async () => {
  const { officer, auditor } = sessions;
  const cases = [
    { who: auditor, url: '/api/audits', headers: { 'content-type': 'application/xml' }, payload: '<audit/>', expect: 415 },
    { who: auditor, url: '/api/audits', headers: { 'content-type': 'application/json' }, payload: '{"auditId": ', expect: 400 },
    { who: auditor, url: '/api/audits/import', headers: { 'content-type': 'application/json' }, payload: '{}', expect: 415 },
    { who: officer, url: '/api/imports', headers: { 'content-type': 'application/json' }, payload: '{}', expect: 400 },
    { who: officer, url: '/api/imports', headers: { 'content-type': 'text/plain' }, payload: 'CHILD,SEX', expect: 400 },
  ];
  for (const c of cases) {
    const res = await c.who.inject({ method: 'POST', url: c.url, headers: c.headers, payload: c.payload });
    assert.equal(res.statusCode, c.expect, `${c.url} ${c.headers['content-type']}: ${res.body.slice(0, 200)}`);
    assert.ok(res.json().message, 'a message says what is wrong');
  }
});

test('case audit CSV: an oversized file, a bad row or a wrong column stores nothing', async () => {
  const count = async () => (await world.store.db.selectFrom('case_audit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const before = await count();
  const header = 'AuditID,Type,Theme,AuditedDate,ChildID,Auditor,Grade,Findings,Actions';
  const good = `AUD-100,themed,neglect,01/02/2026,${KNOWN_CHILD},A. Auditor,Requires improvement,"Findings, with a comma",Review plan`;
  const post = (payload: string) => sessions.auditor.inject({ method: 'POST', url: '/api/audits/import', headers: { 'content-type': 'text/csv' }, payload });

  const big = await post(`${header}\n${good}\n${'x'.repeat(6 * 1024 * 1024)}`);
  assert.equal(big.statusCode, 413);
  const badRow = await post(`${header}\n${good}\nAUD-101,themed,,01/02/2026,C1,A,good,,\n`);
  assert.equal(badRow.statusCode, 400);
  assert.deepEqual(badRow.json().errors, [{ row: 3, field: 'Theme', message: badRow.json().errors[0].message }]);
  const extra = await post(`${header},Notes\n${good},x\n`);
  assert.equal(extra.statusCode, 400);
  assert.match(extra.json().errors[0].message, /Unexpected column/);
  assert.equal(await count(), before);

  const ok = await post(`\uFEFF${header}\r\n${good}\r\n`);
  assert.deepEqual([ok.statusCode, ok.json().saved], [200, 1]);
  assert.equal(await count(), Number(before) + 1);
});

test('an upload over the size limit is refused with 413 and imports nothing', async () => {
  const app = await buildApp({ store: world.store, asOf: AS_OF, clock: () => world.now, uploadLimitBytes: 1024 });
  try {
    const officer = await signIn(app, 'officer');
    const runs = async () => (await world.store.db.selectFrom('import_run').select('id').execute()).length;
    const before = [await runs(), await snapshot(world)];
    const boundary = 'XBOUNDARY';
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="files"; filename="header.csv"', 'Content-Type: text/csv', '',
      'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', ...Array.from({ length: 100 }, (_, i) => `Z${i},1,01/01/2010,WBRI,,,`), `--${boundary}--`, ''].join('\r\n');
    const res = await officer.inject({ method: 'POST', url: '/api/imports', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    assert.equal(res.statusCode, 413);
    assert.deepEqual([await runs(), await snapshot(world)], before);
  } finally {
    await app.close();
  }
});

test('case audits uploaded on the page: a bad file stores nothing and says why, a good one is imported', async () => {
  const upload = (csv: string, token: string | null) => {
    const boundary = 'AUDITBOUNDARY';
    const payload = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="audits.csv"', 'Content-Type: text/csv', '', csv, `--${boundary}--`, ''].join('\r\n');
    const url = token === null ? '/audits/import' : `/audits/import?_csrf=${encodeURIComponent(token)}`;
    return world.app.inject({ method: 'POST', url, payload, headers: { cookie: sessions.auditor.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  };
  const header = 'AuditID,Type,Theme,AuditedDate,ChildID,Auditor,Grade,Findings,Actions';
  const count = async () => (await world.store.db.selectFrom('case_audit').select('audit_id').execute()).length;
  const before = await count();
  const good = `${header}\nAUD-200,core,,03/03/2026,${KNOWN_CHILD},A. Auditor,good,,\n`;
  assert.equal((await upload(good, null)).statusCode, 403, 'no CSRF token');
  const bad = await upload(`${header}\nAUD-201,core,,31/02/2026,${KNOWN_CHILD},A. Auditor,good,,\n`, sessions.auditor.csrfToken);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Row 2, AuditedDate/);
  assert.equal(await count(), before);
  const ok = await upload(good, sessions.auditor.csrfToken);
  assert.deepEqual([ok.statusCode, ok.headers.location], [303, '/audits?imported=1']);
  assert.equal(await count(), before + 1);
  const page = await sessions.auditor.inject({ url: '/audits?imported=1' });
  assert.match(page.body, /1 case audits imported/);
});
