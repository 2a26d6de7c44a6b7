import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ehcpClock, issuedWithin20Weeks, type EhcpRequest } from '../../src/core/ehcp.ts';
import { rhiOfferedInTime } from '../../src/core/missing.ts';

const base: EhcpRequest = {
  requestId: 'R1',
  received: '2026-01-05',
  decisionDate: '2026-02-09',
  requestOutcome: 'Y',
  assessmentOutcome: 'A',
  draftPlanDate: null,
  finalPlanDate: null,
  week20: false,
  exceptionReason: null,
  advice: [],
};

test('20 weeks is 140 days: day 140 is in time, day 141 is late', () => {
  assert.equal(issuedWithin20Weeks('2026-01-05', '2026-05-25'), true); // 140 days
  assert.equal(issuedWithin20Weeks('2026-01-05', '2026-05-26'), false);
});

test('RHI offered within 72 hours means no later than 3 days after return', () => {
  assert.equal(rhiOfferedInTime('2026-03-02', '2026-03-05'), true);
  assert.equal(rhiOfferedInTime('2026-03-02', '2026-03-06'), false);
  assert.equal(rhiOfferedInTime('2026-03-02', null), false);
});

test('late advice is named with days late and makes the request at risk', () => {
  const r: EhcpRequest = {
    ...base,
    advice: [
      { partner: 'health', requested: '2026-02-10', received: null }, // due 2026-03-24
      { partner: 'educational_psychology', requested: '2026-02-10', received: '2026-03-20' },
    ],
  };
  const c = ehcpClock(r, '2026-04-03');
  assert.equal(c.stage, 'advice');
  assert.equal(c.due, '2026-05-25');
  assert.equal(c.breached, false);
  assert.equal(c.atRisk, true);
  assert.deepEqual(c.lateAdvice, [{ partner: 'health', due: '2026-03-24', daysLate: 10, outstanding: true }]);
  assert.match(c.reasons.join(' '), /Health advice is 10 days late/);
  assert.ok(c.expectedFinal > c.due, 'late advice pushes the expected date beyond 20 weeks');
});

test('an open request past 140 days is breached; an issued one is judged on its date', () => {
  assert.equal(ehcpClock(base, '2026-05-26').breached, true);
  const issued = ehcpClock({ ...base, finalPlanDate: '2026-05-20', assessmentOutcome: 'Y' }, '2026-09-01');
  assert.equal(issued.stage, 'issued');
  assert.equal(issued.open, false);
  assert.equal(issued.breached, false);
  assert.equal(issued.weeksElapsed, 19.3);
});

test('a request the council decided not to assess is closed, not at risk', () => {
  const c = ehcpClock({ ...base, requestOutcome: 'N' }, '2026-09-01');
  assert.equal(c.stage, 'closed');
  assert.equal(c.atRisk, false);
  assert.equal(c.breached, false);
});

test('an exception is given as the reason for delay', () => {
  const c = ehcpClock({ ...base, week20: true, exceptionReason: 'ABSENT_FROM_AREA' }, '2026-06-01');
  assert.match(c.reasons.join(' '), /away from the area/);
});
