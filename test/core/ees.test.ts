// The pure rules of the official benchmarks: mappings, periods, rank and quartile, names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eesPeriod, nameKey, parseEesCell, quartileOf, rankAmong } from '../../src/core/ees/benchmark.ts';
import { EES_MAPPINGS, mappingColumns, PUBLISHED_ONLY } from '../../src/core/ees/mappings.ts';
import { indicatorById } from '../../src/core/indicators/index.ts';

test('every mapping reads into a csinsight indicator or a listed published-only measure, and says how it was checked', () => {
  for (const m of EES_MAPPINGS) {
    assert.match(m.checked, /^(checked against a real file|not checked against a real file)/, m.id);
    for (const x of m.measures) assert.ok(indicatorById(x.indicator) || x.indicator in PUBLISHED_ONLY, `${m.id}: ${x.indicator}`);
    assert.ok(mappingColumns(m).length > 0);
  }
});

test('symbols are kept, never read as 0; anything else is an error', () => {
  for (const s of ['c', 'x', 'z', 'low', ':']) assert.deepEqual(parseEesCell(s), { value: null, symbol: s });
  assert.deepEqual(parseEesCell('0'), { value: 0, symbol: null });
  assert.deepEqual(parseEesCell(' 1,234.5 '), { value: 1234.5, symbol: null });
  assert.ok('error' in parseEesCell('n/a'));
});

test('a calendar year is a calendar year; a reporting year ends on 31 March', () => {
  assert.deepEqual(eesPeriod(2024, 'Calendar year'), { kind: 'calendar', start: '2024-01-01', end: '2025-01-01', label: 'calendar year 2024', fy: null });
  assert.deepEqual(eesPeriod(2024, 'Reporting year'), { kind: 'financial', start: '2023-04-01', end: '2024-04-01', label: 'year ending 31 March 2024', fy: 2023 });
  assert.equal(eesPeriod(202324, 'Financial year').fy, 2023);
});

test('rank shares ties and follows polarity; quartile A is the best quarter', () => {
  const values = [90, 80, 80, 70, 60, 50, 40, 30];
  assert.deepEqual([90, 80, 70, 30].map((v) => rankAmong(v, values, 'higher')), [1, 2, 4, 8]);
  assert.deepEqual([30, 80].map((v) => rankAmong(v, values, 'lower')), [1, 6]);
  assert.equal(rankAmong(50, values, 'neutral'), null);
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map((r) => quartileOf(r, 8)), ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  assert.equal(quartileOf(37, 150), 'A', '37 is within the first 37.5');
  assert.equal(quartileOf(38, 150), 'B');
});

test('authority names match across spellings', () => {
  const same = [['St. Helens', 'St Helens'], ['Bristol, City of', 'Bristol'], ['Durham', 'County Durham'], ['Bedford Borough', 'Bedford'],
    ['Herefordshire', 'Herefordshire, County of'], ['Kingston Upon Hull, City of', 'Kingston upon Hull, City of']];
  for (const [a, b] of same) assert.equal(nameKey(a!), nameKey(b!), `${a} = ${b}`);
  assert.notEqual(nameKey('Westmorland and Furness'), nameKey('Cumberland'));
});
