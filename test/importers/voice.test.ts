// The voice of the child importer: valid feedback lands as written; each kind of bad row is
// refused with its file, row, field and rule, and a refused run leaves every table unchanged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { FEEDBACK_HEADER, feedbackFile, strategyFile } from '../fixtures/voice/index.ts';
import { csv } from './helpers.ts';

const FILE = 'voice/feedback.csv';
const STRATEGY_HEADER = 'PriorityID,PriorityTitle,ActionID,Action,Owner,DueDate,Status,RAG';

/** A feedback row from its cells, blanks where not given. */
function row(cells: Partial<Record<'id' | 'date' | 'source' | 'priority' | 'themes' | 'sentiment' | 'age' | 'care' | 'n' | 'summary' | 'yswd' | 'responded' | 'action', string>>): string {
  const c = { id: 'X1', date: '01/02/2025', source: 'survey', priority: 'P1', themes: 'SEND', sentiment: '', age: '', care: '', n: '', summary: 'Plans take too long.', yswd: '', responded: '', action: '', ...cells };
  return [c.id, c.date, c.source, c.priority, c.themes, c.sentiment, c.age, c.care, c.n, c.summary, c.yswd, c.responded, c.action]
    .map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
    .join(',');
}
const feedback = (...rows: string[]): ImportFile => ({ name: FILE, content: csv(FEEDBACK_HEADER, ...rows) });

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

async function tables(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of ['voice_feedback', 'priority', 'strategy_action', 'action_update']) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(store.db);
    out[t] = rows.map((r) => JSON.stringify({ ...r, at: undefined, updated_at: undefined, id: undefined })).sort();
  }
  return out;
}

type Where = [file: string, row: number, field: string, rule: string];

async function rejects(files: ImportFile[], expected: Where[], message?: RegExp): Promise<string[]> {
  const before = await tables();
  const result = await importFiles(store, files, { user: 'tester' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.field, e.rule]), expected);
  if (message) assert.match(result.errors[0]!.message, message);
  assert.deepEqual(await tables(), before, 'nothing was stored');
  return result.errors.map((e) => e.message);
}

