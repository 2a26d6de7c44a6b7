// CIN census (referrals, assessments, child population) and early help imports: valid files are
// stored as written (with each assessment's 45-working-day due date), and every broken rule is
// reported by file, row, field and rule with nothing stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { csvFilesUnder, importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv } from './helpers.ts';

const DIR = join(import.meta.dirname, '../fixtures/front-door');
const REFERRALS = 'LAchildID,PersonBirthDate,GenderCurrent,Ethnicity,CINreferralDate,ReferralSource,LocalReferralSource,PrimaryNeedCode,ReferralNFA,CINclosureDate,ReasonForClosure';
const ASSESSMENTS = 'LAchildID,CINreferralDate,AssessmentActualStartDate,AssessmentInternalReviewDate,AssessmentAuthorisationDate,AssessmentFactors';
const EARLY_HELP = 'EpisodeID,ChildID,BirthDate,StartDate,EndDate,Level,LeadAgency,Source,Outcome';
const TABLES = ['cin_referral', 'cin_assessment', 'child_population', 'early_help_episode'] as const;

const files = (): ImportFile[] => csvFilesUnder(DIR).map((f) => ({ name: f.name, content: readFileSync(f.path!, 'utf8') }));

async function snapshot(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) out[t] = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(store.db)).rows.map((r) => JSON.stringify(r)).sort();
  return out;
}

let store: Store;
before(async () => {
  store = await openTestStore();
  const result = await importFiles(store, files(), { user: 'seed' });
  assert.deepEqual(result.errors, []);
  assert.equal(result.status, 'accepted');
  assert.deepEqual(result.files.map((f) => f.table).sort(), ['CIN census assessments', 'CIN census referrals', 'Child population (0 to 17)', 'Early help episodes']);
});
after(() => store.close());

test('valid files are stored as written, NFA and codes read, due dates worked out with bank holidays', async () => {
  const referrals = await store.db.selectFrom('cin_referral').selectAll().orderBy('la_child_id').orderBy('referral_date').execute();
  assert.equal(referrals.length, 5);
  assert.deepEqual(referrals.map((r) => [r.la_child_id, r.referral_date, r.referral_nfa, r.local_source]), [
    ['CN001', '2024-05-10', false, null],
    ['CN001', '2025-04-15', false, null],
    ['CN002', '2024-04-20', true, 'FIRE'],
    ['CN003', '2025-04-30', false, null],
    ['CN004', '2025-04-01', false, 'AMBULANCE'],
  ]);
  assert.equal(referrals[3]!.person_birth_date, null);
  const assessments = await store.db.selectFrom('cin_assessment').selectAll().orderBy('start_date').execute();
  // 15 April 2025 + 45 working days, past Easter and both May bank holidays = 23 June 2025.
  assert.deepEqual(assessments.map((a) => [a.start_date, a.due_date, a.factors]), [
    ['2024-05-13', '2024-07-16', ['3B', '4B']],
    ['2025-04-01', '2025-06-09', []],
    ['2025-04-15', '2025-06-23', ['16A']],
  ]);
  assert.equal((await store.db.selectFrom('child_population').selectAll().execute()).length, 2);
  assert.equal((await store.db.selectFrom('early_help_episode').selectAll().execute()).length, 3);
});

test('importing the same files again changes nothing', async () => {
  const before = await snapshot(store);
  const result = await importFiles(store, files(), { user: 'again' });
  assert.equal(result.status, 'accepted');
  assert.deepEqual(await snapshot(store), before);
});

type Where = [file: string, row: number, field: string, rule: string];

async function rejects(input: ImportFile[], expected: Where[], message?: RegExp): Promise<void> {
  const before = await snapshot(store);
  const result = await importFiles(store, input, { user: 'tester' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.field, e.rule]), expected);
  if (message) assert.match(result.errors[0]!.message, message);
  assert.deepEqual(await snapshot(store), before, 'the store is unchanged');
}

const referrals = (...rows: string[]) => ({ name: 'referrals.csv', content: csv(REFERRALS, ...rows) });
const assessments = (...rows: string[]) => ({ name: 'assessments.csv', content: csv(ASSESSMENTS, ...rows) });

test('referral codes: an unknown ReferralSource (8866), a blank ReferralNFA, a sub-code of another source', () =>
  rejects([referrals(
    'CN010,01/01/2015,1,WBRI,01/05/2025,X1,,N1,false,,',
    'CN011,01/01/2015,2,WBRI,01/05/2025,6,,N1,,,',
    'CN012,01/01/2015,2,WBRI,01/05/2025,6,FIRE,N1,false,,',
  )], [
    ['referrals.csv', 2, 'ReferralSource', '8866'],
    ['referrals.csv', 3, 'ReferralNFA', 'code'],
    ['referrals.csv', 4, 'LocalReferralSource', 'local-source'],
  ], /"X1" is not a valid code/));

