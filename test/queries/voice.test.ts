// Voice of the child queries on the hand-made fixture (test/fixtures/voice/feedback.csv), against
// answers worked out by hand. In the last 12 months (1 April 2024 to 31 March 2025):
//   P1: V03 (12, SEND+INFORMATION, mixed, answered), V04 (1, BEING_HEARD, negative), V05 (3, SEND,
//       positive), V07 (1, SEND, negative), V09 (8, EDUCATION, positive, answered)
//   P2: V01 (40, INDEPENDENCE+MONEY, positive, answered), V02 (4, FAMILY_CONTACT, negative),
//       V08 (10, MONEY, mixed, answered)
//   V06 (P2, June 2023) is outside the window.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTE_MIN_VOICES, quoteThreshold, showPriorityVoice } from '../../src/core/voice.ts';
import { countFormatter } from '../../src/server/present.ts';
import type { Store } from '../../src/store/open.ts';
import { feedbackResponses, priorityVoices, voiceByQuarter, voiceOverview } from '../../src/store/voice.ts';
import { openTestStore } from '../helpers.ts';
import { LAST_12_MONTHS, loadVoiceFixture } from '../fixtures/voice/index.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
  await loadVoiceFixture(store);
});
after(() => store.close());

const pick = <T extends { key: string | null; items: number; voices: number }>(rows: T[]) => rows.map((r) => [r.key, r.items, r.voices]);

test('overview: totals, every priority, themes by voices, sentiments and sources', async () => {
  const o = await voiceOverview(store, LAST_12_MONTHS);
  assert.deepEqual([o.items, o.voices, o.responded], [8, 79, 4]);
  assert.deepEqual(pick(o.byPriority), [['P1', 5, 25], ['P2', 3, 54]]);
  assert.deepEqual(o.byPriority.map((p) => p.label), ['Timely EHC plans', 'Care leavers in work or learning']);
  assert.deepEqual(pick(o.byTheme), [
    ['MONEY', 2, 50], ['INDEPENDENCE', 1, 40], ['SEND', 3, 16], ['INFORMATION', 1, 12], ['EDUCATION', 1, 8],
    ['FAMILY_CONTACT', 1, 4], ['BEING_HEARD', 1, 1],
  ]);
  assert.equal(o.byTheme[0]!.label, 'Money and cost of living');
  assert.deepEqual(pick(o.bySentiment), [['positive', 3, 51], ['mixed', 2, 22], ['negative', 3, 6], [null, 0, 0]]);
  assert.equal(o.bySentiment[3]!.label, 'Not recorded');
  assert.deepEqual(pick(o.bySource).filter(([, items]) => items !== 0), [
    ['survey', 2, 50], ['youth_council', 1, 12], ['children_in_care_council', 1, 4], ['participation_event', 1, 3],
    ['consultation', 1, 8], ['complaint_compliment', 1, 1], ['advocacy', 1, 1],
  ]);
});

test('an earlier window finds the 2023 survey and nothing else', async () => {
  const o = await voiceOverview(store, { from: '2023-04-01', to: '2024-03-31' });
  assert.deepEqual([o.items, o.voices], [1, 25]);
  assert.deepEqual(pick(o.byPriority), [['P1', 0, 0], ['P2', 1, 25]]);
});

test('voices by quarter, by priority and by theme', async () => {
  assert.deepEqual(await voiceByQuarter(store, LAST_12_MONTHS, 'priority'), [
    { start: '2024-10-01', key: 'P1', voices: 11 },
    { start: '2024-10-01', key: 'P2', voices: 10 },
    { start: '2025-01-01', key: 'P1', voices: 14 },
    { start: '2025-01-01', key: 'P2', voices: 44 },
  ]);
  const byTheme = await voiceByQuarter(store, LAST_12_MONTHS, 'theme');
  assert.deepEqual(byTheme.filter((r) => r.key === 'SEND'), [{ start: '2024-10-01', key: 'SEND', voices: 3 }, { start: '2025-01-01', key: 'SEND', voices: 13 }]);
});

