// The action plan page: Red, Amber, Green and Not rated add up to the total; an overdue action
// still rated Green is flagged; "latest progress note" is what a person wrote, not an import's record,
// and a note an officer adds on the web is kept with its author and date and printed in the paper.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { sql } from 'kysely';
import { longDate } from '../../src/reports/format.ts';
import { IMPORT_COMMENT } from '../../src/store/actions.ts';
import type { Store } from '../../src/store/open.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, seedWebData } from './fixtures.ts';

let store: Store;
let app: FastifyInstance;
let officer: SignedIn;

before(async () => {
  store = await openTestStore();
  await seedWebData(store);
  // A2 is rated Green but its due date has passed; A4 has no rating; A1's only history is the import's.
  await store.db.updateTable('strategy_action').set({ due_date: '2025-02-01' }).where('action_id', '=', 'A2').execute();
  await store.db.insertInto('strategy_action').values({ action_id: 'A4', priority_id: 'P2', title: 'Map missing hotspots', owner: 'Police liaison', due_date: null, status: 'not_started', rag: null }).execute();
  await store.db.insertInto('action_update').values({ action_id: 'A1', by_user: 'import', rag: 'amber', status: 'in_progress', comment: IMPORT_COMMENT.added }).execute();
  app = await buildApp({ store, asOf: AS_OF });
  officer = await signIn(app, 'officer');
});

after(async () => {
  await app?.close();
  await store?.close();
});

const card = (body: string, heading: string) => new RegExp(`<h2 class="govuk-heading-s">${heading}</h2><p class="council-card__value"[^>]*>(\\d+)</p>`).exec(body)?.[1];

test('the counts add up with Not rated, and Green though overdue is flagged', async () => {
  const body = (await officer.inject({ url: '/actions' })).body;
  const [total, red, amber, green, unrated] = ['Actions', 'Red', 'Amber', 'Green', 'Not rated'].map((h) => Number(card(body, h)));
  assert.deepEqual([total, red, amber, green, unrated], [4, 0, 1, 2, 1]);
  assert.equal(red! + amber! + green! + unrated!, total);
  assert.match(body, /data-testid="green-but-overdue">1 rated Green though overdue/);
  const a2 = /<tr class="govuk-table__row" data-action="A2">([\s\S]*?)<\/tr>/.exec(body)?.[1] ?? '';
  assert.match(a2, /Check rating/);
  assert.doesNotMatch(/<tr class="govuk-table__row" data-action="A3">([\s\S]*?)<\/tr>/.exec(body)?.[1] ?? '', /Check rating/, 'complete, so not overdue');
});

test("the latest progress note is a person's, never the import's record", async () => {
  const row = (body: string) => /<tr class="govuk-table__row" data-action="A1">([\s\S]*?)<\/tr>/.exec(body)?.[1] ?? '';
  const before = row((await officer.inject({ url: '/actions' })).body);
  assert.doesNotMatch(before, /Added by import/);
  assert.match(before, /No progress note yet/);
  const saved = await officer.inject({ method: 'POST', url: '/actions/A1', payload: { rag: 'amber', status: 'in_progress', comment: 'Standard agreed in principle.' } });
  assert.equal(saved.statusCode, 303);
  assert.match(row((await officer.inject({ url: '/actions' })).body), /Standard agreed in principle\.[\s\S]*test\.officer/);
});

test('a progress note added on the web is kept with its author and date, and is the latest update on the page and in the paper', async () => {
  const note = 'Protocol signed by the ICB; first referrals under it next month.';
  const saved = await officer.inject({ method: 'POST', url: '/actions/A1', payload: { rag: 'green', status: 'in_progress', comment: note } });
  assert.equal(saved.statusCode, 303);
  const stored = await store.db
    .selectFrom('action_update')
    .select(['by_user', 'rag', 'comment', sql<string>`to_char(at, 'YYYY-MM-DD')`.as('day'), sql<string>`to_char(current_date, 'YYYY-MM-DD')`.as('today')])
    .where('action_id', '=', 'A1')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual({ ...stored, today: undefined }, { by_user: 'test.officer', rag: 'green', comment: note, day: stored.today, today: undefined });
  const history = await store.db.selectFrom('action_update').select('comment').where('action_id', '=', 'A1').execute();
  assert.ok(history.some((h) => h.comment === IMPORT_COMMENT.added), 'earlier entries are kept');
  const row = /<tr class="govuk-table__row" data-action="A1">([\s\S]*?)<\/tr>/.exec((await officer.inject({ url: '/actions' })).body)?.[1] ?? '';
  assert.match(row, new RegExp(`${note.replace(/[.;]/g, '\\$&')}[\\s\\S]*test\\.officer`));
  const paper = (await officer.inject({ url: `/reports/actions?meeting=${stored.today}` })).body;
  const line = /<tr class="update" id="update-A1">([\s\S]*?)<\/tr>/.exec(paper)?.[1] ?? '';
  assert.match(line, new RegExp(`Latest update \\(${longDate(stored.today)}\\): ${note.replace(/[.;]/g, '\\$&')}`));
  assert.doesNotMatch(line, /Added by import/);
});

test("each save of a committee action is kept with its author: a later response never loses an earlier one", async () => {
  const save = (response: string, status: string) =>
    officer.inject({ method: 'POST', url: '/committee/C1', payload: { responsible: 'Director of Education', 'dueDate-day': '1', 'dueDate-month': '3', 'dueDate-year': '2025', status, response } });
  assert.equal((await save('Health advice report drafted; to the February meeting.', 'in_progress')).statusCode, 303);
  assert.equal((await save('Reported at the February meeting.', 'done')).statusCode, 303);
  const history = await store.db.selectFrom('committee_action_update').select(['by_user', 'status', 'response']).where('committee_action_id', '=', 'C1').orderBy('id').execute();
  assert.deepEqual(history, [
    { by_user: 'test.officer', status: 'in_progress', response: 'Health advice report drafted; to the February meeting.' },
    { by_user: 'test.officer', status: 'done', response: 'Reported at the February meeting.' },
  ]);
  const page = (await officer.inject({ url: '/committee/C1' })).body;
  const shown = /data-testid="history">([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '';
  assert.ok(shown.indexOf('Reported at the February meeting.') < shown.indexOf('Health advice report drafted'), 'newest first, both kept');
  assert.match(shown, /test\.officer/);
});
