// CIN census XML: a valid return is stored in the referral, assessment and child protection tables;
// bad input (malformed XML, an element of another year's schema, an unknown element, a broken
// census rule, a wrong ReferenceDate) is refused with the line, element path and DfE rule code,
// and nothing is stored. The validator's public fake files are refused with the codes they were
// built to break. Query rules (codes ending Q) are listed with the run and do not refuse it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportError } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

const DIR = join(import.meta.dirname, '../fixtures/cin-xml');
const VALID = readFileSync(join(DIR, 'cin_census_2026.xml'), 'utf8');
const TABLES = ['cin_referral', 'cin_assessment', 'cin_plan', 'cin_section47', 'cin_cp_plan', 'cin_cp_review'] as const;

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(store.db)).rows[0]!.n;
  return out;
}

/** Imports `content` as one XML file and expects it refused with nothing stored; gives its errors. */
async function refused(content: string, name = 'cin.xml'): Promise<ImportError[]> {
  const before = await counts();
  const r = await importFiles(store, [{ name, content }], { user: 'test' });
  assert.equal(r.status, 'rejected');
  assert.deepEqual(await counts(), before, 'nothing stored');
  return r.errors;
}

const codes = (errors: ImportError[]) => errors.map((e) => [e.row, e.field, e.rule]);

test('a valid return: every table filled from one file, Sex read as GenderCurrent, ICPC due date with bank holidays', async () => {
  const r = await importFiles(store, [{ name: 'cin_census_2026.xml', content: VALID }], { user: 'test' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.files, [{ file: 'cin_census_2026.xml', table: 'CIN census (XML)', rows: 2 }]);
  assert.deepEqual(await counts(), { cin_referral: 2, cin_assessment: 2, cin_plan: 1, cin_section47: 2, cin_cp_plan: 1, cin_cp_review: 2 });
  const x1 = await store.db.selectFrom('cin_referral').selectAll().where('la_child_id', '=', 'X001').executeTakeFirstOrThrow();
  assert.equal(x1.gender, '2');
  assert.equal(x1.referral_source, '6');
  const s47 = await store.db.selectFrom('cin_section47').selectAll().where('la_child_id', '=', 'X001').executeTakeFirstOrThrow();
  // 15 working days after Thursday 8 May 2025, with the bank holiday of Monday 26 May not counted.
  assert.equal(s47.icpc_due, '2025-05-30');
  assert.equal(s47.icpc_date, '2025-05-27');
  const plan = await store.db.selectFrom('cin_cp_plan').selectAll().executeTakeFirstOrThrow();
  assert.deepEqual([plan.initial_category, plan.previous_plans], ['NEG', 1]);
});

test('malformed XML: the line where it breaks, nothing stored', async () => {
  const broken = VALID.replace('<Ethnicity>AIND</Ethnicity>', '<Ethnicity>AIND</Ethnic>');
  const line = broken.split('\n').findIndex((l) => l.includes('</Ethnic>')) + 1;
  const errors = await refused(broken);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.rule, 'xml');
  assert.equal(errors[0]!.row, line);
  assert.match(errors[0]!.message, /not well-formed/);
});

test('an element of another year’s schema: path, line and the year it belongs to', async () => {
  const old = VALID.replace('<Sex>F</Sex>', '<GenderCurrent>2</GenderCurrent>');
  const line = old.split('\n').findIndex((l) => l.includes('GenderCurrent')) + 1;
  const errors = await refused(old);
  const wrong = errors.find((e) => e.field === 'Message/Children/Child[1]/ChildIdentifiers/GenderCurrent')!;
  assert.ok(wrong, JSON.stringify(errors));
  assert.equal(wrong.row, line);
  assert.match(wrong.message, /schema of 2022, 2023, 2024: does the Header give the right Year \(2026\)/);
  assert.ok(errors.some((e) => e.field === 'Message/Children/Child[1]/ChildIdentifiers/Sex' && e.rule === '4180'), 'Sex missing is rule 4180');
});