test('each priority: counts, themes, sentiments and its three latest quotes for an officer', async () => {
  const all = await priorityVoices(store, LAST_12_MONTHS, { quotes: 3, minCrowd: quoteThreshold(false) });
  const p1 = all.get('P1')!;
  assert.deepEqual([p1.items, p1.voices, p1.responded], [5, 25, 2]);
  assert.deepEqual(pick(p1.themes), [['SEND', 3, 16], ['INFORMATION', 1, 12], ['EDUCATION', 1, 8], ['BEING_HEARD', 1, 1]]);
  assert.deepEqual(pick(p1.sentiments), [['positive', 2, 11], ['mixed', 1, 12], ['negative', 2, 2]]);
  assert.deepEqual(p1.quotes.map((q) => [q.feedbackId, q.crowd]), [['V04', 1], ['V07', 16], ['V03', 16]]);
  assert.equal(p1.quotes[2]!.actionTitle, 'Weekly panel, with health partners present');
  const p2 = all.get('P2')!;
  assert.deepEqual(p2.quotes.map((q) => [q.feedbackId, q.crowd]), [['V02', 4], ['V01', 50], ['V08', 50]]);
  assert.deepEqual(p2.quotes[1]!.themes, ['INDEPENDENCE', 'MONEY']);
});

test('for a councillor, quotes from groups under 6 are passed over and counts of 1-5 read "<6"', async () => {
  assert.equal(QUOTE_MIN_VOICES, 6);
  const all = await priorityVoices(store, LAST_12_MONTHS, { quotes: 3, minCrowd: quoteThreshold(true) });
  assert.deepEqual(all.get('P1')!.quotes.map((q) => q.feedbackId), ['V07', 'V03', 'V05'], 'V04 (only one voice on being heard) is left out');
  assert.deepEqual(all.get('P2')!.quotes.map((q) => q.feedbackId), ['V01', 'V08'], 'V02 (four in the children in care council) is left out');
  const shown = showPriorityVoice(all.get('P2')!, countFormatter('councillor'), true);
  assert.deepEqual(shown.themes, [
    { label: 'Money and cost of living', voices: '50' },
    { label: 'Preparing for adult life', voices: '40' },
    { label: 'Contact with family and friends', voices: '<6' },
  ]);
  assert.equal(shown.items, '<6');
  assert.equal(shown.quotes[0]!.when, '', 'no month beside a quote for a councillor');
  const officer = showPriorityVoice(all.get('P2')!, countFormatter('officer'), false);
  assert.equal(officer.items, '3');
  assert.equal(officer.quotes[0]!.when, 'Jan 2025');
  assert.equal(officer.quotes[0]!.source, 'Survey');
});

test('you said, we did: newest response first; a quote from a small group is withheld', async () => {
  const officer = await feedbackResponses(store, LAST_12_MONTHS, { minCrowd: 0, limit: 10 });
  assert.deepEqual(officer.map((r) => [r.feedbackId, r.responseDate]), [['V03', '2025-03-20'], ['V01', '2025-02-20'], ['V08', '2025-02-01'], ['V09', '2024-12-15']]);
  assert.ok(officer.every((r) => r.summary !== null));
  assert.equal(officer[0]!.priorityTitle, 'Timely EHC plans');

  // Add a response to V02 (four voices): a councillor sees what was done, not what was said.
  await store.db.updateTable('voice_feedback').set({ you_said_we_did: 'Sibling time is now planned with you.', response_date: '2025-03-10' }).where('feedback_id', '=', 'V02').execute();
  try {
    const councillor = await feedbackResponses(store, LAST_12_MONTHS, { minCrowd: 6, limit: 10 });
    const v02 = councillor.find((r) => r.feedbackId === 'V02')!;
    assert.equal(v02.summary, null);
    assert.equal(v02.youSaidWeDid, 'Sibling time is now planned with you.');
    assert.ok(councillor.filter((r) => r.feedbackId !== 'V02').every((r) => r.summary !== null));
  } finally {
    await store.db.updateTable('voice_feedback').set({ you_said_we_did: null, response_date: null }).where('feedback_id', '=', 'V02').execute();
  }
});

test('feedback linked to one action, answered or not', async () => {
  const a1 = await feedbackResponses(store, LAST_12_MONTHS, { minCrowd: 0, limit: 10, actionId: 'A1' });
  assert.deepEqual(a1.map((r) => r.feedbackId), ['V09']);
  assert.deepEqual(await feedbackResponses(store, LAST_12_MONTHS, { minCrowd: 0, limit: 10, actionId: 'A9' }), []);
});
