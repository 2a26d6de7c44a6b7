// One officer's hostile upload must not freeze everyone else (issue 12, item 2). On the real
// server, while an officer uploads a hostile file, a councillor's requests (each reads the store
// for the session) keep being answered. A file refused by its first line (a million columns, one
// 9 MB line) is refused before the run takes the store; a 9 MB file refused only once read whole
// (every row wrong) is read before the run's transaction, which on PGlite holds the store's only
// connection. No clocks: the councillor's answers are counted while the upload is in flight.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';
import type { Store } from '../../src/store/open.ts';
import { startTestServer, type RunningApp } from './harness.ts';

let store: Store;
let running: RunningApp;
let officer: SignedIn;
let councillor: SignedIn;
before(async () => {
  store = await openTestStore();
  running = await startTestServer({ store, asOf: '2026-03-31' });
  officer = await signIn(running.app, 'officer');
  councillor = await signIn(running.app, 'councillor');
});
after(async () => {
  await running.close();
  await store.close();
});

interface Upload {
  status: number;
  body: { status: string; errors: { file: string; row: number; field: string; rule: string; message: string }[] };
  /** The councillor's requests answered between the upload being sent and its answer. */
  answeredDuring: number;
}

/** The officer uploads `content` over HTTP while the councillor asks for their session, again and again. */
async function uploadWhileOthersAsk(name: string, content: string): Promise<Upload> {
  const form = new FormData();
  form.append('files', new Blob([content], { type: 'text/csv' }), name);
  let done = false;
  const upload = fetch(`${running.url}/api/imports`, { method: 'POST', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken }, body: form }).then(async (res) => {
    done = true;
    return { status: res.status, body: (await res.json()) as Upload['body'] };
  });
  let answeredDuring = 0;
  while (!done) {
    const res = await fetch(`${running.url}/api/session`, { headers: { cookie: councillor.cookie } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { user?: { role: string } }).user?.role, 'councillor', 'the councillor is answered as signed in');
    if (!done) answeredDuring++;
  }
  return { ...(await upload), answeredDuring };
}

test('a header of a million columns (9.9 MB) is refused by its first line, naming the limit, and the councillor is answered', async () => {
  const header = 'column_x,'.repeat(999_999) + 'column_x';
  const up = await uploadWhileOthersAsk('wide.csv', `${header}\n1\n`);
  assert.equal(up.status, 422);
  assert.deepEqual(up.body.errors.map((e) => [e.file, e.row, e.rule]), [['wide.csv', 1, 'limit']]);
  assert.match(up.body.errors[0]!.message, /longer than 64 KiB.*MAX_LINE_BYTES/);
});

test('a single 9 MB line is refused by its first line, naming the limit', async () => {
  const up = await uploadWhileOthersAsk('line.csv', 'x'.repeat(9 << 20));
  assert.equal(up.status, 422);
  assert.deepEqual(up.body.errors.map((e) => [e.file, e.row, e.rule]), [['line.csv', 1, 'limit']]);
});

test('while a 9 MB file of wrong rows is read and refused, the councillor keeps being answered', async () => {
  const header = 'ActionID,MeetingDate,Committee,Item,Action,Responsible,DueDate,Status,Response';
  const item = 'An item of the agenda long enough that the file is big with few rows. '.repeat(6);
  const rows = Array.from({ length: 18_000 }, (_, i) => `CA${i},not a date,Scrutiny,${item}${i},Report on the figures,Director,not a date either,open,`);
  const content = [header, ...rows].join('\n') + '\n';
  assert.ok(content.length > 8 << 20, 'big enough to be read in a worker thread');
  const up = await uploadWhileOthersAsk('case/committee.csv', content);
  assert.equal(up.status, 422);
  assert.equal(up.body.status, 'rejected');
  assert.deepEqual(up.body.errors[0]!.field, 'MeetingDate');
  // Before, the file was read inside the run's transaction: on PGlite every request waited for it,
  // and only the few sent while the upload was still arriving were answered (5 when measured).
  assert.ok(up.answeredDuring >= 50, `the councillor was answered ${up.answeredDuring} times while the file was read`);
  assert.equal(await store.db.selectFrom('committee_action').select('committee_action_id').executeTakeFirst(), undefined, 'nothing stored');
});
