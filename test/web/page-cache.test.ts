// Aggregate pages are rendered once per role, address and store version (issue 17,
// server/plugins/page-cache.ts). Nobody may be served another session's form token, script nonce
// or name, or another role's figures; an officer's edit shows at once; a change by another
// process shows once the store version moves; pages that name children are never kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forgetVersion, setVersionClock } from '../../src/store/figure-cache.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { openWorld, type World } from '../security/fixture.ts';

let world: World;
let officer: SignedIn;
let secondOfficer: SignedIn;
let councillor: SignedIn;
before(async () => {
  world = await openWorld();
  [officer, secondOfficer, councillor] = [await signIn(world.app, 'officer'), await signIn(world.app, 'officer'), await signIn(world.app, 'councillor')];
  // The version never ages by itself here: only a write that forgets it (or a test) moves it on.
  setVersionClock(world.store, () => 0);
});
after(() => world.close());

const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? assert.fail('no <main>');
const tokenIn = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? assert.fail('no token');

async function get(who: SignedIn, url: string) {
  const res = await who.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, `${who.role} ${url}`);
  return res;
}

/** Whether `token` passes the CSRF check for `who`'s session (no such action: 404 past the check, 403 refused). */
async function tokenWorksFor(who: SignedIn, token: string): Promise<boolean> {
  const res = await who.inject({ method: 'POST', url: '/api/actions/NO-SUCH-ACTION', headers: { 'x-csrf-token': token }, payload: { rag: 'red', status: 'complete', comment: 'x' } });
  assert.ok([403, 404].includes(res.statusCode), String(res.statusCode));
  return res.statusCode === 404;
}

test('a kept page carries the requester\'s own form token, script nonce and name, and their role\'s figures', async () => {
  const indicator = await world.store.db.selectFrom('indicator_value').select('indicator_id').orderBy('indicator_id').executeTakeFirstOrThrow();
  for (const url of ['/?period=quarter', '/?period=month', `/indicators/${indicator.indicator_id}`, '/care-leavers', '/actions', '/workforce']) {
    const first = await get(officer, url);
    const second = await get(secondOfficer, url); // the officers' page as kept
    assert.equal(main(second.body), main(first.body).replaceAll(tokenIn(first.body), tokenIn(second.body)), url);
    assert.notEqual(tokenIn(second.body), tokenIn(first.body));
    assert.equal(await tokenWorksFor(secondOfficer, tokenIn(second.body)), true, `${url}: the second officer's token is their own`);
    assert.equal(await tokenWorksFor(secondOfficer, tokenIn(first.body)), false);
    // Every script runs under this answer's nonce, not the one the page was first rendered with.
    const nonce = /'nonce-([^']+)'/.exec(String(second.headers['content-security-policy']))?.[1] ?? assert.fail('no nonce in the policy');
    const nonces = [...second.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(nonces.length > 0 && nonces.every((n) => n === nonce), `${url}: ${nonces.join(', ')} vs ${nonce}`);
    assert.doesNotMatch(second.body, /csinsightpagecache/);
    assert.match(second.body, /Signed in as test\.officer/);

    const councillorPage = await get(councillor, url);
    assert.match(councillorPage.body, /Signed in as test\.councillor \(councillor\)/);
    assert.doesNotMatch(councillorPage.body, /\(officer\)/);
  }
  // The seed has counts of 1-5, which councillors see as "<6": the roles' pages differ.
  assert.notEqual(main((await get(officer, '/?period=month')).body), main((await get(councillor, '/?period=month')).body));
});

test('an officer\'s edit of an action shows on the kept action plan at once, for every role', async () => {
  const row = await world.store.db.selectFrom('strategy_action').select(['action_id', 'status']).orderBy('action_id').executeTakeFirstOrThrow();
  const status = row.status === 'complete' ? 'in_progress' : 'complete';
  const label = status === 'complete' ? 'Complete' : 'In progress';
  const cell = (html: string) => new RegExp(`data-action="${row.action_id}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? assert.fail('no row');
  assert.doesNotMatch(cell((await get(officer, '/actions')).body), new RegExp(`>${label}<`));
  await get(councillor, '/actions'); // kept for councillors too
  const res = await officer.inject({ method: 'POST', url: `/api/actions/${row.action_id}`, payload: { rag: 'red', status, comment: 'Moved on at the board' } });
  assert.equal(res.statusCode, 200);
  assert.match(cell((await get(officer, '/actions')).body), new RegExp(`>${label}<`));
  assert.match(cell((await get(councillor, '/actions')).body), new RegExp(`>${label}<`));
});

test('a change by another process shows once the store version moves (its triggers move it)', async () => {
  const row = await world.store.db.selectFrom('strategy_action').select(['action_id', 'title']).orderBy('action_id', 'desc').executeTakeFirstOrThrow();
  await get(officer, '/actions');
  // As a second server or the CLI would: straight to the database, nothing in this process told.
  await sql`UPDATE strategy_action SET title = 'Retitled elsewhere' WHERE action_id = ${row.action_id}`.execute(world.store.db);
  assert.doesNotMatch((await get(officer, '/actions')).body, /Retitled elsewhere/, 'kept until the version is read again');
  forgetVersion(world.store); // what a second's wait does (figure-cache.ts reads the version at most once a second)
  assert.match((await get(officer, '/actions')).body, /Retitled elsewhere/);
});

test('a page that names children is rendered afresh for an officer every time', async () => {
  const before = (await get(officer, '/ehcp')).body;
  const request = await world.store.db.selectFrom('ehcp_request').select(['request_id', 'person_id']).where('start_date', 'is', null)
    .orderBy('received_date', 'desc').executeTakeFirstOrThrow();
  assert.match(before, new RegExp(request.request_id));
  // No trigger moves the version for this table: only a page rendered afresh can show the change.
  await sql`DELETE FROM ehcp_advice WHERE request_id = ${request.request_id}`.execute(world.store.db);
  await sql`DELETE FROM ehcp_request WHERE request_id = ${request.request_id}`.execute(world.store.db);
  assert.doesNotMatch((await get(officer, '/ehcp')).body, new RegExp(`>${request.request_id}<`));
});
