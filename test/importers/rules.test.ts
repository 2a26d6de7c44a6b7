// The pure parts of the importers: code lists, row rules, header detection, year from a path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOM, ACTIV, isEet, isNeet, isSuitableAccom, isUnsuitableAccom, label, PLACE, UPN_PATTERN } from '../../src/core/codes.ts';
import { ehcpRequestRules, type EhcpRequestRow } from '../../src/core/rules/sen2.ts';
import { episodeRules, missingRules, oc3Rules, type EpisodeRow } from '../../src/core/rules/ssda903.ts';
import { detectTable, formatErrors, yearFromPath } from '../../src/importers/index.ts';

test('NEET is G4, G5 and G6 only; 0 is neither EET nor NEET', () => {
  assert.deepEqual(Object.keys(ACTIV).filter(isNeet), ['G4', 'G5', 'G6']);
  assert.equal(isEet('F1'), true);
  assert.equal(isEet('0'), false);
  assert.equal(isNeet('0'), false);
  assert.equal(isNeet(null), false);
});

test('accommodation codes: suitable and unsuitable, no suitable homelessness or custody (rule 133)', () => {
  assert.equal(isSuitableAccom('D1'), true);
  assert.equal(isUnsuitableAccom('D2'), true);
  assert.equal('S1' in ACCOM, false);
  assert.equal('X1' in ACCOM, false);
  assert.equal(isUnsuitableAccom('S2'), true);
  assert.equal(Object.keys(ACCOM).length, 16 * 2 - 2 + 1);
  assert.equal(label(ACCOM, 'Z1'), 'With former foster carer(s) (staying put) (suitable)');
  assert.equal(label(PLACE, null), 'Not recorded');
});

test('UPN: check letter (not I, O or S) and 12 digits, temporary UPNs, or UN1 to UN5 (rule 168)', () => {
  for (const ok of ['A123456789012', 'Z12345678901B', 'UN5']) assert.match(ok, UPN_PATTERN);
  for (const bad of ['I123456789012', 'A12345678901', 'UN6', 'a123456789012x']) assert.doesNotMatch(bad, UPN_PATTERN);
});

const episode: EpisodeRow = {
  child: 'C1', decom: '2024-04-01', rne: 'S', ls: 'C2', cin: 'N1', place: 'U4', placeProvider: 'PR1', dec: null, rec: null,
  reasonPlaceChange: null, homePost: null, plPost: null, urn: null,
};

test('episode rules: 356, 148 and 213', () => {
  assert.deepEqual(episodeRules(episode), []);
  assert.deepEqual(episodeRules({ ...episode, dec: '2024-03-31', rec: 'E13' }).map((i) => i.rule), ['356']);
  assert.deepEqual(episodeRules({ ...episode, dec: '2024-05-01' }).map((i) => [i.field, i.rule]), [['REC', '148']]);
  assert.deepEqual(episodeRules({ ...episode, rec: 'E13' }).map((i) => [i.field, i.rule]), [['DEC', '148']]);
  // A provider on a temporary placement breaks 213 and, as the validator has it, 178.
  assert.deepEqual(episodeRules({ ...episode, place: 'T1', rne: 'P' }).map((i) => i.rule), ['213', '178']);
});

test('missing rules: 567 and 570 on the collection year end (31 March)', () => {
  const m = { child: 'C1', dob: '2010-01-01', missing: 'M', misStart: '2025-03-31', misEnd: null };
  assert.deepEqual(missingRules(m, 2024), []);
  assert.deepEqual(missingRules({ ...m, misStart: '2025-04-01' }, 2024).map((i) => i.rule), ['570']);
  assert.deepEqual(missingRules({ ...m, misStart: '2025-04-01' }, null), []);
  assert.deepEqual(missingRules({ ...m, misEnd: '2025-03-30' }, 2024).map((i) => i.rule), ['567']);
});

