// SEN2 XML: a valid return is stored as EHCP requests with their plans (setting, primary need,
// cessation, last review), joining a request the case system already sent by child and day
// received; bad input (malformed XML, a year without a schema, an unknown element, a bad code, a
// plan that ceased before it started, a child twice) is refused with line and element path, and
// nothing is stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportError } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { planFigures } from '../../src/store/queries/ehcpPlans.ts';
import { openTestStore } from '../helpers.ts';

const VALID = readFileSync(join(import.meta.dirname, '../fixtures/sen2-xml/sen2_2025.xml'), 'utf8');

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

const stored = () => store.db.selectFrom('ehcp_request').selectAll().orderBy('request_id').execute();

async function refused(content: string): Promise<ImportError[]> {
  const before = await stored();
  const r = await importFiles(store, [{ name: 'sen2.xml', content }], { user: 'test' });
  assert.equal(r.status, 'rejected');
  assert.deepEqual(await stored(), before, 'nothing stored');
  return r.errors;
}

test('bad input: line and element path, nothing stored', async () => {
  const broken = VALID.replace('<Sex>F</Sex>', '<Sex>F</Sx>');
  const errors = await refused(broken);
  assert.deepEqual(errors.map((e) => [e.rule, e.row]), [['xml', broken.split('\n').findIndex((l) => l.includes('</Sx>')) + 1]]);
  assert.deepEqual((await refused(VALID.replace('<Year>2025</Year>', '<Year>2019</Year>'))).map((e) => e.rule), ['schema-year']);
  const unknown = await refused(VALID.replace('<Week20>0</Week20>', '<Week20>0</Week20><Pets>2</Pets>'));
  assert.deepEqual(unknown.map((e) => [e.field, e.rule]), [['Message/Persons/Person[1]/Requests[1]/Assessment/Pets', 'schema']]);
  assert.equal(unknown[0]!.row, VALID.split('\n').findIndex((l) => l.includes('<Week20>0')) + 1);
  const code = await refused(VALID.replace('<SENSetting>SSA</SENSetting>', '<SENSetting>XYZ</SENSetting>'));
  assert.deepEqual(code.map((e) => e.field), ['Message/Persons/Person[1]/Requests[1]/ActivePlans/PlacementDetail[1]/SENSetting']);
  const ceased = await refused(VALID.replace('<CeaseDate>2024-08-31</CeaseDate>', '<CeaseDate>2021-01-31</CeaseDate>'));
  assert.deepEqual(ceased.map((e) => [e.field, e.rule]), [['Message/Persons/Person[2]/Requests[1]/Assessment/NamedPlan/CeaseDate', 'end-before-start']]);
  const twice = await refused(VALID.replace('<UniqueLearnerNumber>1234567890</UniqueLearnerNumber>', '<UPN>A99900012301C</UPN>'));
  assert.ok(twice.some((e) => e.rule === 'duplicate' && /also on line/.test(e.message)), JSON.stringify(twice));
  const noId = await refused(VALID.replace('<UniqueLearnerNumber>1234567890</UniqueLearnerNumber>', ''));
  assert.deepEqual(noId.map((e) => e.rule), ['person-id']);
  const header = await refused(VALID.replace('<ReferenceDate>2025-01-16</ReferenceDate>', '<ReferenceDate>2024-01-18</ReferenceDate>'));
  assert.deepEqual(header.map((e) => e.rule), ['header']);
});

test('a case-system request keeps its RequestID and advice; SEN2 adds outcomes and plan details; other requests are new', async () => {
  const csv = [
    'RequestID,PersonID,PersonBirthDate,Sex,ReceivedDate,RequestOutcomeDate,RequestOutcome,AssessmentOutcomeDate,AssessmentOutcome,Week20,ExceptionReason,DraftPlanDate,StartDate,SENtype',
    'R1,A99900012301C,02/05/2014,F,01/03/2023,10/04/2023,Y,,A,N,,,,',
  ].join('\n');
  const advice = 'RequestID,Partner,RequestedDate,ReceivedDate\nR1,health,12/04/2023,20/05/2023\n';
  const first = await importFiles(store, [{ name: 'ehcp_requests.csv', content: csv }, { name: 'ehcp_advice.csv', content: advice }], { user: 'test' });
  assert.deepEqual(first.errors, []);
  const r = await importFiles(store, [{ name: 'sen2_2025.xml', content: VALID }], { user: 'test' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.files, [{ file: 'sen2_2025.xml', table: 'SEN2 (XML)', rows: 2 }]);
  const rows = (await stored()).map((q) => [q.request_id, q.person_id, q.assessment_outcome, q.start_date, q.sen_type, q.sen_setting, q.cease_date, q.cease_reason, q.last_review, q.week20]);
  assert.deepEqual(rows, [
    ['1234567890/2021-02-01', '1234567890', 'Y', '2021-06-30', null, 'MSA', '2024-08-31', '4', null, true],
    ['1234567890/2024-11-05', '1234567890', null, null, null, null, null, null, null, false],
    // Where the child is now (PlacementRank 1 of ActivePlans), and the need of SENtypeRank 1.
    ['R1', 'A99900012301C', 'Y', '2023-07-14', 'ASD', 'SSA', null, null, '2024-06-28', false],
  ]);
  assert.equal((await store.db.selectFrom('ehcp_advice').selectAll().execute()).length, 1);
  // Imported again: the same rows, none added.
  await importFiles(store, [{ name: 'sen2_2025.xml', content: VALID }], { user: 'test' });
  assert.equal((await stored()).length, 3);
});

test('advice for a request SEN2 brings in the same run names it PersonID/ReceivedDate', async () => {
  const fresh = await openTestStore();
  try {
    const advice = 'RequestID,Partner,RequestedDate,ReceivedDate\n1234567890/2021-02-01,health,02/03/2021,01/04/2021\n';
    const r = await importFiles(fresh, [{ name: 'sen2_2025.xml', content: VALID }, { name: 'ehcp_advice.csv', content: advice }], { user: 'test' });
    assert.deepEqual(r.errors, []);
    const bad = await importFiles(fresh, [{ name: 'ehcp_advice.csv', content: advice.replace('1234567890/', '999/') }], { user: 'test' });
    assert.deepEqual(bad.errors.map((e) => e.rule), ['request-exists']);
  } finally {
    await fresh.close();
  }
});

test('plan figures from the SEN2 return, worked out by hand', async () => {
  const fresh = await openTestStore();
  try {
    await importFiles(fresh, [{ name: 'sen2_2025.xml', content: VALID }], { user: 'test' });
    // On census day: one plan in force (ASD, special academy), reviewed 28 June 2024 (within 12
    // months); the other ceased 31 August 2024 (paid employment), within the 12 months before.
    assert.deepEqual(await planFigures(fresh, '2025-01-16'), {
      source: 'requests', importedAt: null, senSupport: null, asOf: '2025-01-16', inForce: 1, byNeed: [{ code: 'ASD', count: 1 }], bySetting: [{ code: 'SSA', count: 1 }],
      ceasedFrom: '2024-01-16', ceased: [{ code: '4', count: 1 }], reviewDue: 1, reviewedInTime: 1,
    });
    // By 1 July 2025 the review of 28 June 2024 is more than 12 months old.
    const later = await planFigures(fresh, '2025-07-01');
    assert.deepEqual([later.reviewDue, later.reviewedInTime, later.ceased], [1, 0, [{ code: '4', count: 1 }]]);
  } finally {
    await fresh.close();
  }
});
