// Officer commentary for the committee paper, through the real server: an officer drafts versions on
// the web, a manager who did not write one approves it, and only the approved version is printed;
// forms need the CSRF token and each step its permission.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, seedWebData } from './fixtures.ts';

let store: Store;
let app: FastifyInstance;
let officer: SignedIn;
let manager: SignedIn;
let councillor: SignedIn;

const PERIOD = { period: 'quarter', start: '2024-10-01' };
const EDITOR = `/reports/commentary/ehcp_20wk_excl?period=${PERIOD.period}&start=${PERIOD.start}`;
const PAPER = `/reports/performance?period=${PERIOD.period}&start=${PERIOD.start}&audience=officer`;
const FIRST = 'Health advice has been late on half of the requests.\n\nThe health trust has agreed a six-week standard from April.';

before(async () => {
  store = await openTestStore();
  await seedWebData(store);
  app = await buildApp({ store, asOf: AS_OF });
  [officer, manager, councillor] = [await signIn(app, 'officer'), await signIn(app, 'manager'), await signIn(app, 'councillor')];
});

after(async () => {
  await app?.close();
  await store?.close();
});

/** The officer commentary printed under the indicator in the paper. */
async function printed(): Promise<string> {
  const res = await officer.inject({ url: PAPER });
  assert.equal(res.statusCode, 200);
  const section = /<section class="indicator" id="ind-ehcp_20wk_excl">([\s\S]*?)<\/section>/.exec(res.body)?.[1] ?? '';
  return /Officer commentary\.<\/b><\/p>([\s\S]*)$/.exec(section)?.[1] ?? '';
}

const draft = (who: SignedIn, body: string) => who.inject({ method: 'POST', url: '/reports/commentary/ehcp_20wk_excl', payload: { ...PERIOD, body } });
const approve = (who: SignedIn, version: number) =>
  who.inject({ method: 'POST', url: '/reports/commentary/ehcp_20wk_excl/approve', payload: { ...PERIOD, version: String(version) } });

test('drafted, approved by a manager, then printed; a newer draft waits for its own approval', async () => {
  assert.match(await printed(), /No commentary has been provided for this period/);
  assert.match((await officer.inject({ url: '/reports/commentary?period=quarter&start=2024-10-01' })).body, /0 of \d+ approved, 0 awaiting approval/);

  const saved = await draft(officer, FIRST);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${EDITOR}&saved=1`);
  assert.match(await printed(), /No commentary has been provided/, 'a draft is never printed');
  assert.equal((await approve(officer, 1)).statusCode, 403, 'an officer may not approve');

  assert.equal((await approve(manager, 1)).statusCode, 303);
  const paper = await printed();
  assert.match(paper, /<p>Health advice has been late on half of the requests\.<\/p><p>The health trust has agreed a six-week standard from April\.<\/p>/);

  assert.equal((await draft(officer, 'A second thought, not yet approved.')).statusCode, 303);
  assert.doesNotMatch(await printed(), /second thought/, 'the approved version stays in the paper');
  const page = (await manager.inject({ url: EDITOR })).body;
  assert.match(page, /Version 2<\/strong>, written by test\.officer[\s\S]*Not approved[\s\S]*Version 1<\/strong>, written by test\.officer[\s\S]*Approved<\/strong> by test\.manager/);
  assert.match(page, /data-testid="approve-2"/);
  const rows = await store.db.selectFrom('commentary').select(['version', 'approved_by']).orderBy('version').execute();
  assert.deepEqual(rows, [{ version: 1, approved_by: 'test.manager' }, { version: 2, approved_by: null }]);
});

test("a manager cannot approve their own version; empty or missing text is refused; a councillor cannot draft; no CSRF token, no save", async () => {
  assert.equal((await draft(manager, 'Written by the manager.')).statusCode, 303);
  const own = await approve(manager, 3);
  assert.equal(own.statusCode, 400);
  assert.match(own.body, /You wrote this version: another manager must approve it\./);
  assert.match((await approve(manager, 99)).body, /There is no version 99/);

  const empty = await draft(officer, '   ');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Enter the commentary/);
  assert.equal((await draft(councillor, 'No.')).statusCode, 403);
  assert.equal((await councillor.inject({ url: EDITOR })).statusCode, 403);
  const forged = await app.inject({ method: 'POST', url: '/reports/commentary/ehcp_20wk_excl', headers: { cookie: officer.cookie }, payload: { ...PERIOD, body: 'Forged.' } });
  assert.equal(forged.statusCode, 403);
  assert.equal(await store.db.selectFrom('commentary').select('version').where('body', '=', 'Forged.').executeTakeFirst(), undefined);
});
