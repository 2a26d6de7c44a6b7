// The strategy update paper: under each priority's actions, what children and young people told
// us in the 12 months to the meeting, with public suppression (1-5 as "<6", quotes only from
// groups of 6 or more), since the paper is Part 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionPlanReport } from '../../src/reports/index.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import { COMMITTEE, insertActions, MEETING } from './fixtures.ts';
import { pdfText, sharedStore, textOf } from './report-helpers.ts';

type Feedback = NewRow<'voice_feedback'>;
const feedback = (feedback_id: string, received_date: string, priority_id: string, themes: string[], participants: number, summary: string, more: Partial<Feedback> = {}): Feedback =>
  ({ feedback_id, received_date, source: 'survey', priority_id, themes, sentiment: 'mixed', participants, summary, ...more });

async function fill(store: Store): Promise<void> {
  await insertActions(store);
  await store.db.insertInto('voice_feedback').values([
    feedback('F1', '2026-10-01', 'P1', ['SEND'], 30, 'Most said their plan arrived too late for the new school year.', {
      sentiment: 'negative', you_said_we_did: 'We agreed a health advice protocol to speed plans up.', response_date: '2026-11-01', action_id: 'A1',
    }),
    feedback('F2', '2026-11-15', 'P1', ['BEING_HEARD'], 1, 'Nobody explained my plan to me.', { source: 'advocacy', sentiment: 'negative' }),
    feedback('F3', '2026-06-01', 'P2', ['MONEY'], 8, 'Money runs out before the end of the month.', { source: 'youth_council' }),
    feedback('F4', '2025-06-01', 'P2', ['HOME'], 40, 'Older feedback, before the twelve months.', { sentiment: 'positive' }),
    feedback('F5', '2026-12-20', 'P2', ['MONEY'], 12, 'Given after the meeting.'),
  ]).execute();
}

const store = sharedStore(fill);
/** A voice box's text, entities decoded ("<6" is escaped in the HTML). */
const voice = (html: string, priority: string) => textOf(html, 'section', `voice-${priority}`).replaceAll('&lt;', '<');

test('each priority has the voice of the child beside its actions, suppressed for publication', async () => {
  const { html } = await actionPlanReport(store(), { meetingDate: MEETING, committee: COMMITTEE });
  const p1 = voice(html, 'P1');
  assert.match(p1, /^What children and young people told us In the 12 months to 10 December 2026, 31 children and young people gave <6 pieces of feedback on this priority; <6 have had a "you said, we did" response\./);
  assert.match(p1, /Themes: Support for special educational needs \(30\); Being listened to \(<6\)\./);
  assert.match(p1, /How they felt: negative 31\./);
  assert.match(p1, /“Most said their plan arrived too late for the new school year\.” \(Survey; Support for special educational needs\) We did: We agreed a health advice protocol/);
  assert.ok(!html.includes('Nobody explained my plan'), 'one voice on being listened to: not printed');
  const p2 = voice(html, 'P2');
  assert.match(p2, /8 children and young people gave <6 pieces/);
  assert.match(p2, /“Money runs out before the end of the month\.”/);
  assert.ok(!html.includes('Older feedback') && !html.includes('after the meeting'), 'only the 12 months to the meeting');
  assert.match(html, /39 children and young people gave feedback on the Strategy's priorities in the 12 months to 10 December 2026/);
  // The box follows its priority's table and comes before the next priority.
  const at = (s: string) => html.indexOf(s);
  assert.ok(at('id="priority-P1"') < at('id="voice-P1"') && at('id="voice-P1"') < at('4.2 ') && at('4.2 ') < at('id="voice-P2"'));
});

test('the voice covers the 12 months to the meeting whichever previous meeting the RAG is compared with', async () => {
  const plain = await actionPlanReport(store(), { meetingDate: MEETING, committee: COMMITTEE });
  const earlier = await actionPlanReport(store(), { meetingDate: MEETING, previousMeetingDate: '2026-06-20', committee: COMMITTEE });
  for (const p of ['P1', 'P2']) assert.equal(voice(earlier.html, p), voice(plain.html, p));
  const later = await actionPlanReport(store(), { meetingDate: '2027-01-15', committee: COMMITTEE });
  assert.match(voice(later.html, 'P2'), /20 children and young people gave <6 pieces/, 'a later meeting takes in F5');
});

test('a priority with no feedback says so; the PDF carries the section', async () => {
  await store().db.deleteFrom('voice_feedback').where('priority_id', '=', 'P2').execute();
  const { html } = await actionPlanReport(store(), { meetingDate: MEETING, committee: COMMITTEE });
  assert.match(voice(html, 'P2'), /No feedback from children and young people was recorded against this priority in the 12 months to 10 December 2026\./);
  const { text } = await pdfText(html, 'actions-voice');
  assert.match(text, /What children and young people told us/);
  assert.match(text, /Most said their plan arrived too late/);
});
