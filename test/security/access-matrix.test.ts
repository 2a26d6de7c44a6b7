// Every registered route, for every role and for someone not signed in: allowed exactly when
// core/access.ts grants the route's permission (401 signed out, 403 wrong role), never a 500, and
// nothing a councillor receives names a child or a case. Routes are read from the app's own
// register, so a route added tomorrow is checked without touching this file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { can, ROLES, type Permission, type Role } from '../../src/core/access.ts';
import type { RegisteredRoute } from '../../src/server/auth/route-register.ts';
import { appendAudit, queryAudit } from '../../src/store/audit-log.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { caseIdentifiers, CONFIDENTIAL_FINDING, KNOWN_CHILD, openWorld, paramFiller, type World } from './fixture.ts';

let world: World;
let sessions: Record<Role, SignedIn>;
let fill: (url: string) => string;
const councillorBodies: { route: string; status: number; body: string }[] = [];
/** Routes the officer read successfully, by pattern. */
const officerReads = new Map<string, Permission>();
/** What the officer received from each route read successfully. */
const officerBodies: { route: RegisteredRoute; url: string; body: string; cacheControl: string }[] = [];

before(async () => {
  world = await openWorld();
  sessions = {} as Record<Role, SignedIn>;
  for (const role of ROLES) sessions[role] = await signIn(world.app, role);
  fill = await paramFiller(world.store);
});
after(() => world.close());

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const tested = (r: RegisteredRoute) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method);

async function call(route: RegisteredRoute, who: SignedIn | null): Promise<LightMyRequestResponse> {
  const options = { method: route.method as 'GET', url: fill(route.url), ...(UNSAFE.has(route.method) ? { payload: {} } : {}) };
  return who ? who.inject(options) : world.app.inject(options);
}

test('the register lists the routes of every area, each with a permission', () => {
  const urls = world.app.routeRegister.map((r) => `${r.method} ${r.url}`);
  for (const expected of ['GET /sign-in', 'GET /audits', 'GET /api/audits/summary', 'GET /admin/audit-log.csv', 'GET /actions']) {
    assert.ok(urls.includes(expected), expected);
  }
  for (const r of world.app.routeRegister) assert.ok(r.permission, `${r.method} ${r.url} has no permission`);
});