test('OC3 rules 153, 344 and 345', () => {
  const o = { child: 'C1', dob: '2007-01-01', inTouch: 'YES', activ: 'F1', accom: 'D1' };
  assert.deepEqual(oc3Rules(o), []);
  assert.deepEqual(oc3Rules({ ...o, accom: null }).map((i) => [i.field, i.rule]), [['ACCOM', '153']]);
  assert.deepEqual(oc3Rules({ ...o, inTouch: 'DIED' }).map((i) => i.rule), ['344']);
  assert.deepEqual(oc3Rules({ ...o, inTouch: 'DIED', activ: '0', accom: '0' }), []);
  assert.deepEqual(oc3Rules({ ...o, accom: '0' }).map((i) => [i.field, i.rule]), [['ACCOM', '345']]);
});

test('EHCP request rules follow the order of the statutory process', () => {
  const r: EhcpRequestRow = {
    requestId: 'R1', personId: 'P1', personBirthDate: '2015-01-01', sex: 'M', receivedDate: '2024-01-08', requestOutcomeDate: '2024-02-15',
    requestOutcome: 'Y', assessmentOutcomeDate: '2024-04-10', assessmentOutcome: 'Y', week20: false, exceptionReason: null,
    draftPlanDate: '2024-04-20', startDate: '2024-05-20', senType: 'ASD',
  };
  const rules = (x: Partial<EhcpRequestRow>) => ehcpRequestRules({ ...r, ...x }).map((i) => `${i.field}:${i.rule}`);
  assert.deepEqual(rules({}), []);
  assert.deepEqual(rules({ requestOutcomeDate: '2024-01-07' }), ['RequestOutcomeDate:end-before-start']);
  assert.deepEqual(rules({ requestOutcome: 'N', requestOutcomeDate: null, assessmentOutcome: null, startDate: null, draftPlanDate: null }), ['RequestOutcomeDate:required']);
  assert.deepEqual(rules({ requestOutcome: 'N' }), ['AssessmentOutcome:assessment-without-request']);
  assert.deepEqual(rules({ assessmentOutcome: 'N' }), ['StartDate:plan-without-decision']);
  assert.deepEqual(rules({ draftPlanDate: '2024-06-01' }), ['DraftPlanDate:draft-after-final']);
  assert.deepEqual(rules({ exceptionReason: 'SCHOOL_CLOSURE' }), ['ExceptionReason:exception-without-week20']);
  assert.deepEqual(rules({ exceptionReason: 'SCHOOL_CLOSURE', week20: true }), []);
});

test('a table is recognised by its header in any case and order, and only by its exact columns', () => {
  assert.equal(detectTable([' mis_end', 'Child', 'DOB ', 'missing', 'MIS_START'])?.label, 'SSDA903 Missing');
  assert.equal(detectTable(['CHILD', 'SEX', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'])?.label, 'Missing from home');
  assert.equal(detectTable(['CHILD', 'DOB', 'MISSING', 'MIS_START']), null);
  assert.equal(detectTable(['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END', 'MIS_END']), null);
});

test('the collection year comes from the innermost folder or file name with a year', () => {
  assert.equal(yearFromPath('data/ssda903_2025/header.csv'), 2024);
  assert.equal(yearFromPath('2019/returns/903-2024-25/episodes.csv'), 2024);
  assert.equal(yearFromPath('exports/ssda903_2023/header_2026.csv'), 2025);
  assert.equal(yearFromPath('exports/header.csv'), null);
});

test('errors print as a table with the count of those not shown', () => {
  const text = formatErrors([{ file: 'a.csv', row: 2, field: 'DOB', rule: '102', message: 'Bad date.' }], 3);
  assert.deepEqual(text.split('\n'), [
    'File   Row  Field  Rule  Message',
    '-----  ---  -----  ----  -------',
    'a.csv  2    DOB    102   Bad date.',
    '... and 2 more (3 errors in all)',
  ]);
});
