import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionPlanReport } from '../../src/reports/index.ts';
import { COMMITTEE, insertActions, MEETING } from './fixtures.ts';
import { pdfText, sharedStore, textOf } from './report-helpers.ts';

const store = sharedStore(insertActions);
const row = (html: string, id: string) => textOf(html, 'tr', id);

test('RAG now and at the last meeting, with the change between them', async () => {
  const { html, title } = await actionPlanReport(store(), { meetingDate: MEETING, committee: COMMITTEE });
  assert.equal(title, "Children's Services Strategy: action plan update, 10 December 2026");
  assert.match(html, /RAG at 15 September 2026/, 'the previous meeting is found on the register');
  assert.match(row(html, 'action-A1'), /Amber Red Worsened$/);
  assert.match(row(html, 'update-A1'), /^Latest update \(20 November 2026\): The ICB has not yet signed the protocol\.$/);
  assert.match(row(html, 'action-A2'), /Red Green Improved$/);
  assert.match(row(html, 'action-A3'), /Green Green No change$/);
  assert.match(row(html, 'action-A4'), /Not rated Amber Not rated before$/);
  assert.match(row(html, 'action-A5'), /Green Green No change$/, 'a change after the meeting date is not counted');
  assert.match(html, /Since 15 September 2026, 1 improved and 1 worsened/);
});

test('overdue actions are those past due and not complete', async () => {
  const { html } = await actionPlanReport(store(), { meetingDate: MEETING, committee: COMMITTEE });
  const overdue = /<table class="data" id="overdue">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  assert.match(overdue, /Agree a health advice protocol/);
  assert.doesNotMatch(overdue, /apprenticeship|psychologists/);
  assert.match(html, /1 action is overdue/);
});

test('the register shows this committee\'s open items and those closed since the last meeting', async () => {
  const { html } = await actionPlanReport(store(), { meetingDate: MEETING, committee: COMMITTEE });
  assert.match(row(html, 'committee-CA1'), /Overdue Open$/);
  assert.match(row(html, 'committee-CA2'), /Done Reported in the briefing note\./);
  assert.ok(!html.includes('committee-CA3'), 'closed before the last meeting');
  assert.ok(!html.includes('committee-CA4'), 'another committee');
});

test('an earlier previous meeting date moves the comparison', async () => {
  const { html } = await actionPlanReport(store(), { meetingDate: MEETING, previousMeetingDate: '2026-06-20', committee: COMMITTEE });
  assert.match(html, /RAG at 20 June 2026/);
  assert.match(row(html, 'action-A3'), /Green Green No change$/);
  assert.match(row(html, 'action-A2'), /Not rated Green Not rated before$/);
  assert.ok(html.includes('id="committee-CA3"'), 'closed on 1 July, after that meeting, so shown');
});

test('the PDF reads as a Part 1 committee paper with the ratings in its text', async () => {
  const { html } = await actionPlanReport(store(), { meetingDate: MEETING, committee: COMMITTEE });
  const { text, pages } = await pdfText(html, 'actions');
  assert.ok(pages >= 2, 'cover page, then the plan');
  assert.match(text, /Part 1: Public/);
  assert.match(text, /Northbridge Council/);
  assert.match(text, /Page 1 of \d/);
  // The action's title wraps in its narrow column: its first words share the line with the ratings.
  assert.match(text, /A1\s+Agree a health.*Amber\s+Red\s+Worsened/);
  assert.match(text, /CA1/);
  assert.doesNotMatch(text, /CA4/);
});