test('every route × every role: allowed exactly when the role has the permission', async () => {
  const failures: string[] = [];
  for (const route of world.app.routeRegister.filter(tested)) {
    const { permission } = route;
    const label = `${route.method} ${route.url} (${permission})`;
    if (permission === 'public') {
      if (UNSAFE.has(route.method)) continue; // sign-in and sign-out: see csrf-session.test.ts
      const res = await call(route, null);
      if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500) failures.push(`${label} anonymous → ${res.statusCode}`);
      continue;
    }
    const anonymous = await call(route, null);
    // The front door sends someone not signed in to the sign-in form; everything else answers 401.
    const frontDoor = route.method === 'GET' && route.url === '/';
    if (frontDoor ? anonymous.statusCode !== 303 || anonymous.headers.location !== '/sign-in' : anonymous.statusCode !== 401) {
      failures.push(`${label} anonymous → ${anonymous.statusCode}, expected ${frontDoor ? '303 to /sign-in' : 401}`);
    }
    for (const role of ROLES) {
      const res = await call(route, sessions[role]);
      const allowed = can(role, permission as Permission);
      if (role === 'councillor') councillorBodies.push({ route: label, status: res.statusCode, body: res.body });
      if (role === 'officer' && route.method === 'GET' && res.statusCode === 200) {
        officerReads.set(route.url, permission as Permission);
        officerBodies.push({ route, url: fill(route.url), body: res.body, cacheControl: String(res.headers['cache-control'] ?? '') });
      }
      if (res.statusCode >= 500) failures.push(`${label} ${role} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
      else if (allowed && (res.statusCode === 401 || res.statusCode === 403)) failures.push(`${label} ${role} → ${res.statusCode}, expected allowed`);
      else if (!allowed && res.statusCode !== 403) failures.push(`${label} ${role} → ${res.statusCode}, expected 403`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(councillorBodies.filter((b) => b.status === 200).length >= 5, 'councillors reached some pages');
});

const CASE_FIELDS = /\b(child_?id|person_?id|upn|dob|person_?birth_?date|request_?id|findings_?text)\b/i;

function leaks(body: string, ids: readonly string[]): string[] {
  const found = ids.filter((id) => body.includes(id));
  const field = CASE_FIELDS.exec(body);
  if (field) found.push(`field ${field[0]}`);
  if (body.includes(CONFIDENTIAL_FINDING)) found.push('audit finding');
  return found;
}

test('no councillor response names a child, a case or a case-level field', async () => {
  const ids = await caseIdentifiers(world.store);
  assert.ok(ids.includes(KNOWN_CHILD) && ids.length > 50, 'the store holds case identifiers to look for');
  const problems = councillorBodies.flatMap((b) => leaks(b.body, ids).map((l) => `${b.route} (${b.status}): ${l}`));
  assert.deepEqual(problems, []);
});

test('the same search finds the identifiers in what an auditor may see (the check can fail)', async () => {
  const ids = await caseIdentifiers(world.store);
  const res = await sessions.auditor.inject({ url: '/api/audits' });
  assert.equal(res.statusCode, 200);
  assert.ok(leaks(res.body, ids).includes(KNOWN_CHILD));
  assert.ok(leaks(res.body, ids).includes('audit finding'));
});

test('councillors see audit counts with small numbers suppressed; officers see exact counts', async () => {
  const councillor = (await sessions.councillor.inject({ url: '/api/audits/summary' })).json();
  const core = councillor.summary.rows.find((r: { key: string }) => r.key === 'core');
  assert.deepEqual(core.grades.inadequate, { value: null, text: '<6' });
  const officer = (await sessions.officer.inject({ url: '/api/audits/summary' })).json();
  assert.equal(officer.summary.rows.find((r: { key: string }) => r.key === 'core').grades.inadequate.value, 1);
  const page = await sessions.councillor.inject({ url: '/audits/summary' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /&lt;6/);
});

test('every child-level or confidential route the officer read is in the audit log', async () => {
  const logged = new Set((await queryAudit(world.store, { username: 'test.officer', event: 'view', limit: 100_000 })).map((e) => e.route));
  const caseLevel = new Set(world.app.routeRegister.filter((r) => r.caseLevel).map((r) => r.url));
  const recorded = [...officerReads].filter(([url, p]) => p === 'view_child_records' || p === 'view_audits' || caseLevel.has(url));
  assert.ok(recorded.length >= 10, 'the officer read several child-level routes');
  assert.deepEqual(recorded.filter(([url]) => !logged.has(url)), []);
  const aggregates = [...officerReads].filter(([url, p]) => p === 'view_aggregates' && !caseLevel.has(url)).map(([url]) => url);
  assert.deepEqual(aggregates.filter((url) => logged.has(url)), [], 'aggregate pages are not logged as record views');
});

/** The case identifiers a body names, as whole tokens (C00001 is not found inside C000012). */
function idsIn(body: string, ids: ReadonlySet<string>): string[] {
  return [...new Set(body.match(/[A-Za-z0-9_-]+/g) ?? [])].filter((t) => ids.has(t));
}

test('a response naming children or cases is case-level: never cached, and logged with every record it named', async () => {
  const ids = new Set(await caseIdentifiers(world.store));
  const views = await queryAudit(world.store, { username: 'test.officer', event: 'view', limit: 100_000 });
  const problems: string[] = [];
  let named = 0;
  for (const { route, url, body, cacheControl } of officerBodies) {
    const shown = idsIn(body, ids);
    if (!route.caseLevel) {
      if (shown.length) problems.push(`${url} names ${shown.slice(0, 3).join(', ')} but is not declared case-level`);
      continue;
    }
    if (!/no-store/.test(cacheControl)) problems.push(`${url}: Cache-Control "${cacheControl}"`);
    const entry = views.find((v) => v.url === url);
    if (!entry) {
      problems.push(`${url}: no audit entry`);
      continue;
    }
    const noted = new Set([...entry.recordIds, ...Object.values(entry.returnedIds).flat()]);
    const missing = shown.filter((id) => !noted.has(id));
    if (missing.length) problems.push(`${url}: ${missing.length} of ${shown.length} ids shown are not in its audit entry, e.g. ${missing.slice(0, 3).join(', ')}`);
    if (shown.length) named++;
  }
  assert.deepEqual(problems, []);
  assert.ok(named >= 10, `case-level responses named children (${named})`);
});

test('views of confidential records and refusals are in the audit log', async () => {
  await sessions.officer.inject({ url: '/api/audits?grade=inadequate' });
  const views = await queryAudit(world.store, { username: 'test.officer', event: 'view' });
  assert.ok(views.some((v) => v.route === '/api/audits' && v.url === '/api/audits?grade=inadequate' && v.status === 200));
  const denied = await queryAudit(world.store, { username: 'test.councillor', event: 'denied' });
  assert.ok(denied.some((d) => d.route === '/api/audits' && d.status === 403));
  // Aggregate pages are not logged as views: the log is about records.
  await sessions.councillor.inject({ url: '/api/audits/summary' });
  assert.equal((await queryAudit(world.store, { username: 'test.councillor', event: 'view' })).length, 0);
});

test('an administrator reads the audit log as a page and exports it as CSV, formulas neutralised', async () => {
  await sessions.officer.inject({ url: '/api/audits?theme=neglect' });
  const page = await sessions.admin.inject({ url: '/admin/audit-log?username=test.officer' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /\/api\/audits\?theme=neglect/);
  const csv = await sessions.admin.inject({ url: '/admin/audit-log.csv?username=test.officer' });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(String(csv.headers['content-disposition']), /attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
  const lines = csv.body.trim().split('\n');
  assert.equal(lines[0], 'id,at,username,role,event,method,route,url,status,recordIds,ip,returnedCount,returnedIds');
  assert.ok(lines.some((l) => l.includes('/api/audits?theme=neglect') && l.includes(',view,')));
  const register = await sessions.admin.inject({ url: '/admin/access-register' });
  assert.match(register.body, /\/api\/audits\/summary/);
});

test('the audit log shows which children a list showed, escaped, and finds the entry by any of them', async () => {
  const missing = await sessions.officer.inject({ url: '/missing' });
  assert.equal(missing.statusCode, 200);
  const [entry] = await queryAudit(world.store, { username: 'test.officer', limit: 1 });
  assert.equal(entry!.url, '/missing');
  const children = entry!.returnedIds.child ?? [];
  assert.ok(children.length >= 5, 'the missing page named children');
  assert.equal(entry!.returnedCount, children.length);
  for (const id of children) assert.ok(missing.body.includes(id), `${id} was on the page`);

  const found = await sessions.admin.inject({ url: `/api/audit-log?recordId=${children.at(-1)}` });
  assert.ok(found.json().entries.some((e: { id: number }) => e.id === entry!.id), 'found by a child it showed');
  await appendAudit(world.store.db, {
    username: 'test.officer', role: 'officer', event: 'view', method: 'GET', route: '/missing', url: '/missing?x=<script>alert(1)</script>', status: 200,
    returned: { child: ['<script>alert(2)</script>'], '<img src=x onerror=alert(3)>': ['C1'] },
  });
  const page = await sessions.admin.inject({ url: '/admin/audit-log?username=test.officer' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`${children[0]}`));
  assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
  assert.match(page.body, /&lt;script&gt;alert\(2\)/);
  const csv = await sessions.admin.inject({ url: '/admin/audit-log.csv?username=test.officer' });
  assert.ok(csv.body.includes(`child: ${children.join(';')}`));
});
