import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importDirectory, importFiles } from '../../src/importers/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { count, csv, fixture, snapshot, VALID_DIR } from './helpers.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

test('a folder of valid files lands in every table with the right values', async () => {
  const progress: { file: string; bytes: number; totalBytes: number }[] = [];
  const result = await importDirectory(store, VALID_DIR, { user: 'officer', onProgress: (p) => progress.push(p) });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
  assert.equal(result.errorCount, 0);
  const byTable = Object.fromEntries(result.files.map((f) => [f.table, f.rows]));
  assert.deepEqual(byTable, {
    'SSDA903 Header': 3, 'SSDA903 Episodes': 4, 'SSDA903 Missing': 3, 'SSDA903 OC3': 1,
    'Return home interviews': 3, 'Missing from home': 2, 'Care leaver activity': 2,
    'EHCP requests': 4, 'EHCP advice': 3, 'Strategy actions': 3, 'Committee actions': 2, Benchmarks: 3,
  });
  const last = progress.at(-1)!;
  assert.equal(last.bytes, last.totalBytes, 'progress reaches every byte');

  // Header (header in CRLF; 29 February birth date; UN code for UPN)
  const children = await store.db.selectFrom('child').selectAll().orderBy('child_id').execute();
  assert.deepEqual(children, [
    { child_id: 'C001', sex: 1, dob: '2010-05-14', ethnic: 'WBRI', upn: 'A123456789012', mother: null, mc_dob: null },
    { child_id: 'C002', sex: 2, dob: '2007-11-02', ethnic: 'MWBC', upn: 'UN2', mother: 1, mc_dob: '2024-03-01' },
    { child_id: 'C003', sex: 2, dob: '2008-02-29', ethnic: 'BAFR', upn: 'B12345678901C', mother: 0, mc_dob: null },
    { child_id: 'H001', sex: 1, dob: '2011-03-03', ethnic: null, upn: null, mother: null, mc_dob: null },
  ]);

  // Episodes (lower-case header)
  const ep = await store.db.selectFrom('la_episode').selectAll().where('child_id', '=', 'C001').orderBy('decom').execute();
  assert.deepEqual(ep[0], {
    child_id: 'C001', decom: '2024-04-01', rne: 'S', ls: 'C2', cin: 'N1', place: 'U4', place_provider: 'PR1', dec: '2024-09-15',
    rec: 'X1', reason_place_change: 'CARPL', home_post: 'AB1 2CD', pl_post: 'AB3 4EF', urn: 'SC123456', returns: [2024],
  });
  assert.equal(ep[1]?.dec, null);
  assert.equal(await count(store, 'la_episode'), 4);

  // Missing (columns in another order) with the return home interview joined on
  const m = await store.db.selectFrom('missing_episode').selectAll().where('child_id', '=', 'C001').where('mis_start', '=', '2024-10-05').executeTakeFirstOrThrow();
  assert.deepEqual(
    { ...m },
    {
      child_id: 'C001', mis_start: '2024-10-05', missing: 'M', mis_end: '2024-10-07', looked_after: true, start_time: '21:30:00',
      rhi_offered: '2024-10-08', rhi_completed: '2024-10-09', rhi_declined: null, exploitation_risk: 'CCE', themes: ['PEERS', 'SUBSTANCES'], returns: [2024],
    },
  );
  const c3 = await store.db.selectFrom('missing_episode').selectAll().where('child_id', '=', 'C003').executeTakeFirstOrThrow();
  assert.equal(c3.start_time, '07:05:00');
  assert.equal(c3.rhi_declined, '2024-12-17');
  assert.equal(c3.exploitation_risk, 'NONE');
  const home = await store.db.selectFrom('missing_episode').select(['looked_after', 'rhi_offered']).where('child_id', '=', 'H001').orderBy('mis_start').execute();
  assert.deepEqual(home, [{ looked_after: false, rhi_offered: null }, { looked_after: false, rhi_offered: '2025-02-03' }]);

  // OC3 keyed by the collection year read from the folder name ssda903_2025
  assert.deepEqual(await store.db.selectFrom('oc3').selectAll().execute(), [{ child_id: 'C002', fy: 2024, in_touch: 'YES', activ: 'G5', accom: 'D1', returns: [2024] }]);
  assert.deepEqual(await store.db.selectFrom('leaver_activity').selectAll().orderBy('start_date').execute(), [
    { child_id: 'C002', start_date: '2025-09-01', end_date: '2025-12-31', activ: 'F2' },
    { child_id: 'C002', start_date: '2025-12-31', end_date: null, activ: 'G5' },
  ]);

  // EHCP requests and advice
  const r2 = await store.db.selectFrom('ehcp_request').selectAll().where('request_id', '=', 'R2').executeTakeFirstOrThrow();
  assert.deepEqual(
    { ...r2 },
    {
      request_id: 'R2', person_id: 'P2', person_birth_date: '2018-01-20', sex: 'F', received_date: '2024-03-01', request_outcome_date: '2024-04-05',
      request_outcome: 'Y', assessment_outcome_date: '2024-06-01', assessment_outcome: 'Y', week20: true, exception_reason: 'PERSONAL_CIRCUMSTANCES',
      draft_plan_date: '2024-07-01', start_date: '2024-08-30', sen_type: 'SLCN',
      // Only the SEN2 return fills these (setting, cessation, last annual review).
      sen_setting: null, cease_date: null, cease_reason: null, last_review: null,
    },
  );
  const r4 = await store.db.selectFrom('ehcp_request').select(['sex', 'request_outcome', 'week20']).where('request_id', '=', 'R4').executeTakeFirstOrThrow();
  assert.deepEqual({ ...r4 }, { sex: null, request_outcome: 'A', week20: false });
  assert.deepEqual(await store.db.selectFrom('ehcp_advice').selectAll().where('partner', '=', 'social_care').execute(), [
    { request_id: 'R2', partner: 'social_care', requested_date: '2024-04-06', received_date: null },
  ]);

  // Strategy, committee, benchmarks
  assert.deepEqual(await store.db.selectFrom('priority').select(['priority_id', 'title']).orderBy('priority_id').execute(), [
    { priority_id: 'P1', title: 'Timely EHC plans' },
    { priority_id: 'P2', title: 'Care leavers in work or learning' },
  ]);
  const a2 = await store.db.selectFrom('strategy_action').select(['title', 'due_date', 'status', 'rag']).where('action_id', '=', 'A2').executeTakeFirstOrThrow();
  assert.deepEqual({ ...a2 }, { title: 'Weekly panel, with health partners present', due_date: null, status: 'not_started', rag: null });
  const history = await store.db.selectFrom('action_update').select(['action_id', 'by_user', 'rag', 'status']).orderBy('action_id').execute();
  assert.deepEqual(history.map((h) => ({ ...h })), [
    { action_id: 'A1', by_user: 'officer', rag: 'amber', status: 'in_progress' },
    { action_id: 'A2', by_user: 'officer', rag: null, status: 'not_started' },
    { action_id: 'A3', by_user: 'officer', rag: 'green', status: 'complete' },
  ]);
  const ca2 = await store.db.selectFrom('committee_action').select(['status', 'response', 'due_date']).where('committee_action_id', '=', 'CA2').executeTakeFirstOrThrow();
  assert.deepEqual({ ...ca2 }, { status: 'done', response: 'Covered in the June report', due_date: null });
  assert.deepEqual(await store.db.selectFrom('benchmark').selectAll().orderBy('area').orderBy('indicator_id').execute(), [
    { indicator_id: 'care_leavers_neet', area: 'England', fy: 2024, value: 38 },
    { indicator_id: 'ehcp_20_weeks', area: 'England', fy: 2023, value: 50.3 },
    { indicator_id: 'ehcp_20_weeks', area: 'Statistical neighbours', fy: 2023, value: 48.1 },
  ]);

  const run = await store.db.selectFrom('import_run').selectAll().where('id', '=', result.runId).executeTakeFirstOrThrow();
  assert.equal(run.status, 'accepted');
  assert.equal(run.by_user, 'officer');
  assert.equal(run.rows, 33);
  assert.ok(run.finished_at);
});