test('closure before referral (8630) and a closure without its reason (8805)', () =>
  rejects([referrals('CN013,01/01/2015,1,WBRI,01/05/2025,6,,N1,false,30/04/2025,RC7', 'CN014,01/01/2015,1,WBRI,01/05/2025,6,,N1,false,02/05/2025,')], [
    ['referrals.csv', 2, 'CINclosureDate', '8630'],
    ['referrals.csv', 3, 'ReasonForClosure', '8805'],
  ]));

test('a new referral while the child’s earlier one is still open (checked against stored referrals)', () =>
  // CN004's referral of 1 April 2025 is stored and open.
  rejects([referrals('CN004,2010-02-02,2,APKN,01/06/2025,6,,N1,false,,')], [['referrals.csv', 2, 'CINreferralDate', 'overlap']], /still open/));

test('assessment rules: unknown referral, start before referral (1103), end before start (8608), factor 21 with others (8869)', () =>
  rejects([assessments(
    'CN999,01/05/2025,02/05/2025,,,',
    'CN003,30/04/2025,29/04/2025,,,',
    'CN003,30/04/2025,05/05/2025,,04/05/2025,',
    'CN003,30/04/2025,06/05/2025,,07/05/2025,21;3B',
  )], [
    ['assessments.csv', 2, 'CINreferralDate', 'referral-exists'],
    ['assessments.csv', 3, 'AssessmentActualStartDate', '1103'],
    ['assessments.csv', 4, 'AssessmentAuthorisationDate', '8608'],
    ['assessments.csv', 5, 'AssessmentFactors', '8869'],
  ]));

test('an assessment after the case closed (8565), and a closed case with an assessment not completed (8867)', () =>
  rejects([assessments('CN002,20/04/2024,22/04/2024,,23/04/2024,21', 'CN001,10/05/2024,14/05/2024,,,')], [
    ['assessments.csv', 2, 'AssessmentActualStartDate', '8565'],
    ['assessments.csv', 3, 'AssessmentAuthorisationDate', '8867'],
  ]));

test('early help: an outcome with no end date, an end before the start, overlapping episodes', () =>
  rejects([{ name: 'eh.csv', content: csv(EARLY_HELP,
    'EHE20,EH20,,01/05/2025,,TARGETED,SCHOOL,NEW,NEEDS_MET',
    'EHE21,EH21,,01/05/2025,01/04/2025,TARGETED,SCHOOL,NEW,NEEDS_MET',
    'EHE22,CN001,,01/02/2025,,TARGETED,HEALTH,NEW,',
  ) }], [
    ['eh.csv', 2, 'EndDate', 'outcome'],
    ['eh.csv', 3, 'EndDate', 'end-before-start'],
    ['eh.csv', 4, 'StartDate', 'overlap'],
  ]));

test('a bad population row, and the good file beside it is not stored either (one transaction)', async () => {
  await rejects([
    referrals('CN030,01/01/2015,1,WBRI,01/05/2025,6,,N1,false,,'),
    { name: 'population.csv', content: csv('Year,Population0to17', '2026,0') },
  ], [['population.csv', 2, 'Population0to17', 'population']]);
  assert.equal((await store.db.selectFrom('cin_referral').where('la_child_id', '=', 'CN030').selectAll().execute()).length, 0);
});

test('a referral brought again without its local sub-code keeps the stored one, loaded row by row or in bulk', async () => {
  const fresh = await openTestStore();
  const saved = process.env.CSINSIGHT_BULK_ROWS;
  try {
    const load = async (local: string, bulkRows: string) => {
      process.env.CSINSIGHT_BULK_ROWS = bulkRows;
      const result = await importFiles(fresh, [referrals(`CN900,01/01/2015,1,WBRI,01/05/2025,8,${local},N1,false,,`)], { user: 'tester' });
      assert.deepEqual(result.errors, []);
      const [row] = await fresh.db.selectFrom('cin_referral').select('local_source').where('la_child_id', '=', 'CN900').execute();
      return row!.local_source;
    };
    // A bulk load into the empty table, then a bulk reload and a row-by-row upsert of the census's blank.
    assert.equal(await load('FIRE', '1'), 'FIRE');
    assert.equal(await load('', '1'), 'FIRE');
    assert.equal(await load('', '1000'), 'FIRE');
    assert.equal(await load('VOLUNTARY', '1000'), 'VOLUNTARY');
  } finally {
    if (saved === undefined) delete process.env.CSINSIGHT_BULK_ROWS;
    else process.env.CSINSIGHT_BULK_ROWS = saved;
    await fresh.close();
  }
});
