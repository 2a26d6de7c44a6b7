// Pure rules of the elective home education register.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eheRules, type EheRow } from '../../src/core/homeEducation.ts';

const ROW: EheRow = {
  child: 'E1', dob: '2012-03-01', sex: 'F', start: '2024-09-10', end: null, endReason: null, reason: 'PHILOSOPHICAL',
  engaged: true, socialCare: 'NONE', sen: 'N',
};
const rules = (r: Partial<EheRow>) => eheRules({ ...ROW, ...r }).map((i) => [i.field, i.rule]);

test('a spell still open, and one ended with a reason, pass', () => {
  assert.deepEqual(rules({}), []);
  assert.deepEqual(rules({ end: '2024-09-10', endReason: 'SCHOOL' }), [], 'off the register the day it began');
});

test('end before start; an end without a reason and a reason without an end', () => {
  assert.deepEqual(rules({ end: '2024-09-09', endReason: 'MOVED' }), [['EndDate', 'end-before-start']]);
  assert.deepEqual(rules({ end: '2024-10-01' }), [['EndReason', 'end-reason']]);
  assert.deepEqual(rules({ endReason: 'AGE' }), [['EndDate', 'end-reason']]);
});

test('school age at the start: 4 to 16 inclusive', () => {
  assert.deepEqual(rules({ dob: '2020-09-10' }), [], 'four on the day');
  assert.deepEqual(rules({ dob: '2020-09-11' }), [['StartDate', 'school-age']], 'three, a day short of four');
  assert.deepEqual(rules({ dob: '2007-09-11' }), [], 'sixteen');
  assert.deepEqual(rules({ dob: '2007-09-10' }), [['StartDate', 'school-age']], 'seventeen on the day');
  assert.deepEqual(rules({ dob: '2024-09-10' }), [['DOB', 'dob-after-start']]);
});
