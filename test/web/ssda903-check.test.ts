// "Check only" on the web import: a 903 return validated by its year's rules, nothing stored, the
// year given in the form; the run page summarises by rule and by child, and the full report
// downloads as CSV and xlsx; both name children, so they are logged with them and never cached.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { queryAudit } from '../../src/store/audit-log.ts';
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
  app = await buildApp({ store, asOf: AS_OF });
  officer = await signIn(app, 'officer');
});
after(async () => {
  await app?.close();
  await store?.close();
});

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';

function form(fields: Record<string, string>, files: Record<string, string>) {
  const b = '----csinsight-check';
  const parts = [
    ...Object.entries(fields).map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    ...Object.entries(files).map(([n, c]) => `--${b}\r\nContent-Disposition: form-data; name="files"; filename="${n}"\r\nContent-Type: text/csv\r\n\r\n${c}\r\n`),
  ];
  return { headers: { 'content-type': `multipart/form-data; boundary=${b}` }, payload: `${parts.join('')}--${b}--\r\n` };
}

const lastView = async (url: string) => (await queryAudit(store, { username: 'test.officer', limit: 50 })).find((e) => e.url === url)!;

test('check only: the year from the form, every error reported by rule and child, downloads, nothing stored', async () => {
  const children = await store.db.selectFrom('child').select('child_id').execute();
  const files = {
    'header.csv': `${HEADER}\nW1,1,01/01/2010,WBRI,UN2,0,\nW2,F,01/01/2010,WBRI,UN2,0,\n`,
    'episodes.csv': `${EPISODES}\nW1,01/05/2025,S,C2,N1,H5,PR1,,,,AB1 2CD,AB3 4EF,\nW2,01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,AB1 2CD,AB3 4EF,\n`,
  };
  const res = await officer.inject({ method: 'POST', url: '/api/imports', ...form({ year: '2025', mode: 'check' }, files) });
  assert.equal(res.statusCode, 422);
  const body = res.json();
  assert.deepEqual(body.errors.map((e: { rule: string; child: string }) => [e.rule, e.child]), [['101', 'W1'], ['146', 'W1'], ['388', 'W2']]);
  assert.deepEqual(await store.db.selectFrom('child').select('child_id').execute(), children, 'nothing stored');

  const page = await officer.inject({ url: `/import/runs/${body.runId}` });
  assert.match(String(page.headers['cache-control']), /no-store/, 'a run page naming children is not cached');
  assert.deepEqual((await lastView(`/import/runs/${body.runId}`)).returnedIds.child?.sort(), ['W1', 'W2'], 'the audit log names the children the report showed');
  assert.match(page.body, /data-testid="import-by-rule"/);
  assert.match(page.body, /data-testid="import-by-child"/);
  assert.match(page.body, /W1<\/td><td class="govuk-table__cell govuk-table__cell--numeric">2</);
  assert.doesNotMatch(page.body, /--year/);

  const csv = await officer.inject({ url: `/import/runs/${body.runId}/errors.csv` });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['cache-control']), /no-store/);
  assert.deepEqual((await lastView(`/import/runs/${body.runId}/errors.csv`)).returnedIds.child?.sort(), ['W1', 'W2']);
  assert.match(csv.headers['content-disposition'] as string, /import-\d+-errors\.csv/);
  assert.equal(csv.body.trim().split('\n').length, 4);
  assert.match(csv.body, /^Rule,File,Row,Child,Field,Values,Message/);

  const xlsx = await officer.inject({ url: `/import/runs/${body.runId}/errors.xlsx` });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(book.worksheets.map((w) => w.name), ['By rule', 'By child', 'Errors']);
  assert.equal(book.getWorksheet('Errors')!.rowCount, 4);
});

test('check only with no errors: 200, "checked", nothing stored', async () => {
  const files = { 'header.csv': `${HEADER}\nW3,F,01/01/2010,WBRI,UN2,0,\n`, 'episodes.csv': `${EPISODES}\nW3,01/05/2025,S,C2,N1,K3,PR1,,,,AB1 2CD,AB3 4EF,\n`.replace('01/01/2010', '01/01/2008') };
  files['header.csv'] = files['header.csv'].replace('01/01/2010', '01/01/2008');
  const res = await officer.inject({ method: 'POST', url: '/api/imports', ...form({ year: '2025', mode: 'check' }, files) });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'checked');
  assert.equal(await store.db.selectFrom('child').select('child_id').where('child_id', '=', 'W3').executeTakeFirst(), undefined);
  const page = await officer.inject({ url: `/import/runs/${res.json().runId}` });
  assert.match(page.body, /data-testid="import-checked"/);
});

test('an accepted 903 import: the run page shows what each table added, changed and removed in its year', async () => {
  const header = `${HEADER}\nW4,F,01/01/2008,WBRI,UN2,0,\n`;
  const episode = 'W4,01/05/2025,S,C2,N1,K3,PR1,,,,AB1 2CD,AB3 4EF,';
  const first = await officer.inject({ method: 'POST', url: '/api/imports', ...form({ year: '2025' }, { 'header.csv': header, 'episodes.csv': `${EPISODES}\n${episode}\n` }) });
  assert.equal(first.statusCode, 201, first.body);
  const again = await officer.inject({
    method: 'POST', url: '/api/imports',
    ...form({ year: '2025' }, { 'header.csv': header, 'episodes.csv': `${EPISODES}\n${episode.replace('PR1', 'PR2')}\n` }),
  });
  assert.equal(again.statusCode, 201, again.body);
  assert.deepEqual(again.json().changes.map((c: { label: string; added: number; changed: number; removed: number }) => [c.label, c.added, c.changed, c.removed]), [
    ['SSDA903 Header', 0, 0, 0], ['SSDA903 Episodes', 0, 1, 0],
  ]);
  const page = await officer.inject({ url: `/import/runs/${again.json().runId}` });
  assert.match(page.body, /data-testid="import-changes"/);
  assert.match(page.body, /SSDA903 Episodes<\/td><td class="govuk-table__cell">2025-26<\/td><td[^>]*>0<\/td><td[^>]*>1<\/td><td[^>]*>0</);
});

test('the SSDA903 XML export uploaded for a check: its year from the form, errors at their element paths', async () => {
  const xml = readFileSync(join(import.meta.dirname, '../fixtures/ssda903-validator/fake_903.xml'), 'utf8');
  const res = await officer.inject({ method: 'POST', url: '/api/imports', ...form({ year: '2023', mode: 'check' }, { 'fake_903.xml': xml }) });
  assert.equal(res.statusCode, 422, res.body);
  const body = res.json();
  assert.deepEqual(body.files, [{ file: 'fake_903.xml', table: 'SSDA903 (XML)', rows: 253 }]);
  assert.ok(body.errors.some((e: { field: string; child: string }) => e.field === 'EXPSSDA903/CHILD[1]/HEADER/UPN' && e.child === '907440'));
});
