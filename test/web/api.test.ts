// The JSON API and the access hook through fastify inject: real sessions for each role, zod
// validation as 400, 401 without a session, 403 for a role without the permission.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PERMISSIONS } from '../../src/core/access.ts';
import { indicatorById } from '../../src/core/indicators/index.ts';
import { tooFewToRate } from '../../src/core/rag.ts';
import { buildApp } from '../../src/server/app.ts';
import { forgetVersion } from '../../src/store/figure-cache.ts';
import type { Store } from '../../src/store/open.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, seedWebData } from './fixtures.ts';

let store: Store;
let app: FastifyInstance;
let officer: SignedIn;
let councillor: SignedIn;

before(async () => {
  store = await openTestStore();
  await seedWebData(store);
  app = await buildApp({ store, asOf: AS_OF });
  officer = await signIn(app, 'officer');
  councillor = await signIn(app, 'councillor');
});

after(async () => {
  await app?.close();
  await store?.close();
});

describe('access hook', () => {
  test('every route declares a permission', () => {
    for (const r of app.routeRegister) {
      assert.ok(r.permission === 'public' || PERMISSIONS.includes(r.permission as never), `${r.method} ${r.url} has no permission`);
    }
  });

  test('401 without a session, for pages and the API', async () => {
    for (const url of ['/api/indicators', '/api/actions', '/ehcp']) {
      assert.equal((await app.inject({ url })).statusCode, 401, url);
    }
  });

  test('403 for a councillor on case-level data, edits and imports', async () => {
    assert.equal((await councillor.inject({ url: '/api/ehcp/tracker' })).statusCode, 403);
    assert.equal((await councillor.inject({ url: '/api/missing/follow-up' })).statusCode, 403);
    assert.equal((await councillor.inject({ url: '/import' })).statusCode, 403);
    const edit = await councillor.inject({ method: 'POST', url: '/api/actions/A2', payload: { rag: 'red', status: 'in_progress', comment: 'x' } });
    assert.equal(edit.statusCode, 403);
    const a2 = await store.db.selectFrom('strategy_action').select('rag').where('action_id', '=', 'A2').executeTakeFirstOrThrow();
    assert.equal(a2.rag, 'green');
  });

  test('static assets are public', async () => {
    const css = await app.inject({ url: '/vendor/govuk-frontend.css' });
    assert.equal(css.statusCode, 200);
    assert.doesNotMatch(css.body, /GDS Transport/);
    assert.equal((await app.inject({ url: '/assets/council.css' })).statusCode, 200);
    assert.equal((await app.inject({ url: '/assets/../../server/app.ts' })).statusCode, 404);
  });
});

describe('validation', () => {
  test('a bad query or body is a 400 naming each field', async () => {
    const period = await officer.inject({ url: '/api/indicators?period=fortnight' });
    assert.equal(period.statusCode, 400);
    assert.equal(period.json().issues[0].field, 'period');
    const body = await officer.inject({ method: 'POST', url: '/api/actions/A2', payload: { rag: 'purple', status: 'done' } });
    assert.equal(body.statusCode, 400);
    assert.deepEqual(body.json().issues.map((i: { field: string }) => i.field).sort(), ['comment', 'rag', 'status']);
    const date = await officer.inject({ method: 'POST', url: '/api/committee-actions/C2', payload: { responsible: 'X', status: 'open', dueDate: '15/03/2025' } });
    assert.equal(date.statusCode, 400);
    assert.equal(date.json().issues[0].field, 'dueDate');
  });

  test('unknown things are 404', async () => {
    assert.equal((await officer.inject({ url: '/api/indicators/no_such_thing' })).statusCode, 404);
    const missing = await officer.inject({ method: 'POST', url: '/api/actions/NOPE', payload: { rag: 'red', status: 'in_progress', comment: 'x' } });
    assert.equal(missing.statusCode, 404);
  });
});

