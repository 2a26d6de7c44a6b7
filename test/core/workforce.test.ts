// Pure workforce rules: months in the spellings councils use, the row rules, and the correlation
// the workforce page reports (worked by hand) with the words it puts round it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { correlation, describeCorrelations, parseMonth, workforceRules, type WorkforceRow } from '../../src/core/workforce.ts';

const ROW: WorkforceRow = {
  month: '2025-04-01', team: 'Assessment', employedFte: 10, agencyFte: 2, vacantFte: 3, startersFte: 0, leaversFte: 1,
  cases: 150, caseHoldingFte: 11, trainingRequired: 48, trainingCompleted: 40,
};

describe('parseMonth', () => {
  test('YYYY-MM, MM/YYYY and a date in the month all give its first day', () => {
    for (const s of ['2025-04', '2025-4', '04/2025', '4/2025', '17/04/2025', '2025-04-30', ' 2025-04 ']) assert.equal(parseMonth(s), '2025-04-01', s);
  });
  test('anything else is not a month', () => {
    for (const s of ['2025-13', '13/2025', '31/02/2025', 'April 2025', '2025', '', '2025-04-31']) assert.equal(parseMonth(s), null, s);
  });
});

describe('workforceRules', () => {
  test('a consistent row passes; rounding of up to 0.05 FTE in case-holders is allowed', () => {
    assert.deepEqual(workforceRules(ROW), []);
    assert.deepEqual(workforceRules({ ...ROW, caseHoldingFte: 12.04 }), []);
  });
  test('negative figures and fractional counts are named by their CSV column', () => {
    assert.deepEqual(workforceRules({ ...ROW, agencyFte: -1, trainingRequired: 4.5 }).map((i) => [i.field, i.rule]), [
      ['AgencyFTE', 'negative'],
      ['TrainingRequired', 'whole-number'],
    ]);
  });
  test('parts larger than the whole', () => {
    assert.deepEqual(workforceRules({ ...ROW, caseHoldingFte: 12.1, trainingCompleted: 49 }).map((i) => i.rule), ['case-holders', 'training-over']);
    assert.deepEqual(workforceRules({ ...ROW, caseHoldingFte: 0 }).map((i) => i.rule), ['no-case-holders']);
    assert.deepEqual(workforceRules({ ...ROW, caseHoldingFte: 0, cases: 0 }), []);
  });
});

describe('correlation', () => {
  test('Pearson r over the months where both have a figure', () => {
    // x = 1..6, y = 2x exactly: r = 1; reversed: r = -1.
    assert.equal(correlation([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12])!.r, 1);
    assert.equal(correlation([1, 2, 3, 4, 5, 6], [12, 10, 8, 6, 4, 2])!.r, -1);
    // x = 1..6, y = 1, 3, 2, 5, 4, 6: sxy = 15.5, sxx = syy = 17.5, r = 0.8857.
    const c = correlation([1, 2, 3, 4, 5, 6, null, 9], [1, 3, 2, 5, 4, 6, 7, null])!;
    assert.equal(c.months, 6);
    assert.equal(Math.round(c.r * 10_000) / 10_000, 0.8857);
  });
  test('fewer than 6 paired months, or a flat line, give no correlation', () => {
    assert.equal(correlation([1, 2, 3, 4, 5, null], [1, 2, 3, 4, 5, 6]), null);
    assert.equal(correlation([1, 2, 3, 4, 5, 6], [3, 3, 3, 3, 3, 3]), null);
  });
});

describe('describeCorrelations', () => {
  const c = (r: number, months = 12) => ({ r, months });
  test('says which way and how strongly, and never more', () => {
    const text = describeCorrelations('plans on time', [
      { name: 'turnover', correlation: c(-0.75) },
      { name: 'the agency rate', correlation: c(0.45, 10) },
    ], { statistic: true });
    assert.equal(
      text,
      'When turnover was higher, plans on time tended to be lower (strongly correlated, r = -0.75 over 12 months); ' +
        'when the agency rate was higher, plans on time tended to be higher (moderately correlated, r = 0.45 over 10 months).',
    );
    assert.doesNotMatch(text, /caus/);
    assert.equal(
      describeCorrelations('plans on time', [{ name: 'turnover', correlation: c(-0.75) }]),
      'When turnover was higher, plans on time tended to be lower (a strong link, over 12 months).',
      'without the statistic, for councillors',
    );
  });
  test('a weak link, no clear link, and too few months', () => {
    assert.match(describeCorrelations('x', [{ name: 'y', correlation: c(-0.25) }], { statistic: true }), /weakly correlated, r = -0\.25/);
    assert.match(describeCorrelations('x', [{ name: 'y', correlation: c(0.1) }]), /^X and y did not move together in any clear way/);
    assert.match(describeCorrelations('x', [{ name: 'y', correlation: null }]), /fewer than 6 months/);
    assert.match(describeCorrelations('x', [{ name: 'y', correlation: c(0.9) }, { name: 'z', correlation: null }]), /Other measures have fewer than 6 months/);
  });
});
