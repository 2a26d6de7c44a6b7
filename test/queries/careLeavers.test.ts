import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from '../helpers.ts';
import { loadFixtures } from '../indicators/fixtures.ts';
import { careLeaverSummary, neetSpells } from '../../src/store/queries/careLeavers.ts';
import type { Store } from '../../src/store/open.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
  await loadFixtures(store);
});
after(() => store.close());

const counts = (d: Awaited<ReturnType<typeof neetSpells>>) => d.bands.map((b) => b.count);

test('NEET spells in bands of length so far', async () => {
  // 28 Feb: CL1 89 days (under 3 months), CL4 424 days (12 months or more; G6 then G4 is one spell).
  const feb = await neetSpells(store, { asOf: '2025-02-28' });
  assert.deepEqual([feb.total, counts(feb), feb.medianDays], [2, [1, 0, 0, 1], 256.5]);
  // 31 Mar: CL4 is 22 and no longer counted; CL1's spell from 1 Dec is 120 days: 3 to 6 months.
  const mar = await neetSpells(store, { asOf: '2025-03-31' });
  assert.deepEqual([mar.total, counts(mar), mar.medianDays], [1, [0, 1, 0, 0], 120]);
  // 1 May: CL1's spell ended on 10 Apr; CL2 (17 since 1 Apr) NEET since 1 Jan, 120 days.
  const may = await neetSpells(store, { asOf: '2025-05-01' });
  assert.deepEqual([may.total, may.medianDays], [1, 120]);
  const none = await neetSpells(store, { asOf: '2020-01-01' });
  assert.deepEqual([none.total, counts(none), none.medianDays], [0, [0, 0, 0, 0], null]);
});

test('care leaver summary: NEET from dated activity, contact and accommodation from the latest OC3', async () => {
  const s = await careLeaverSummary(store, { asOf: '2025-03-31' });
  assert.deepEqual(s.neet, { count: 1, of: 2, percent: 50 });
  assert.equal(s.oc3Year, 2024);
  assert.deepEqual([s.inTouch?.count, s.inTouch?.of], [2, 3]);
  assert.deepEqual([s.suitableAccommodation?.count, s.suitableAccommodation?.of], [2, 3]);
  assert.deepEqual(s.neetOc3, { count: 1, of: 4, percent: 25 });
  // A year before there was no OC3 yet; CL4 had just turned 21 and was NEET.
  const earlier = await careLeaverSummary(store, { asOf: '2024-03-31' });
  assert.deepEqual([earlier.oc3Year, earlier.inTouch, earlier.neet], [null, null, { count: 1, of: 1, percent: 100 }]);
});