test('importing the same files again changes nothing', async () => {
  const before = await snapshot(store);
  const result = await importDirectory(store, VALID_DIR, { user: 'someone else' });
  assert.equal(result.status, 'accepted');
  assert.deepEqual(await snapshot(store), before);
});

test('a changed RAG or status adds one history row by the importing user; unchanged actions add none', async () => {
  const strategy = csv(
    'PriorityID,PriorityTitle,ActionID,Action,Owner,DueDate,Status,RAG',
    'P1,Timely EHC plans,A1,Recruit two educational psychologists,Head of SEND,31/03/2025,in_progress,red',
    'P1,Timely EHC plans,A2,"Weekly panel, with health partners present",Head of SEND,,in_progress,',
    'P2,Care leavers in work or learning,A3,Ring-fenced apprenticeships in the council,Leaving Care Manager,30/09/2025,complete,green',
  );
  const before = await count(store, 'action_update');
  const result = await importFiles(store, [{ name: 'strategy-march.csv', content: strategy }], { user: 'j.bloggs' });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
  const added = await store.db.selectFrom('action_update').select(['action_id', 'by_user', 'rag', 'status', 'comment']).where('by_user', '=', 'j.bloggs').orderBy('action_id').execute();
  assert.deepEqual(added.map((a) => ({ ...a })), [
    { action_id: 'A1', by_user: 'j.bloggs', rag: 'red', status: 'in_progress', comment: 'Changed by import' },
    { action_id: 'A2', by_user: 'j.bloggs', rag: null, status: 'in_progress', comment: 'Changed by import' },
  ]);
  assert.equal(await count(store, 'action_update'), before + 2);
  const a1 = await store.db.selectFrom('strategy_action').select('rag').where('action_id', '=', 'A1').executeTakeFirstOrThrow();
  assert.equal(a1.rag, 'red');
});

