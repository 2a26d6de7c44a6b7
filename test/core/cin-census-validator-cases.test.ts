// The CIN validator's own test cases for rules csinsight added (csc-validator-be-cin, cin2022_23
// rule files' test_validate), ported to whole children: the same rows flagged, and only those.
// Each case names the validator's row numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { censusYear } from '../../src/core/childProtection.ts';
import { CENSUS_RULES, checkCensusChild, type CensusChild, type CensusEpisode, type CensusS47 } from '../../src/core/rules/cinCensus.ts';

const at = (path: string) => ({ line: 1, path });
const episode = (path: string, more: Partial<CensusEpisode>): CensusEpisode => ({
  loc: at(path), referralDate: '2000-04-01', source: '6', closureDate: null, closureReason: null, primaryNeed: 'N1', icpc: null, nfa: false,
  assessments: [], plans: [], s47: [], cpps: [], preProceedings: [], ...more,
});
const child = (id: string, episodes: CensusEpisode[], more: Partial<CensusChild> = {}): CensusChild => ({
  loc: at(id), id, birthDate: '1995-01-01', expectedBirthDate: null, deathDate: null, sex: 'F', upn: null, formerUpn: null, upnUnknown: null,
  disabilities: [], episodes, ...more,
});
/** The paths a rule flags in these children (validator's ReferenceDate 31/03/2001: census Year 2001). */
const flagged = (code: string, children: CensusChild[]) => children.flatMap((c) =>
  checkCensusChild(c, censusYear(2001), CENSUS_RULES.filter((r) => r.code === code)).map((f) => f.path.slice(0, f.path.lastIndexOf('/'))));

test('8890: a section 47 starting while another of the episode is ongoing (rows 1, 5 and 9 of its test)', () => {
  const s = (path: string, start: string, icpc: string | null, notRequired: boolean): CensusS47 => ({ loc: at(path), start, target: null, icpc, notRequired });
  const children = [
    child('child1', [episode('child1/cinID1', { s47: [s('row0', '2000-05-26', '2000-10-26', true), s('row1', '2000-08-26', null, false)] })]),
    child('child2', [episode('child2/cinID2', { s47: [s('row2', '2000-05-26', '2000-10-25', true)] }), episode('child2/cinID22', { s47: [s('row3', '2000-10-26', '2000-12-26', true)] })]),
    child('child3', [episode('child3/cinID3', { s47: [s('row4', '2000-05-26', '2001-10-26', true), s('row5', '2000-08-26', '2000-10-26', true)] })]),
    child('child4', [episode('child4/cinID1', { s47: [s('row6', '2000-10-26', '2001-03-31', true), s('row7', '2000-09-26', null, true)] })]),
    child('child5', [episode('child5/cinID0', { s47: [s('row8', '2000-05-26', '2001-10-26', true), s('row9', '2000-08-26', '2000-10-26', true)] })]),
  ];
  assert.deepEqual(flagged('8890', children), ['row1', 'row5', 'row9']);
});

test('1510: a UPN with the wrong check letter (rows 5 and 6 of its test; nonsense and missing UPNs are other rules\')', () => {
  const upns = ['A950000178301', null, 'H243278544154', 'ASFFAGSVSV123', 'R325', 'R247962919251', 'X428558133462', 'X845212818005'];
  const children = upns.map((upn, i) => child(`row${i}`, [episode(`row${i}/e`, {})], { upn }));
  assert.deepEqual(flagged('1510', children), ['row5', 'row6']);
});

test('8816: an open episode (not no further action) that is not the child\'s latest referral (rows 0, 2 and 5 of its test)', () => {
  const e = (path: string, referralDate: string, closureDate: string | null) => episode(path, { referralDate, closureDate, closureReason: closureDate ? 'RC1' : null });
  const children = [
    child('child1', [e('row0', '2000-10-26', null), e('row1', '2001-10-26', '2001-05-26'), e('row2', '1999-10-26', null), e('row3', '2002-10-26', null)]),
    child('child2', [e('row4', '1999-10-26', null), e('row5', '1990-10-26', null)]),
  ];
  assert.deepEqual(flagged('8816', children), ['row0', 'row2', 'row5']);
});
