// The synthetic voice of the child feedback: linked to the strategy the generator writes, dated
// inside the window, free of anything that looks like an identifier, and accepted by the importer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personalIdentifierIn } from '../../src/core/voice.ts';
import type { TextWriter } from '../../src/generate/csv.ts';
import { areaContext, generate } from '../../src/generate/index.ts';
import { windowFor } from '../../src/generate/scales.ts';
import { generateVoice, VOICE_FILE } from '../../src/generate/voice.ts';
import { importFiles } from '../../src/importers/index.ts';
import { openTestStore } from '../helpers.ts';
import { iso, readCsv, type Row } from './helpers.ts';

const AS_OF = '2026-03-31';
const root = mkdtempSync(join(tmpdir(), 'csinsight-voice-'));
let rows: Row[];
let actions: Row[];

before(async () => {
  await generate({ scale: 'small', seed: 3, outDir: root, asOf: AS_OF });
  rows = readCsv(root, VOICE_FILE).rows;
  actions = readCsv(root, 'strategy/actions.csv').rows;
});
after(() => rmSync(root, { recursive: true, force: true }));

test('about 40 pieces a year over the three collection years, in date order, none after asOf', () => {
  assert.ok(rows.length >= 110 && rows.length <= 130, `${rows.length} rows`);
  const dates = rows.map((r) => iso(r.Date));
  assert.deepEqual(dates, [...dates].sort());
  assert.ok(dates[0]! >= '2023-04-01' && dates.at(-1)! <= AS_OF);
  assert.equal(new Set(rows.map((r) => r.FeedbackID)).size, rows.length);
});

test('every priority and action is one the strategy file holds, each action under its own priority', () => {
  const priorityOf = new Map(actions.map((a) => [a.ActionID!, a.PriorityID!]));
  const priorities = new Set(priorityOf.values());
  for (const r of rows) {
    assert.ok(priorities.has(r.PriorityID!), r.PriorityID);
    if (r.ActionID) assert.equal(priorityOf.get(r.ActionID), r.PriorityID, r.FeedbackID);
  }
  assert.equal(new Set(rows.map((r) => r.PriorityID)).size, priorities.size, 'feedback on every priority');
  assert.ok(rows.some((r) => r.ActionID), 'some feedback is linked to an action');
});

test('responses follow their feedback; recent feedback is still waiting; no text looks like an identifier', () => {
  const answered = rows.filter((r) => r.YouSaidWeDid);
  assert.ok(answered.length > rows.length / 2 && answered.length < rows.length, `${answered.length} of ${rows.length} answered`);
  for (const r of answered) assert.ok(iso(r.ResponseDate) >= iso(r.Date) && iso(r.ResponseDate) <= AS_OF, r.FeedbackID);
  assert.ok(rows.filter((r) => iso(r.Date) > '2026-02-14').every((r) => !r.YouSaidWeDid));
  for (const r of rows) {
    assert.equal(personalIdentifierIn(r.Summary!), null, r.Summary);
    assert.equal(personalIdentifierIn(r.YouSaidWeDid!), null, r.YouSaidWeDid);
  }
  const surveys = rows.filter((r) => r.Source === 'survey');
  assert.ok(surveys.length > 0 && surveys.every((r) => Number(r.Participants) >= 25 && /^\d+% of the \d+ who answered said they /.test(r.Summary!)));
});

test('the importer accepts it with the strategy file', async () => {
  const store = await openTestStore();
  try {
    const files = ['strategy/actions.csv', VOICE_FILE].map((name) => ({ name, content: readFileSync(join(root, name), 'utf8') }));
    const result = await importFiles(store, files, { user: 'seed' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors.slice(0, 3)));
    const stored = await store.db.selectFrom('voice_feedback').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), rows.length);
  } finally {
    await store.close();
  }
});

test('LA scale: about 300 a year, written as a stream', () => {
  const dir = join(root, 'la');
  const writers: TextWriter[] = [];
  generateVoice(areaContext({ scale: 'la', seed: 3, outDir: dir, win: windowFor(AS_OF), name: 'voice', writers }));
  for (const w of writers) w.close();
  assert.equal(writers.length, 1);
  assert.ok(writers[0]!.rows >= 850 && writers[0]!.rows <= 950, `${writers[0]!.rows} rows`);
});
