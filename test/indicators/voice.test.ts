// The voice of the child indicator on the hand-made fixture (test/fixtures/voice/feedback.csv),
// as of 31 March 2025, with answers worked out by hand:
//   2024-25 Q4: V01 answered in 41 days, V03 in 19: 2 of 2. V02 (5 Feb), V04, V07 not answered
//               and their three months not yet passed: left out.
//   2024-25 Q3: V09 answered in 56 days; V08 answered after four months (late); V05 not answered
//               and past its three months: 1 of 3.
//   2023-24:    V06 never answered: 0 of 1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { indicatorById } from '../../src/core/indicators/index.ts';
import { computeIndicators, indicatorBreakdown } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { FEEDBACK_HEADER, loadVoiceFixture, VOICE_AS_OF } from '../fixtures/voice/index.ts';
import { importFiles } from '../../src/importers/index.ts';

const ID = 'voice_answered_3m';
let store: Store;
before(async () => {
  store = await openTestStore();
  await loadVoiceFixture(store);
  await computeIndicators(store, { asOf: VOICE_AS_OF });
});
after(() => store.close());

async function stored(periodType: 'quarter' | 'year', start: string) {
  const r = await store.db.selectFrom('indicator_value').selectAll().where('indicator_id', '=', ID)
    .where('period_type', '=', periodType).where('period_start', '=', start).executeTakeFirst();
  return r && [r.numerator, r.denominator, r.value === null ? null : Math.round(r.value * 100) / 100, r.rag];
}

test('the definition is in the voice area, rated against 80% with small numbers suppressed', () => {
  const def = indicatorById(ID)!;
  assert.equal(def.area, 'voice');
  assert.deepEqual([def.target, def.tolerance, def.polarity, def.suppress], [80, 15, 'higher', true]);
});

test('quarters and years: answered within three months of the feedback whose three months are up or answered', async () => {
  assert.deepEqual(await stored('quarter', '2025-01-01'), [2, 2, 100, 'green']);
  assert.deepEqual(await stored('quarter', '2024-10-01'), [1, 3, 33.33, 'red']);
  assert.deepEqual(await stored('year', '2024-04-01'), [3, 5, 60, 'red']);
  assert.deepEqual(await stored('year', '2023-04-01'), [0, 1, 0, 'red']);
});

/** Re-imports V05 (given on 2 December 2024) with a response on this date, or none. */
async function answerV05(on: string | null): Promise<void> {
  const row = `V05,02/12/2024,participation_event,P1,SEND,positive,5_TO_9,N,3,The drop-in sessions were fun and the staff listened.,${on ? 'We changed the sessions.' : ''},${on ?? ''},`;
  const result = await importFiles(store, [{ name: 'v05.csv', content: `${FEEDBACK_HEADER}\n${row}\n` }], { user: 'officer' });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
}

test('exactly three months is in time, a day more is late', async () => {
  const q3 = async () => (await indicatorBreakdown(store, ID, 'age_band', 'quarter', '2024-10-01', VOICE_AS_OF)).map((r) => [r.label, r.numerator, r.denominator]);
  try {
    await answerV05('02/03/2025');
    // Age bands youngest first (not as text: 10-15, 18-21, 5-9).
    assert.deepEqual(await q3(), [['5-9', 1, 1], ['10-15', 1, 1], ['18-21', 0, 1]]);
    await answerV05('03/03/2025');
    assert.deepEqual(await q3(), [['5-9', 0, 1], ['10-15', 1, 1], ['18-21', 0, 1]]);
  } finally {
    await answerV05(null);
  }
});