test('a schema year csinsight does not hold, an unknown element, a bad code and an out-of-order element', async () => {
  assert.deepEqual(codes(await refused(VALID.replace('<Year>2026</Year>', '<Year>2019</Year>'))).map((c) => c[2]), ['schema-year']);
  const unknown = await refused(VALID.replace('<ReferralNFA>0</ReferralNFA>', '<ReferralNFA>0</ReferralNFA><Pets>2</Pets>'));
  assert.deepEqual(codes(unknown), [[unknown[0]!.row, 'Message/Children/Child[1]/CINdetails[1]/Pets', 'schema']]);
  const code = await refused(VALID.replace('<ReferralSource>6</ReferralSource>', '<ReferralSource>6Z</ReferralSource>'));
  assert.deepEqual(codes(code).map((c) => c.slice(1)), [['Message/Children/Child[1]/CINdetails[1]/ReferralSource', '8866']]);
  const order = await refused(VALID.replace('<PrimaryNeedCode>N1</PrimaryNeedCode>', '').replace('<ReferralSource>6</ReferralSource>', '<ReferralSource>6</ReferralSource><ReferralNFA>0</ReferralNFA><PrimaryNeedCode>N1</PrimaryNeedCode>'));
  assert.ok(order.some((e) => /out of order/.test(e.message)), JSON.stringify(order));
});

test('census rules across a child, with DfE codes: plan before referral, ICPC at the weekend, activity after closure, duplicate child', async () => {
  const cpBefore = await refused(VALID.replace('<CPPstartDate>2025-05-27</CPPstartDate>', '<CPPstartDate>2025-05-01</CPPstartDate>'));
  assert.ok(cpBefore.some((e) => e.rule === '1105' && e.field.endsWith('ChildProtectionPlans[1]/CPPstartDate')), JSON.stringify(cpBefore));
  const weekend = await refused(VALID.replace('<DateOfInitialCPC>2025-05-27</DateOfInitialCPC>', '<DateOfInitialCPC>2025-05-25</DateOfInitialCPC>'));
  assert.ok(weekend.some((e) => e.rule === '8875'), JSON.stringify(weekend));
  const after = await refused(VALID.replace('<CINPlanEndDate>2026-02-27</CINPlanEndDate>', '<CINPlanEndDate>2026-03-10</CINPlanEndDate>'));
  assert.ok(after.some((e) => e.rule === '8565'), JSON.stringify(after));
  const twice = await refused(VALID.replace('<LAchildID>X002</LAchildID>', '<LAchildID>X001</LAchildID>'));
  assert.ok(twice.some((e) => e.rule === '8510' && /also on line/.test(e.message)), JSON.stringify(twice));
  const ref = await refused(VALID.replace('<ReferenceDate>2026-03-31</ReferenceDate>', '<ReferenceDate>2026-03-30</ReferenceDate>'));
  assert.deepEqual(ref.map((e) => e.rule), ['100']);
});

test('the CIN validator’s fake files are refused with the rules they break, and their queries listed', async () => {
  const dir = join(DIR, 'validator');
  const run = async (name: string) => {
    const before = await counts();
    const r = await importFiles(store, [{ name, content: readFileSync(join(dir, name), 'utf8') }], { user: 'test' });
    assert.equal(r.status, 'rejected');
    assert.deepEqual(await counts(), before, 'nothing stored');
    const codes = (l: ImportError[]) => [...new Set(l.map((e) => e.rule))].sort();
    return { errors: codes(r.errors), queries: codes(r.queries ?? []) };
  };
  // The child of the validator's sample output (Documentation/sample_output/issue_report.json):
  // assessment and plan before the referral (1103, 1105), a UPN with the wrong check letter and LA
  // (1510, 1530), both a birth date and an expected one (8525Q); the file is named for 2887Q (fewer
  // than 8 disability codes in the return). The stray text "PersonBirthDate" in ChildIdentifiers is
  // the schema's; the child's rules are still checked.
  const la = await run('CIN_la_issues_2887Q.xml');
  for (const code of ['1103', '1105', '1510', '1530', 'schema']) assert.ok(la.errors.includes(code), `${code} in ${la.errors}`);
  assert.deepEqual(la.queries, ['2887Q', '8525Q', '8530Q', '8545Q']);
  // The same child under a ReferenceDate that is not 31 March (100).
  assert.ok((await run('CIN_header_issues_100.xml')).errors.includes('100'));
  // Year 2023 with ReferenceDate 2024-03-31 (100); Sex M/F/U where 2022-23 has GenderCurrent (4180).
  assert.deepEqual((await run('CIN_Census_2024.xml')).errors, ['100', '4180', 'schema']);
  // Some 200 children, ReferralNFA "true" (read as the boolean it is, as the validator's 8568 does).
  assert.deepEqual(await run('fake_CIN_data.xml'), {
    errors: ['100', '1510', '1530', '2990', '8520', '8600', '8620', '8715', '8794', '8832', '8875'],
    queries: ['2886Q', '8545Q', '8555Q', '8569Q', '8585Q', '8825Q'],
  });
  assert.ok(readdirSync(dir).includes('SOURCE.md'));
});

