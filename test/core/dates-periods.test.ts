import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, addMonths, ageOn, daysBetween, fromEpochDay, parseDate, toDfeDate, toEpochDay } from '../../src/core/dates.ts';
import { financialYear, periodOf, periodsBetween, previousPeriod } from '../../src/core/periods.ts';

test('parseDate reads the DfE format and ISO, and refuses impossible dates', () => {
  assert.equal(parseDate('29/02/2024'), '2024-02-29');
  assert.equal(parseDate(' 01/04/2025 '), '2025-04-01');
  assert.equal(parseDate('2025-03-31'), '2025-03-31');
  assert.equal(parseDate('29/02/2023'), null);
  assert.equal(parseDate('31/04/2025'), null);
  assert.equal(parseDate('1/4/2025'), null);
  assert.equal(parseDate('2025/04/01'), null);
  assert.equal(parseDate(''), null);
});

test('day arithmetic round-trips for any date (property)', () => {
  const day = fc.integer({ min: toEpochDay('1990-01-01'), max: toEpochDay('2060-12-31') });
  fc.assert(
    fc.property(day, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
      const date = fromEpochDay(d);
      assert.equal(parseDate(toDfeDate(date)), date);
      assert.equal(daysBetween(date, addDays(date, n)), n);
    }),
  );
});

test('addMonths clamps to the end of shorter months', () => {
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
  assert.equal(addMonths('2025-03-15', -3), '2024-12-15');
});

test('ages change on the birthday, not the day after', () => {
  assert.equal(ageOn('2008-06-15', '2025-06-14'), 16);
  assert.equal(ageOn('2008-06-15', '2025-06-15'), 17);
});

test('periods follow the financial year', () => {
  assert.equal(financialYear('2025-03-31'), 2024);
  assert.equal(financialYear('2025-04-01'), 2025);
  assert.deepEqual(periodOf('2025-05-20', 'quarter'), { type: 'quarter', start: '2025-04-01', end: '2025-07-01', label: '2025-26 Q1' });
  assert.deepEqual(periodOf('2026-02-01', 'quarter'), { type: 'quarter', start: '2026-01-01', end: '2026-04-01', label: '2025-26 Q4' });
  assert.deepEqual(periodOf('2025-03-31', 'year'), { type: 'year', start: '2024-04-01', end: '2025-04-01', label: '2024-25' });
  assert.equal(periodOf('2025-12-05', 'month').label, 'Dec 2025');
  assert.equal(previousPeriod(periodOf('2025-04-10', 'quarter')).label, '2024-25 Q4');
  const months = periodsBetween('month', '2025-01-15', '2025-04-01');
  assert.deepEqual(months.map((p) => p.start), ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01']);
});

test('periods of a type tile time with no gaps or overlaps (property)', () => {
  const day = fc.integer({ min: toEpochDay('2015-01-01'), max: toEpochDay('2035-12-31') });
  fc.assert(
    fc.property(day, fc.constantFrom('month' as const, 'quarter' as const, 'year' as const), (d, type) => {
      const date = fromEpochDay(d);
      const p = periodOf(date, type);
      assert.ok(p.start <= date && date < p.end);
      assert.equal(periodOf(p.end, type).start, p.end);
      assert.equal(previousPeriod(p).end, p.start);
    }),
  );
});
