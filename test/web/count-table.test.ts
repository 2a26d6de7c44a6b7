// A page's own tables of counts (src/server/disclosure.ts): protected against the totals they add
// up to, with a group withheld whole when a total fixed elsewhere leaves no other way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CountTable, shownRate, wholeMonthsTo } from '../../src/server/disclosure.ts';

test('a count table withholds the next smallest count beside a "<6", for councillors only', () => {
  const build = (role: 'councillor' | 'officer') =>
    new CountTable(role).count('all', 23).count('f', 7).count('m', 15).count('n', 1).sum('all', ['f', 'm', 'n']).shown();
  const c = build('councillor');
  assert.deepEqual(['all', 'f', 'm', 'n'].map(c.text), ['23', 'c', '15', '<6']);
  assert.deepEqual(['all', 'f', 'm', 'n'].map(c.value), [23, null, 15, null]);
  assert.deepEqual(['all', 'f', 'm', 'n'].map(build('officer').text), ['23', '7', '15', '1']);
});

test('when a total fixed elsewhere leaves no protector, the whole group is "c", small counts too', () => {
  // 7 = 1 + 6 + 0: withholding 1 and 6 still gives both (6 is the least a "c" can be); withholding
  // the zero as well, and saying nothing of which is small, leaves them unknown.
  const shown = new CountTable('councillor').count('month', 7, 'shown').count('a', 1).count('b', 6).count('z', 0).sum('month', ['a', 'b', 'z']).shown();
  assert.deepEqual(['month', 'a', 'b', 'z'].map(shown.text), ['7', 'c', 'c', 'c']);
});

test('a rate from two counts of a table is withheld with either', () => {
  const shown = new CountTable('councillor').count('ended', 30).count('good', 4).count('other', 26).sum('ended', ['good', 'other']).shown();
  assert.deepEqual(shownRate(shown, 'good', 'ended'), { text: 'Withheld (small numbers)', detail: '<6 of 30' });
  assert.equal(shown.text('other'), 'c');
});

test('a 12-month window is whole months only when it ends on the last day of a month', () => {
  assert.deepEqual(wholeMonthsTo('2026-03-31', 3), ['2026-01-01', '2026-02-01', '2026-03-01']);
  assert.equal(wholeMonthsTo('2026-03-30', 12), null);
  assert.equal(wholeMonthsTo('2026-02-28', 12)?.[0], '2025-03-01');
});