test('queries do not refuse a return: it is stored, and the queries are listed with the run', async () => {
  const fresh = await openTestStore();
  try {
    // A completed assessment with no factors (8897Q) and an ICPC target on a Saturday (8870Q).
    const queried = VALID.replace(/<FactorsIdentifiedAtAssessment>[\s\S]*?<\/FactorsIdentifiedAtAssessment>/, '')
      .replace('<InitialCPCtarget>2025-05-30</InitialCPCtarget>', '<InitialCPCtarget>2025-05-31</InitialCPCtarget>');
    const r = await importFiles(fresh, [{ name: 'cin.xml', content: queried }], { user: 'test' });
    assert.deepEqual([r.status, r.errors], ['accepted', []]);
    // A two-child return also uses fewer than 8 disability codes (2887Q), one each (2888Q), and its
    // school-age children have neither UPN nor a reason (8770Q).
    assert.deepEqual(r.queries!.map((q) => [q.rule, q.field]).sort(), [
      ['2887Q', 'Message/Children/Disability'], ['2888Q', 'Message/Children/Disability'],
      ['8770Q', 'Message/Children/Child[1]/ChildIdentifiers/UPNunknown'], ['8770Q', 'Message/Children/Child[2]/ChildIdentifiers/UPNunknown'],
      ['8870Q', 'Message/Children/Child[1]/CINdetails[1]/Section47[1]/InitialCPCtarget'],
      ['8897Q', 'Message/Children/Child[1]/CINdetails[1]/Assessments[1]/AssessmentFactors'],
    ]);
    const run = await fresh.db.selectFrom('import_run').select(['status', 'queries']).where('id', '=', r.runId).executeTakeFirstOrThrow();
    assert.deepEqual((run.queries as ImportError[]).map((q) => q.rule).sort(), ['2887Q', '2888Q', '8770Q', '8770Q', '8870Q', '8897Q']);
    assert.equal(r.queryCount, 6);
    assert.equal((await fresh.db.selectFrom('cin_referral').selectAll().execute()).length, 2);
  } finally {
    await fresh.close();
  }
});

test('parsed in a worker thread, the same rows are stored and the same errors reported', async () => {
  const saved = process.env.CSINSIGHT_IMPORT_WORKERS;
  process.env.CSINSIGHT_IMPORT_WORKERS = '1';
  const fresh = await openTestStore();
  try {
    const bad = VALID.replace('<ReferralSource>6</ReferralSource>', '<ReferralSource>6Z</ReferralSource>');
    const inWorker = await importFiles(fresh, [{ name: 'bad.xml', content: bad }], { user: 'test' });
    const inThread = await (async () => {
      process.env.CSINSIGHT_IMPORT_WORKERS = '0';
      return importFiles(fresh, [{ name: 'bad.xml', content: bad }], { user: 'test' });
    })();
    assert.deepEqual(inWorker.errors, inThread.errors);
    assert.deepEqual(inWorker.queries, inThread.queries);
    assert.ok(inWorker.queryCount! > 0, 'queries come back from the worker too');
    process.env.CSINSIGHT_IMPORT_WORKERS = '1';
    const ok = await importFiles(fresh, [{ name: 'cin_census_2026.xml', content: VALID }], { user: 'test' });
    assert.deepEqual([ok.status, ok.files[0]!.rows], ['accepted', 2]);
    assert.equal((await fresh.db.selectFrom('cin_cp_review').selectAll().execute()).length, 2);
  } finally {
    if (saved === undefined) delete process.env.CSINSIGHT_IMPORT_WORKERS;
    else process.env.CSINSIGHT_IMPORT_WORKERS = saved;
    await fresh.close();
  }
});
