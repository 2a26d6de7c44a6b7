import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from '../helpers.ts';
import { AS_OF, loadFixtures } from '../indicators/fixtures.ts';
import { missingPatterns, repeatMissing, rhiFollowUp } from '../../src/store/queries/missing.ts';
import type { Store } from '../../src/store/open.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
  await loadFixtures(store);
});
after(() => store.close());

const nonZero = (rows: { label: string; count: number }[]) => rows.filter((r) => r.count > 0).map((r) => [r.label, r.count]);

test('missing patterns by day, time, placement, status, exploitation and theme', async () => {
  const p = await missingPatterns(store, { from: '2025-04-01', to: AS_OF });
  assert.deepEqual([p.episodes, p.children], [5, 2]);
  // 1 Apr Tuesday; 10 Apr and 1 May Thursdays; 20 Apr and 29 Jun Sundays.
  assert.deepEqual(nonZero(p.byDayOfWeek), [['Tuesday', 1], ['Thursday', 2], ['Sunday', 2]]);
  assert.equal(p.byDayOfWeek.length, 7);
  assert.deepEqual(nonZero(p.byHourBand), [['00:00-03:59', 1], ['16:00-19:59', 1], ['20:00-23:59', 1], ['Not recorded', 2]]);
  assert.deepEqual(nonZero(p.byPlacement), [['Foster care', 3], ['Not looked after (missing from home)', 2]]);
  assert.deepEqual(nonZero(p.byLookedAfter), [['Looked after (missing from care)', 3], ['Missing from home', 2]]);
  assert.deepEqual(p.byExploitation.map((r) => [r.key, r.count]), [['NONE', 2], ['CSE', 2], ['CCE', 1], ['BOTH', 0]]);
  assert.deepEqual(p.topThemes.map((t) => [t.key, t.count]), [['PEERS', 2], ['PUSH_HOME', 1], ['SUBSTANCES', 1]]);
  assert.equal(p.topThemes[0]?.label, 'Peers and friends');

  const may = await missingPatterns(store, { from: '2025-05-01', to: '2025-05-31' });
  assert.deepEqual([may.episodes, may.children, nonZero(may.byExploitation)], [1, 1, [['Child criminal exploitation (including county lines)', 1]]]);
  const empty = await missingPatterns(store, { from: '2020-01-01', to: '2020-12-31' });
  assert.deepEqual([empty.episodes, empty.children, nonZero(empty.byDayOfWeek), empty.topThemes], [0, 0, [], []]);
});

test('RHI follow-up lists children who declined or had no interview once 72 hours had passed', async () => {
  const list = await rhiFollowUp(store, { from: '2025-04-01', to: AS_OF });
  // M2's 29 Jun return is still inside its 72 hours on 30 Jun, and M2's other interview was completed.
  assert.deepEqual(list, [
    {
      childId: 'M1', age: 15, lookedAfter: true, episodes: 3, withoutInterview: 2, declined: 1, interviewsCompleted: 1,
      firstStart: '2025-04-01', lastStart: '2025-05-01', exploitationRisks: ['CCE', 'CSE'],
    },
  ]);
  const later = await rhiFollowUp(store, { from: '2025-04-01', to: '2025-07-10' });
  assert.deepEqual(later.map((c) => [c.childId, c.withoutInterview, c.lookedAfter]), [['M1', 2, true], ['M2', 1, false]]);
});

test('repeat missing: 3 or more episodes in the 12 months to the date', async () => {
  assert.deepEqual((await repeatMissing(store, { asOf: AS_OF })).map((c) => [c.childId, c.episodes]), [['M1', 3]]);
  assert.deepEqual(await repeatMissing(store, { asOf: '2025-04-30' }), [], 'only 2 episodes by 30 April');
  assert.deepEqual(await repeatMissing(store, { asOf: '2026-04-05' }), [], '1 April 2025 has dropped out of the 12 months');
});
