// The 45-working-day assessment clock, England and Wales bank holidays and the re-referral rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  BANK_HOLIDAYS, addWorkingDays, assessmentDueDate, assessmentInTime, bankHolidays, easterSunday, isReReferral, isWorkingDay,
  sourceGroup, standingBankHolidays, workingDaysBetween, REFERRAL_SOURCE, type ReferralSource,
} from '../../src/core/cin.ts';
import { addDays, fromEpochDay, toEpochDay } from '../../src/core/dates.ts';
import { referredWithinWindow } from '../../src/core/earlyHelp.ts';

test('45 working days skip weekends and bank holidays: Easter and both May holidays in 2025', () => {
  // Tuesday 15 April 2025: Good Friday 18, Easter Monday 21 April, 5 and 26 May fall inside.
  assert.equal(assessmentDueDate('2025-04-15'), '2025-06-23');
  // Counting weekdays only would end three working days earlier.
  assert.equal(assessmentInTime('2025-04-15', '2025-06-20'), true);
  assert.equal(assessmentInTime('2025-04-15', '2025-06-23'), true);
  assert.equal(assessmentInTime('2025-04-15', '2025-06-24'), false);
  assert.equal(workingDaysBetween('2025-04-15', '2025-06-23'), 45);
});

test('a bank holiday is not a working day; the next working day counts as one', () => {
  assert.equal(isWorkingDay('2025-12-25'), false);
  assert.equal(isWorkingDay('2025-12-26'), false);
  assert.equal(isWorkingDay('2025-12-27'), false); // Saturday
  assert.equal(isWorkingDay('2025-12-29'), true);
  assert.equal(addWorkingDays('2025-12-24', 1), '2025-12-29');
  assert.equal(workingDaysBetween('2025-12-24', '2025-12-29'), 1);
  assert.equal(workingDaysBetween('2025-12-24', '2025-12-24'), 0);
  assert.equal(addWorkingDays('2025-12-24', 0), '2025-12-24');
  // One-off holidays are in the published list: the Queen's state funeral, the coronation.
  assert.equal(isWorkingDay('2022-09-19'), false);
  assert.equal(isWorkingDay('2023-05-08'), false);
});

test('the standing rules give the published list except for one-off and moved days', () => {
  const oneOff = new Set(['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']);
  const replaced = new Set(['2020-05-04', '2022-05-30']); // early May 2020 and spring 2022 moved
  for (const [year, listed] of Object.entries(BANK_HOLIDAYS)) {
    const expected = listed.filter((d) => !oneOff.has(d));
    const standing = standingBankHolidays(Number(year)).filter((d) => !replaced.has(d));
    assert.deepEqual(standing.sort(), [...expected].sort(), year);
  }
  assert.equal(easterSunday(2026), '2026-04-05');
  assert.equal(easterSunday(2030), '2030-04-21');
  // Years not listed fall back to the rules.
  assert.ok(bankHolidays(2030).has('2030-04-19'));
});

const day = fc.integer({ min: toEpochDay('2018-01-01'), max: toEpochDay('2029-12-31') }).map(fromEpochDay);

test('property: n working days on lands on a working day exactly n working days later', () => {
  fc.assert(
    fc.property(day, fc.integer({ min: 1, max: 80 }), (start, n) => {
      const end = addWorkingDays(start, n);
      assert.ok(isWorkingDay(end));
      assert.equal(workingDaysBetween(start, end), n);
      // The day before the due date is one working day short (or not a working day at all).
      assert.equal(workingDaysBetween(start, addDays(end, -1)), n - 1);
    }),
    { numRuns: 300 },
  );
});

test('property: the working days in a span never exceed its weekdays and add up across a split', () => {
  fc.assert(
    fc.property(day, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (a, x, y) => {
      const b = addDays(a, x);
      const c = addDays(b, y);
      assert.equal(workingDaysBetween(a, c), workingDaysBetween(a, b) + workingDaysBetween(b, c));
      assert.ok(workingDaysBetween(a, c) <= x + y);
    }),
    { numRuns: 300 },
  );
});

test('a re-referral is within 12 months of the previous referral, to the day', () => {
  assert.equal(isReReferral('2024-05-10', '2025-05-10'), true);
  assert.equal(isReReferral('2024-05-10', '2025-05-11'), false);
  assert.equal(isReReferral(null, '2025-05-11'), false);
  // 29 February: twelve months on is 28 February.
  assert.equal(isReReferral('2024-02-29', '2025-02-28'), true);
  assert.equal(isReReferral('2024-02-29', '2025-03-01'), false);
  assert.equal(referredWithinWindow('2024-03-31', '2025-03-31'), true);
  assert.equal(referredWithinWindow('2024-03-31', '2024-03-31'), false);
});

test('every census referral source code belongs to one DfE group', () => {
  const groups = (Object.keys(REFERRAL_SOURCE) as ReferralSource[]).map(sourceGroup);
  assert.ok(groups.every((g) => typeof g === 'string'));
  assert.equal(sourceGroup('10'), 'UNKNOWN');
  assert.equal(sourceGroup('1D'), 'INDIVIDUAL');
  assert.equal(sourceGroup('6'), 'POLICE');
  assert.equal(sourceGroup('5D'), 'LA_SERVICES');
});
