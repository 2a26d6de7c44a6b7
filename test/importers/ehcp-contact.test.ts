// The EHCP requests file's optional parent or carer columns: stored apart for the letters, a file
// without them still imports (and leaves stored contacts alone), blanks clear, and a refused cell
// is reported by its column and row without quoting the personal data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from '../../src/importers/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv } from './helpers.ts';

const REQUIRED = 'RequestID,PersonID,PersonBirthDate,Sex,ReceivedDate,RequestOutcomeDate,RequestOutcome,AssessmentOutcomeDate,AssessmentOutcome,Week20,ExceptionReason,DraftPlanDate,StartDate,SENtype';
const CONTACT = 'ParentCarerName,ParentCarerAddress1,ParentCarerAddress2,ParentCarerTown,ParentCarerPostcode';
const request = (id: string) => `${id},P-${id},01/05/2015,M,01/09/2026,,,,,N,,,,`;

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store?.close());

const load = (content: string) => importFiles(store, [{ name: 'ehcp_requests.csv', content }], { user: 'importer' });
const contacts = () => store.db.selectFrom('ehcp_contact').selectAll().orderBy('request_id').execute();

test('a file without the contact columns imports as before, with no contact stored', async () => {
  const result = await load(csv(REQUIRED, request('R1'), request('R2')));
  assert.deepEqual(result.errors, []);
  assert.equal(result.status, 'accepted');
  assert.deepEqual(await contacts(), []);
});

test('with the columns, the name and address are stored (postcode in capitals); blank cells store nothing', async () => {
  const result = await load(csv(`${REQUIRED},${CONTACT}`, `${request('R1')},Ms Alex Example,12 Sample Road,,Northbridge,nb1 2xy`, `${request('R2')},,,,,`));
  assert.deepEqual(result.errors, []);
  assert.deepEqual(await contacts(), [
    { request_id: 'R1', parent_name: 'Ms Alex Example', address_line1: '12 Sample Road', address_line2: null, town: 'Northbridge', postcode: 'NB1 2XY' },
  ]);
});

test('a later file without the columns leaves the contact; one with them and blank cells clears it', async () => {
  assert.equal((await load(csv(REQUIRED, request('R1')))).status, 'accepted');
  assert.equal((await contacts()).length, 1, 'kept');
  // Some of the columns, in another order, are enough for the file to be read.
  assert.equal((await load(csv(`ParentCarerName,${REQUIRED}`, `Mr Sam Sample,${request('R2')}`))).status, 'accepted');
  assert.deepEqual((await contacts()).map((c) => [c.request_id, c.parent_name, c.postcode]), [['R1', 'Ms Alex Example', 'NB1 2XY'], ['R2', 'Mr Sam Sample', null]]);
  assert.equal((await load(csv(`${REQUIRED},${CONTACT}`, `${request('R1')},,,,,`))).status, 'accepted');
  assert.deepEqual((await contacts()).map((c) => c.request_id), ['R2']);
});

test('a refused contact cell names its column and row, never its value', async () => {
  const secret = `Ms Jo Pretend-${'x'.repeat(200)}`;
  const postcode = 'NB9 9ZZZZZZ';
  const result = await load(csv(`${REQUIRED},${CONTACT}`, `${request('R3')},${secret},1 Fiction Way,,Northbridge,${postcode}`));
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.field, e.rule]), [
    ['ehcp_requests.csv', 2, 'ParentCarerName', 'too-long'],
    ['ehcp_requests.csv', 2, 'ParentCarerPostcode', 'too-long'],
  ]);
  const reported = JSON.stringify(result);
  assert.ok(!reported.includes('Pretend') && !reported.includes(postcode), reported);
  assert.match(reported, /ParentCarerName=\(not shown: personal data\)/);
  assert.equal(await store.db.selectFrom('ehcp_request').select('request_id').where('request_id', '=', 'R3').executeTakeFirst(), undefined);
});