describe('valid feedback', () => {
  test('with its strategy in the same run: every row stored with its codes, dates and links', async () => {
    const result = await importFiles(store, [feedbackFile(), strategyFile()], { user: 'officer' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
    assert.deepEqual(result.files.map((f) => [f.table, f.rows]), [['Voice of the child feedback', 9], ['Strategy actions', 3]]);
    const rows = await store.db.selectFrom('voice_feedback').selectAll().orderBy('feedback_id').execute();
    assert.equal(rows.length, 9);
    assert.deepEqual(rows[0], {
      feedback_id: 'V01', received_date: '2025-01-10', source: 'survey', priority_id: 'P2', themes: ['INDEPENDENCE', 'MONEY'],
      sentiment: 'positive', age_band: '16_TO_17', care_experienced: false, participants: 40,
      summary: 'Most care leavers who answered said their personal adviser helps them plan for the future.',
      you_said_we_did: 'We kept the same personal adviser from 16 to 25, as you asked.', response_date: '2025-02-20', action_id: 'A3',
    });
    const v03 = rows.find((r) => r.feedback_id === 'V03')!;
    assert.deepEqual(v03.themes, ['SEND', 'INFORMATION'], 'codes matched without regard to case, in file order');
    assert.equal(v03.received_date, '2025-03-01', 'ISO dates accepted too');
    assert.equal(v03.summary, 'The letters about EHC plans are hard to understand, and nobody explains them.');
    const v07 = rows.find((r) => r.feedback_id === 'V07')!;
    assert.equal(v07.participants, 1, 'blank participants: one child');
    assert.equal(v07.sentiment, 'negative');
    assert.equal(rows.find((r) => r.feedback_id === 'V02')!.care_experienced, true);
    assert.equal(rows.find((r) => r.feedback_id === 'V08')!.action_id, null);
  });

  test('again on its own: the priorities are found in the store and nothing changes', async () => {
    const before = await tables();
    const result = await importFiles(store, [feedbackFile()], { user: 'officer' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
    assert.deepEqual(await tables(), before);
  });

  test('a later file updates a row by FeedbackID (a response added)', async () => {
    const result = await importFiles(store, [feedback(row({ id: 'V04', date: '28/03/2025', source: 'advocacy', themes: 'BEING_HEARD', summary: 'Nobody asked me what I wanted before my review.', yswd: 'Your advocate now meets you before every review.', responded: '30/03/2025' }))], { user: 'officer' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
    const v04 = await store.db.selectFrom('voice_feedback').selectAll().where('feedback_id', '=', 'V04').executeTakeFirstOrThrow();
    assert.equal(v04.you_said_we_did, 'Your advocate now meets you before every review.');
    assert.equal(v04.response_date, '2025-03-30');
    assert.equal(await store.db.selectFrom('voice_feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)), 9);
  });
});

describe('refused feedback', () => {
  test('a priority that is neither imported nor stored, named in the message', async () => {
    await rejects([feedback(row({ id: 'X1' }), row({ id: 'X2', priority: 'P9' }))], [[FILE, 3, 'PriorityID', 'priority-exists']], /There is no strategy priority P9/);
  });

  test('a theme code not in the list, and a row with no theme', async () => {
    await rejects([feedback(row({ id: 'X1', themes: 'SEND;FOOTBALL' }), row({ id: 'X2', themes: '' }))], [
      [FILE, 2, 'Themes', 'code'],
      [FILE, 3, 'Themes', 'required'],
    ], /"FOOTBALL" is not a valid code/);
  });

  test('codes for source, sentiment and age band', async () => {
    await rejects([feedback(row({ source: 'focus_group', sentiment: 'happy', age: '5-9' }))], [
      [FILE, 2, 'Source', 'code'],
      [FILE, 2, 'Sentiment', 'code'],
      [FILE, 2, 'AgeBand', 'code'],
    ]);
  });

  test('text that looks like a personal identifier, without copying it into the error', async () => {
    const identifiers = [
      'Email me at sam.jones@example.org about it',
      'My UPN is A123456789012',
      'NHS number 943 476 5919',
      'Ring my foster carer on 07700 900123',
      'I live at NB1 4AB with my nan',
      'I was born on 14/05/2010',
    ];
    const messages = await rejects(
      [feedback(...identifiers.map((summary, i) => row({ id: `X${i}`, summary })), row({ id: 'Y1', yswd: 'Call +44 161 496 0000 for help', responded: '02/02/2025' }))],
      [...identifiers.map((_, i): Where => [FILE, i + 2, 'Summary', 'personal-identifier']), [FILE, 8, 'YouSaidWeDid', 'personal-identifier']],
    );
    assert.deepEqual(
      messages.map((m) => /holds (an? [^.]+)\./.exec(m)?.[1]),
      ['an email address', 'a unique pupil number (UPN)', 'an NHS number', 'a phone number', 'a postcode', 'a date of birth', 'a phone number'],
    );
    for (const m of messages) {
      assert.match(m, /must be anonymised before import/);
      for (const id of ['sam.jones', 'A123456789012', '943 476 5919', '07700', 'NB1 4AB', '14/05/2010', '496 0000']) assert.ok(!m.includes(id), m);
    }
  });

  test('an action that does not exist, and one under another priority', async () => {
    await rejects([feedback(row({ id: 'X1', action: 'A99' }), row({ id: 'X2', priority: 'P1', action: 'A3' }))], [
      [FILE, 2, 'ActionID', 'action-exists'],
      [FILE, 3, 'ActionID', 'action-priority'],
    ], /There is no strategy action A99/);
  });

  test('an action moved to another priority in the same run is judged by its new priority', async () => {
    // A3 is stored under P2; this run moves it to P1, so feedback on P2 naming A3 is refused.
    await rejects(
      [{ name: 'strategy.csv', content: csv(STRATEGY_HEADER, 'P1,Timely EHC plans,A3,Ring-fenced apprenticeships in the council,Leaving Care Manager,30/09/2025,complete,green') },
        feedback(row({ id: 'X1', priority: 'P2', themes: 'MONEY', action: 'A3' }))],
      [[FILE, 2, 'ActionID', 'action-priority']],
      /Action A3 is under priority P1, not P2/,
    );
  });

  test('a response without its date, a date without its response, a response before the feedback', async () => {
    await rejects([feedback(row({ id: 'X1', yswd: 'We changed it.' }), row({ id: 'X2', responded: '02/02/2025' }), row({ id: 'X3', yswd: 'We changed it.', responded: '31/01/2025' }))], [
      [FILE, 2, 'ResponseDate', 'required'],
      [FILE, 3, 'YouSaidWeDid', 'required'],
      [FILE, 4, 'ResponseDate', 'end-before-start'],
    ]);
  });

  test('participants that are not a whole number from 1', async () => {
    await rejects([feedback(row({ id: 'X1', n: '0' }), row({ id: 'X2', n: '2.5' }), row({ id: 'X3', n: 'lots' }))], [
      [FILE, 2, 'Participants', 'participants'],
      [FILE, 3, 'Participants', 'participants'],
      [FILE, 4, 'Participants', 'number'],
    ]);
  });

  test('a blank summary, a future date and a FeedbackID given twice', async () => {
    await rejects([feedback(row({ id: 'X1', summary: '' }), row({ id: 'X2', date: '01/01/2999' }), row({ id: 'X3' }), row({ id: 'X3' }))], [
      [FILE, 2, 'Summary', 'required'],
      [FILE, 3, 'Date', 'future-date'],
      [FILE, 5, 'FeedbackID', 'duplicate'],
    ]);
  });

  test('one bad feedback row refuses the whole run, the good strategy file with it', async () => {
    const strategy = { name: 'strategy.csv', content: csv(STRATEGY_HEADER, 'P3,Safer children,A7,Contextual safeguarding,Head of Safeguarding,,in_progress,amber') };
    await rejects([strategy, feedback(row({ id: 'X1', priority: 'P3', themes: 'FEELING_SAFE', action: 'A7' }), row({ id: 'X2', priority: 'P3', themes: 'NOPE' }))], [
      [FILE, 3, 'Themes', 'code'],
    ]);
    assert.equal(await store.db.selectFrom('priority').select('priority_id').where('priority_id', '=', 'P3').executeTakeFirst(), undefined);
  });
});
