// Each collection year's SSDA903 code lists, and what changed between years.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesFor, placeIn, sexCodeIn, storedSex } from '../../src/core/ssda903-years.ts';

const diff = (a: object, b: object) => ({
  added: Object.keys(b).filter((k) => !(k in a)).sort(),
  dropped: Object.keys(a).filter((k) => !(k in b)).sort(),
});

test('SEX: 1 and 2 until 2023-24; M, F and U from 2024-25 (rule 101)', () => {
  assert.deepEqual(Object.keys(codesFor(2023).SEX), ['1', '2']);
  assert.deepEqual(diff(codesFor(2023).SEX, codesFor(2024).SEX), { added: ['F', 'M', 'U'], dropped: ['1', '2'] });
  assert.deepEqual(diff(codesFor(2024).SEX, codesFor(2026).SEX), { added: [], dropped: [] });
  assert.deepEqual([storedSex('1'), storedSex('M'), storedSex('F'), storedSex('U')], [1, 1, 2, null]);
  assert.deepEqual([sexCodeIn(2023, 2), sexCodeIn(2025, 2)], ['2', 'F']);
});

test('PLACE: K3 from 2024-25; Z11 to Z14 replace Z1, and H5 and P2 go, in 2025-26 (rule 146)', () => {
  assert.deepEqual(diff(codesFor(2023).PLACE, codesFor(2024).PLACE), { added: ['K3'], dropped: [] });
  assert.deepEqual(diff(codesFor(2024).PLACE, codesFor(2025).PLACE), { added: ['Z11', 'Z12', 'Z13', 'Z14'], dropped: ['H5', 'P2', 'Z1'] });
  assert.deepEqual(diff(codesFor(2025).PLACE, codesFor(2026).PLACE), { added: [], dropped: [] });
  assert.equal(Object.keys(codesFor(2023).PLACE).length, 27);
});

test('placements that take no provider follow the year (rules 178, 213)', () => {
  assert.deepEqual(codesFor(2024).PLACE_WITHOUT_PROVIDER, ['T0', 'T1', 'T2', 'T3', 'T4', 'Z1']);
  assert.deepEqual(codesFor(2025).PLACE_WITHOUT_PROVIDER, ['T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14']);
});

test('a retired placement is written as its successor in a later return; years outside the range take the nearest', () => {
  assert.deepEqual([placeIn(2024, 'H5'), placeIn(2025, 'H5'), placeIn(2025, 'P2'), placeIn(2025, 'U4')], ['H5', 'K3', 'K3', 'U4']);
  assert.equal(codesFor(2019), codesFor(2023));
  assert.equal(codesFor(2030), codesFor(2026));
});