describe('JSON API', () => {
  test('indicators by area with the current figure, and one indicator with its history without SQL', async () => {
    const list = (await officer.inject({ url: '/api/indicators?period=quarter' })).json();
    const ehcp = list.areas.find((a: { area: string }) => a.area === 'ehcp');
    const card = ehcp.cards.find((c: { id: string }) => c.id === 'ehcp_20wk_excl');
    const stored = await store.db.selectFrom('indicator_value').select(['value', 'rag', 'denominator']).where('indicator_id', '=', 'ehcp_20wk_excl').where('period_type', '=', 'quarter').where('period_start', '=', '2025-01-01').executeTakeFirstOrThrow();
    assert.equal(card.current.value, stored.value);
    // Stored against the target; a figure on fewer than MIN_CASES_TO_RATE cases is read unrated.
    assert.equal(card.current.rag, tooFewToRate(indicatorById('ehcp_20wk_excl')!, stored.denominator) ? null : stored.rag);
    assert.deepEqual(list.areas.map((x: { area: string }) => x.area).slice(0, 2), ['ehcp', 'home_education'], "the committee's order");
    const reds = ehcp.cards.filter((c: { current: { rag: string } | null }) => c.current?.rag === 'red').length;
    assert.equal(ehcp.tally.red, reds);
    assert.equal(ehcp.page, '/ehcp');
    assert.equal(ehcp.exceptionCount, ehcp.cards.filter((c: { exceptionRank: number | null }) => c.exceptionRank !== null).length);
    assert.match(card.directionText, /^(Improving|Worsening|No change|No earlier figure)$/);

    const one = (await officer.inject({ url: '/api/indicators/ehcp_20wk_excl?period=quarter' })).json();
    assert.equal(one.definition.id, 'ehcp_20wk_excl');
    assert.equal(one.definition.source, undefined);
    assert.ok(one.points.length >= 2);
  });

  test('an indicator\'s benchmarks: a rate has England and neighbours, a count none even when one is loaded', async () => {
    const england = { indicator_id: 'missing_children', area: 'England', fy: 2024, value: 16790 };
    await store.db.insertInto('benchmark').values(england).execute();
    forgetVersion(store);
    try {
      const rate = (await officer.inject({ url: '/api/indicators/ehcp_20wk_excl?period=quarter' })).json();
      assert.equal(typeof rate.benchmarks.england, 'number');
      assert.equal(typeof rate.benchmarks.neighbours, 'number');
      const count = await officer.inject({ url: '/api/indicators/missing_children?period=quarter' });
      assert.equal(count.statusCode, 200);
      const none = count.json().benchmarks;
      assert.deepEqual([none.period, none.england, none.neighbours, none.rank, none.quartile], [null, null, null, null, null]);
      assert.match(none.reasons.england, /a count depends on the size of the area/);
      assert.doesNotMatch(count.body, /16790/);
    } finally {
      await store.db.deleteFrom('benchmark').where('indicator_id', '=', 'missing_children').execute();
      forgetVersion(store);
    }
  });

  test('the CSV download has a row per period', async () => {
    const res = await officer.inject({ url: '/indicators/ehcp_20wk_excl/history.csv?period=quarter' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const count = await store.db.selectFrom('indicator_value').select('period_start').where('indicator_id', '=', 'ehcp_20wk_excl').where('period_type', '=', 'quarter').execute();
    assert.equal(res.body.trim().split('\n').length, count.length + 1);
  });

  test('the tracker API filters like the page', async () => {
    const all = (await officer.inject({ url: '/api/ehcp/tracker' })).json();
    const breached = (await officer.inject({ url: '/api/ehcp/tracker?status=breached' })).json();
    assert.ok(breached.total > 0 && breached.total < all.total);
    assert.ok(breached.rows.every((r: { breached: boolean }) => r.breached));
  });

  test('a councillor gets suppressed counts and withheld small rates', async () => {
    const patterns = (await councillor.inject({ url: '/api/missing/patterns' })).json();
    const cse = patterns.byExploitation.find((r: { key: string }) => r.key === 'CSE');
    assert.equal(cse.count, '<6');
    const exact = (await officer.inject({ url: '/api/missing/patterns' })).json();
    assert.equal(exact.byExploitation.find((r: { key: string }) => r.key === 'CSE').count, 4);

    const missing = (await councillor.inject({ url: '/api/indicators?period=year' })).json();
    const repeat = missing.areas.find((a: { area: string }) => a.area === 'missing').cards.find((c: { id: string }) => c.id === 'repeat_missing_children');
    assert.equal(repeat.current.value, null, 'the count of 2 children is withheld');
    assert.equal(repeat.current.text, '<6');
  });

  test('an officer updates an action through the API and the change is in its history', async () => {
    const res = await officer.inject({ method: 'POST', url: '/api/actions/A2', payload: { rag: 'amber', status: 'in_progress', comment: 'Interviews booked.' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().rag, 'amber');
    assert.equal(res.json().history[0].comment, 'Interviews booked.');
    assert.equal(res.json().history[0].by_user, 'test.officer');
  });

  test('a state-changing request without the CSRF token is refused', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/actions/A2', headers: { cookie: officer.cookie }, payload: { rag: 'red', status: 'in_progress', comment: 'x' } });
    assert.equal(res.statusCode, 403);
  });
});

describe('import API', () => {
  const header = 'RequestID,PersonID,PersonBirthDate,Sex,ReceivedDate,RequestOutcomeDate,RequestOutcome,AssessmentOutcomeDate,AssessmentOutcome,Week20,ExceptionReason,DraftPlanDate,StartDate,SENtype';
  const multipart = (name: string, content: string) => {
    const boundary = '----csinsight-test';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body };
  };

  test('a rejected file is a 422 with per-row errors', async () => {
    const res = await officer.inject({ method: 'POST', url: '/api/imports', ...multipart('bad.csv', `${header}\nB1,PB1,01/01/2015,F,not a date,,A,,,N,,,,ASD\n`) });
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.status, 'rejected');
    assert.deepEqual([body.errors[0].file, body.errors[0].row, body.errors[0].field], ['bad.csv', 2, 'ReceivedDate']);
  });

  test('a CIN census XML is imported like a CSV, its year taken from its Header', async () => {
    const xml = readFileSync(new URL('../fixtures/cin-xml/cin_census_2026.xml', import.meta.url), 'utf8');
    const res = await officer.inject({ method: 'POST', url: '/api/imports', ...multipart('cin_census_2026.xml', xml) });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json().files, [{ file: 'cin_census_2026.xml', table: 'CIN census (XML)', rows: 2 }]);
    assert.equal((await store.db.selectFrom('cin_cp_plan').selectAll().execute()).length, 1);
  });

  test('a file over the size cap is a 413 with a clear message, and nothing is stored', async () => {
    const small = await buildApp({ store, asOf: AS_OF, uploadLimitBytes: 200 });
    try {
      const user = await signIn(small, 'officer');
      const rows = Array.from({ length: 20 }, (_, i) => `Z${i},PZ${i},01/01/2015,F,01/02/2025,,A,,,N,,,,ASD`).join('\n');
      const res = await user.inject({ method: 'POST', url: '/api/imports', ...multipart('big.csv', `${header}\n${rows}\n`) });
      assert.equal(res.statusCode, 413);
      assert.match(res.json().message, /larger than the upload limit/);
      assert.equal(await store.db.selectFrom('ehcp_request').select('request_id').where('request_id', '=', 'Z0').executeTakeFirst(), undefined);
    } finally {
      await small.close();
    }
  });
});
