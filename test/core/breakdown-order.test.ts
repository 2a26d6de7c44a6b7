// Breakdown groups read in order: age bands youngest first (not as text: 1-4, 10-15, 16-17, 5-9),
// "Not recorded" last, other dimensions as their row source sorts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortGroups } from '../../src/core/indicators/index.ts';
import { AGE_BANDS } from '../../src/core/indicators/sql.ts';
import { VOICE_AGE_BANDS } from '../../src/core/voice.ts';

const rows = (labels: readonly string[]) => labels.map((label) => ({ key: label, label }));
const labels = (list: { label: string }[]) => list.map((r) => r.label);

test('age bands sort youngest first, whatever order the database gave them in', () => {
  const asText = [...AGE_BANDS, 'Not recorded', 'Unborn or not recorded'].sort();
  assert.deepEqual(labels(sortGroups('age_band', rows(asText))), [...AGE_BANDS, 'Unborn or not recorded', 'Not recorded']);
  const voice = Object.values(VOICE_AGE_BANDS);
  assert.deepEqual(labels(sortGroups('age_band', rows([...voice].sort()))), voice);
});

test('other dimensions keep their order, with "Not recorded" last', () => {
  assert.deepEqual(labels(sortGroups('sex', rows(['Female', 'Not recorded', 'Male']))), ['Female', 'Male', 'Not recorded']);
});
