// Parents' names and addresses (the EHCP case export's optional columns) are personal data: they
// reach the officer's letters and nothing else: no councillor response (page, paper, API or
// download), no line of the server's log and no audit log entry, whatever was requested.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { can } from '../../src/core/access.ts';
import { buildApp } from '../../src/server/app.ts';
import { queryAudit } from '../../src/store/audit-log.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { AS_OF, openWorld, paramFiller, type World } from './fixture.ts';

let world: World;
let app: FastifyInstance;
const logLines: string[] = [];
/** Every name, first address line and postcode the generated case export gave. */
let personal: string[] = [];

before(async () => {
  world = await openWorld();
  // The most talkative level the server has, so anything it might write is written.
  app = await buildApp({ store: world.store, asOf: AS_OF, logLevel: 'trace', logStream: { write: (line) => void logLines.push(line) } });
  const rows = await world.store.db.selectFrom('ehcp_contact').select(['parent_name', 'address_line1', 'postcode']).execute();
  personal = [...new Set(rows.flatMap((r) => [r.parent_name, r.address_line1, r.postcode]).filter((v): v is string => v !== null))];
});
after(async () => {
  await app?.close();
  await world?.close();
});

const found = (text: string) => personal.filter((p) => text.includes(p));

test('the officer\'s letters carry the names and addresses (so the searches below can find them)', async () => {
  assert.ok(personal.length > 20, `the generated export has contacts (${personal.length})`);
  const officer = await signIn(app, 'officer');
  const letters = await officer.inject({ url: '/reports/letters' });
  assert.equal(letters.statusCode, 200);
  assert.ok(found(letters.body).length > 0, 'the letters name parents and carers');
  assert.match(letters.body, /<p>Dear (Ms|Mr|Mrs|Mx|Dr) /);
  assert.equal((await (await signIn(app, 'councillor')).inject({ url: '/reports/letters' })).statusCode, 403);
});

test('no councillor response holds a parent\'s name or address', async () => {
  const councillor = await signIn(app, 'councillor');
  const fill = await paramFiller(world.store);
  const problems: string[] = [];
  let read = 0;
  for (const route of app.routeRegister.filter((r) => r.method === 'GET' && r.permission !== undefined && r.permission !== 'public' && can('councillor', r.permission))) {
    const res = await councillor.inject({ url: fill(route.url) });
    if (res.statusCode === 200) read++;
    const leaked = found(res.body);
    if (leaked.length) problems.push(`${route.url}: ${leaked.length} values`);
  }
  // Every paper a councillor may ask for, as a page (the PDFs are the same HTML).
  for (const url of ['/reports/performance', '/reports/actions', '/reports/performance?audience=officer']) {
    const res = await councillor.inject({ url });
    if (found(res.body).length) problems.push(url);
  }
  assert.deepEqual(problems, []);
  assert.ok(read >= 10, `the councillor read pages (${read})`);
});

test('neither the server log nor the audit log holds a parent\'s name or address', async () => {
  const officer = await signIn(app, 'officer');
  await officer.inject({ url: '/reports/letters' });
  await officer.inject({ url: '/reports/letters?format=html&requests=' + encodeURIComponent('nonexistent') });
  await officer.inject({ url: '/ehcp' });
  assert.ok(logLines.length > 10, 'the server logged the requests');
  assert.deepEqual(found(logLines.join('\n')), []);
  const audit = await queryAudit(world.store, { limit: 100_000 });
  assert.ok(audit.some((e) => e.url === '/reports/letters'), 'the letters are in the audit log');
  assert.deepEqual(found(JSON.stringify(audit)), []);
});
