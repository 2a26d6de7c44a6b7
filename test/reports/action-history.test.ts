// The strategy action history file: past reviews imported with their dates, so the action plan
// paper compares each action's rating with its rating at the last meeting and prints the latest note.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importFiles } from '../../src/importers/index.ts';
import { actionPlanReport } from '../../src/reports/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv } from '../importers/helpers.ts';
import { textOf } from './report-helpers.ts';

const COMMITTEE = "Children's Services Overview and Scrutiny Committee";
const MEETING = '2026-11-20';
const PREVIOUS = '2026-09-15';

const STRATEGY = csv(
  'PriorityID,PriorityTitle,ActionID,Action,Owner,DueDate,Status,RAG',
  'P1,SEND,A1,Recruit two educational psychologists,Principal Educational Psychologist,31/03/2027,in_progress,green',
  'P1,SEND,A2,Agree an advice standard with health,Designated Clinical Officer,31/01/2027,in_progress,red',
);
const HISTORY = csv(
  'ActionID,UpdateDate,RAG,Status,Note,UpdatedBy',
  'A1,01/08/2026,amber,in_progress,One post filled; the second advertised again.,Principal Educational Psychologist',
  'A1,10/10/2026,green,in_progress,Both posts filled; starting in January.,Principal Educational Psychologist',
  'A2,01/09/2026,red,in_progress,Health have not replied to the draft standard.,',
);

let store: Store;
before(async () => {
  store = await openTestStore();
  const files = [{ name: 'actions.csv', content: STRATEGY }, { name: 'action_history.csv', content: HISTORY }];
  for (let i = 0; i < 2; i++) {
    // Twice: the same file again adds nothing.
    const result = await importFiles(store, files, { user: 'importer' });
    assert.deepEqual(result.errors, []);
  }
});
after(() => store?.close());

test('an action Amber before the last meeting and Green since shows Improved, with its latest note and date', async () => {
  const { html } = await actionPlanReport(store, { meetingDate: MEETING, previousMeetingDate: PREVIOUS, committee: COMMITTEE });
  assert.match(textOf(html, 'tr', 'update-A1'), /^Latest update \(10 October 2026\): Both posts filled; starting in January\.$/);
  assert.match(textOf(html, 'tr', 'action-A1'), /Amber Green Improved$/);
  assert.match(textOf(html, 'tr', 'action-A2'), /Red Red No change$/);
  assert.match(html, /Since 15 September 2026, 1 improved and 0 worsened/);
});

test('each history row is kept once, by its author (the importing user when blank), and never replaces a note', async () => {
  const rows = await store.db
    .selectFrom('action_update')
    .select(['action_id', 'by_user', 'rag', 'comment'])
    .where('comment', 'not like', '%by import')
    .orderBy('action_id')
    .orderBy('at')
    .execute();
  assert.deepEqual(rows, [
    { action_id: 'A1', by_user: 'Principal Educational Psychologist', rag: 'amber', comment: 'One post filled; the second advertised again.' },
    { action_id: 'A1', by_user: 'Principal Educational Psychologist', rag: 'green', comment: 'Both posts filled; starting in January.' },
    { action_id: 'A2', by_user: 'importer', rag: 'red', comment: 'Health have not replied to the draft standard.' },
  ]);
});

test('a history row for an action that does not exist is refused, naming the file, row and field', async () => {
  const result = await importFiles(store, [{ name: 'action_history.csv', content: csv('ActionID,UpdateDate,RAG,Status,Note,UpdatedBy', 'A9,01/08/2026,amber,in_progress,,') }], { user: 'importer' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.field, e.rule]), [['action_history.csv', 2, 'ActionID', 'action-exists']]);
});
