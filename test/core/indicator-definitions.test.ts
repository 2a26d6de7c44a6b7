import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AREA_LABEL, AREA_ORDER, AREA_PHRASE, groupInAreaOrder } from '../../src/core/indicators/areas.ts';
import { INDICATORS } from '../../src/core/indicators/index.ts';
import { listInWords } from '../../src/reports/format.ts';

test('the committee order names every area once, each with a heading and an in-sentence phrase', () => {
  assert.deepEqual([...AREA_ORDER].sort(), Object.keys(AREA_LABEL).sort());
  assert.deepEqual(Object.keys(AREA_PHRASE).sort(), Object.keys(AREA_LABEL).sort());
  assert.equal(new Set(AREA_ORDER).size, AREA_ORDER.length);
});

test('grouping follows the committee order, leaves out empty areas and keeps list order within an area', () => {
  const items = [
    { id: 'a', area: 'missing' },
    { id: 'b', area: 'ehcp' },
    { id: 'c', area: 'missing' },
    { id: 'd', area: 'voice' },
  ] as const;
  assert.deepEqual(
    groupInAreaOrder(items, (i) => i.area).map((g) => [g.area, g.items.map((i) => i.id)]),
    [['ehcp', ['b']], ['missing', ['a', 'c']], ['voice', ['d']]],
  );
  const grouped = groupInAreaOrder(INDICATORS, (d) => d.area);
  assert.equal(grouped[0]?.area, 'ehcp', 'SEND first');
  assert.equal(grouped.flatMap((g) => g.items).length, INDICATORS.length, 'every indicator in one group');
});

test('a list reads as in a sentence', () => {
  assert.equal(listInWords([]), '');
  assert.equal(listInWords(['early help']), 'early help');
  assert.equal(listInWords(['care leavers', 'early help']), 'care leavers and early help');
  assert.equal(listInWords(['a', 'b', 'c']), 'a, b and c');
});

test('no count is benchmarkable: a national total says nothing about one council', () => {
  for (const d of INDICATORS.filter((x) => x.aggregate === 'count')) assert.equal(d.benchmarkable, false, d.id);
});