test('the --year option overrides the folder name and keys OC3 by that year', async () => {
  const result = await importFiles(store, [fixture('ssda903_2025/oc3.csv')], { user: 'officer', year: 2025 });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
  const years = await store.db.selectFrom('oc3').select('fy').where('child_id', '=', 'C002').orderBy('fy').execute();
  assert.deepEqual(years.map((y) => y.fy), [2024, 2025]);
});

test('a key in two collection years: the later return wins, whatever the file order', async () => {
  const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
  const result = await importFiles(store, [
    { name: 'ssda903_2026/episodes.csv', content: csv(EPISODES, 'C003,01/05/2024,S,C1,N5,U6,PR5,01/07/2025,E13,,AB1 2CD,AB3 4EF,') },
    { name: 'ssda903_2025/episodes.csv', content: csv(EPISODES, 'C003,01/05/2024,S,C1,N5,U6,PR5,,,,XY1 1XY,AB3 4EF,') },
  ], { user: 'officer' });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
  const ep = await store.db.selectFrom('la_episode').select(['home_post', 'dec', 'rec']).where('child_id', '=', 'C003').executeTakeFirstOrThrow();
  assert.deepEqual({ ...ep }, { home_post: 'AB1 2CD', dec: '2025-07-01', rec: 'E13' });
});

test('an SSDA903 file with no year anywhere is refused', async () => {
  const before = await snapshot(store);
  const oc3 = fixture('ssda903_2025/oc3.csv');
  const result = await importFiles(store, [{ name: 'oc3.csv', content: oc3.content }], { user: 'officer' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.rule]), [['oc3.csv', 1, 'year']]);
  assert.deepEqual(await snapshot(store), before);
});
