import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from '../helpers.ts';
import { AS_OF, loadFixtures } from '../indicators/fixtures.ts';
import { ehcpDelayCases, ehcpTracker, partnerLeague } from '../../src/store/queries/ehcp.ts';
import type { Store } from '../../src/store/open.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
  await loadFixtures(store);
});
after(() => store.close());

test('the tracker lists requests open on the date, oldest first, with their clocks', async () => {
  const page = await ehcpTracker(store, { asOf: AS_OF });
  assert.equal(page.total, 3);
  assert.equal(page.atRisk, 1);
  assert.equal(page.breached, 1);
  const [r7, r6, r4] = page.rows;
  // R7: received 1 Feb, due 21 Jun, 149 days on 30 Jun = 21.3 weeks; health advice due 14 Apr still out.
  assert.deepEqual(
    [r7?.requestId, r7?.stage, r7?.due, r7?.weeksElapsed, r7?.daysRemaining, r7?.breached, r7?.atRisk],
    ['R7', 'advice', '2025-06-21', 21.3, -9, true, false],
  );
  assert.deepEqual(r7?.lateAdvice, [{ partner: 'health', due: '2025-04-14', daysLate: 77, outstanding: true }]);
  assert.deepEqual(r7?.reasons, ['Health advice is 77 days late.']);
  // R6: no decision after 60 days: at risk; 30 Jun + 6 weeks advice + 28 drafting + 15 + 7 = 30 Sep, after the 18 Sep due date.
  assert.deepEqual([r6?.requestId, r6?.stage, r6?.decisionLate, r6?.atRisk, r6?.due, r6?.expectedFinal], ['R6', 'decision', true, true, '2025-09-18', '2025-09-30']);
  // R4: health advice due 30 Jun is not late yet; the projection (2 Sep) is inside the due date, so it is expected then.
  assert.deepEqual([r4?.requestId, r4?.stage, r4?.atRisk, r4?.breached, r4?.lateAdvice.length, r4?.expectedFinal], ['R4', 'advice', false, false, 0, '2025-09-29']);
});

test('tracker filters and paging', async () => {
  const ids = async (o: Omit<Parameters<typeof ehcpTracker>[1], 'asOf'>) => (await ehcpTracker(store, { asOf: AS_OF, ...o })).rows.map((r) => r.requestId);
  assert.deepEqual(await ids({ atRisk: true }), ['R6']);
  assert.deepEqual(await ids({ breached: true }), ['R7']);
  assert.deepEqual(await ids({ breached: false, atRisk: false }), ['R4']);
  assert.deepEqual(await ids({ stage: 'advice' }), ['R7', 'R4']);
  assert.deepEqual(await ids({ partner: 'health' }), ['R7']);
  assert.deepEqual(await ids({ partner: 'education' }), []);
  assert.deepEqual(await ids({ search: 'smith' }), ['R6']);
  assert.deepEqual(await ids({ search: '%' }), [], 'wildcards are searched for literally');
  const page = await ehcpTracker(store, { asOf: AS_OF, limit: 1, offset: 1 });
  assert.deepEqual([page.total, page.rows.map((r) => r.requestId)], [3, ['R6']]);
});

test('an earlier date sees the requests as they stood then', async () => {
  // 20 May: R1 and R2 await their final plans (issued 26 and 27 May); R3 was issued on 10 May.
  const page = await ehcpTracker(store, { asOf: '2025-05-20' });
  assert.deepEqual(page.rows.map((r) => [r.requestId, r.stage]), [
    ['R1', 'drafting'], ['R2', 'drafting'], ['R7', 'advice'], ['R6', 'decision'], ['R4', 'advice'],
  ]);
  const r7 = page.rows.find((r) => r.requestId === 'R7');
  assert.deepEqual([r7?.breached, r7?.atRisk, r7?.lateAdvice[0]?.daysLate], [false, true, 36]);
  // On 17 May R6 was 16 days old: still deciding, on time.
  const r6 = (await ehcpTracker(store, { asOf: '2025-05-17', search: 'R6' })).rows[0];
  assert.deepEqual([r6?.decisionLate, r6?.atRisk], [false, false]);
});

test('delay cases are the open requests that have missed or will miss 20 weeks', async () => {
  const cases = await ehcpDelayCases(store, { asOf: AS_OF });
  assert.deepEqual(cases.map((c) => [c.requestId, c.breached]), [['R7', true], ['R6', false]]);
  assert.ok(cases.every((c) => c.reasons.length > 0));
});

test('partner league: requested, on time, days late, outstanding', async () => {
  const league = await partnerLeague(store, { from: '2025-03-01', to: AS_OF });
  const health = league.find((p) => p.partner === 'health');
  // 5 requested; on time R1; decided 4 (R4 due 30 Jun is not yet overdue); late 1, 17 and 77 days.
  assert.deepEqual(
    [health?.requested, health?.returnedOnTime, health?.percentOnTime, Math.round((health?.meanDaysLate ?? 0) * 100) / 100, health?.maxDaysLate, health?.outstandingOverdue],
    [5, 1, 25, 31.67, 77, 1],
  );
  assert.deepEqual(league.find((p) => p.partner === 'education'), {
    partner: 'education', label: 'Education', requested: 2, returnedOnTime: 2, due: 2, percentOnTime: 100, lateCount: 0, meanDaysLate: null, maxDaysLate: null, outstandingOverdue: 0,
  });
  // The bases councillors' figures are judged on: 4 due, 3 late (the 1, 17 and 77 days).
  assert.deepEqual([health?.due, health?.lateCount], [4, 3]);
  assert.deepEqual(league.find((p) => p.partner === 'social_care')?.requested, 0);
  assert.deepEqual(league.map((p) => p.partner), ['health', 'social_care', 'educational_psychology', 'education']);
  // Up to 20 April only R1-R3 and R7 were asked; R3's return on 1 May had not happened: outstanding, 6 days late.
  const early = (await partnerLeague(store, { from: '2025-03-01', to: '2025-04-20' })).find((p) => p.partner === 'health');
  assert.deepEqual([early?.requested, early?.returnedOnTime, early?.maxDaysLate, early?.outstandingOverdue], [4, 1, 6, 2]);
});
