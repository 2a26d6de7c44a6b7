// The register of CIN census rules about a whole child: a child that keeps every rule (the passing
// case), and for each rule a change that breaks it (the failing case), named by the DfE code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { censusYear } from '../../src/core/childProtection.ts';
import { CENSUS_RULES, CensusReturnTally, censusRulesFor, checkCensusChild, type CensusChild, type CensusEpisode, type CensusPreProceedings } from '../../src/core/rules/cinCensus.ts';

const loc = { line: 1, path: 'Child' };
const YEAR = censusYear(2026);

function base(): CensusChild {
  return {
    loc, id: 'C1', birthDate: '2015-01-01', expectedBirthDate: null, deathDate: null, sex: 'F', upn: 'Y201000000001', formerUpn: null, upnUnknown: null, disabilities: [{ loc, code: 'NONE' }],
    episodes: [{
      loc, referralDate: '2025-05-01', source: '6', closureDate: '2026-02-01', closureReason: 'RC7', primaryNeed: 'N1', icpc: null, nfa: false,
      assessments: [{ loc, start: '2025-05-02', review: null, authorised: '2025-06-01', factors: ['3A'] }],
      plans: [{ loc, start: '2026-01-16', end: '2026-02-01' }],
      s47: [{ loc, start: '2025-05-03', target: '2025-05-23', icpc: '2025-05-20', notRequired: false }],
      cpps: [{ loc, start: '2025-05-20', end: '2026-01-15', initial: 'NEG', latest: 'NEG', previous: 0, reviews: [{ loc, date: '2025-08-15' }] }],
      preProceedings: [],
    }],
  };
}

const ep = (c: CensusChild) => c.episodes[0]!;
const pp = (more: Partial<CensusPreProceedings>): CensusPreProceedings => ({
  loc, start: '2025-06-02', letterSent: '2025-06-02', fgdmOffered: true, fgdmFacilitated: true, initialMeeting: '2025-06-10', reviewMeetings: 2,
  stepDecision: '2025-09-01', outcome: 'A', courtApplication: null, letterInitiatingProceedings: null, ...more,
});
const another = (e: CensusEpisode, more: Partial<CensusEpisode>): CensusEpisode => ({ ...structuredClone(e), ...more });

/** Each rule's failing case: a change to the passing child. */
const BREAKS: Record<string, (c: CensusChild) => void> = {
  1570: (c) => (c.id = 'C'.repeat(21)),
  1580: (c) => (c.id = 'C-1'),
  8520: (c) => (c.birthDate = '2026-05-01'),
  8750: (c) => ((c.birthDate = null), (c.expectedBirthDate = '2026-01-01')),
  8790: (c) => c.disabilities.push({ loc, code: 'MOB' }),
  8794: (c) => (c.disabilities = [{ loc, code: 'MOB' }, { loc, code: 'MOB' }]),
  8600: (c) => (ep(c).referralDate = '2026-04-02'),
  8606: (c) => (c.birthDate = '2026-03-01'),
  8610: (c) => (ep(c).primaryNeed = null),
  8620: (c) => (ep(c).closureDate = '2026-04-05'),
  8815: (c) => {
    Object.assign(ep(c), { closureDate: null, closureReason: null });
    c.episodes.push(another(ep(c), { referralDate: '2026-03-01', assessments: [], plans: [], s47: [], cpps: [] }));
  },
  8820: (c) => c.episodes.push(another(ep(c), { referralDate: '2026-01-20', assessments: [], plans: [], s47: [], cpps: [] })),
  8831: (c) => (ep(c).nfa = true),
  8832: (c) => (ep(c).nfa = true),
  4000: (c) => (ep(c).nfa = true),
  2990: (c) => (ep(c).closureReason = 'RC8'),
  8565: (c) => (ep(c).closureDate = '2026-01-10'),
  1104: (c) => (ep(c).s47[0]!.icpc = '2025-04-29'),
  8696: (c) => (ep(c).assessments[0]!.authorised = '2025-03-14'),
  8736: (c) => Object.assign(ep(c).assessments[0]!, { start: '2025-03-03', authorised: null, factors: [] }),
  8614: (c) => (ep(c).assessments[0]!.authorised = null),
  8898: (c) => (ep(c).assessments[0]!.factors = ['3A', '3A']),
  8896: (c) => (ep(c).assessments = [{ loc, start: '2025-05-02', review: null, authorised: null, factors: [] }, { loc, start: '2025-05-05', review: null, authorised: null, factors: [] }]),
  4010: (c) => (ep(c).plans[0]!.start = '2026-04-01'),
  4013: (c) => (ep(c).plans[0]!.end = '2026-04-01'),
  4004: (c) => (ep(c).plans = [{ loc, start: '2026-01-16', end: null }, { loc, start: '2026-01-20', end: null }]),
  4014: (c) => ep(c).plans.push({ loc, start: '2026-01-20', end: '2026-01-30' }),
  4008: (c) => (c.deathDate = '2026-01-10'),
  4001: (c) => (ep(c).plans[0]!.start = '2026-01-10'),
  8715: (c) => (ep(c).icpc = '2025-03-20'),
  8740: (c) => Object.assign(ep(c).s47[0]!, { start: '2025-03-20', icpc: null }),
  8839: (c) => (ep(c).s47 = [{ loc, start: '2025-05-03', target: null, icpc: null, notRequired: false }, { loc, start: '2025-05-06', target: null, icpc: null, notRequired: false }]),
  8868: (c) => (ep(c).s47[0]!.icpc = null),
  8875: (c) => (ep(c).s47[0]!.icpc = '2025-05-24'),
  2884: (c) => (ep(c).icpc = '2025-05-20'),
  2883: (c) => ep(c).cpps.push({ ...structuredClone(ep(c).cpps[0]!), start: '2026-01-16', end: null }),
  2885: (c) => (ep(c).cpps[0]!.start = '2025-05-21'),
  8720: (c) => (ep(c).cpps[0]!.start = '2026-04-02'),
  8840: (c) => (ep(c).cpps[0]!.end = '2025-05-20'),
  8930: (c) => (ep(c).cpps[0]!.end = '2026-04-02'),
  8935: (c) => ep(c).cpps.push({ ...structuredClone(ep(c).cpps[0]!), end: null }, { ...structuredClone(ep(c).cpps[0]!), start: '2025-06-01', end: null }),
  8940: (c) => ep(c).cpps.push({ ...structuredClone(ep(c).cpps[0]!), start: '2025-06-01', end: '2025-07-01' }),
  8915: (c) => (c.deathDate = '2025-05-10'),
  8920: (c) => (c.deathDate = '2025-12-01'),
  1510: (c) => (c.upn = 'A201000000001'),
  1530: (c) => (c.upn = 'Y999000000001'),
  1540: (c) => (c.upn = 'Y2010000A0001'),
  1550: (c) => (c.upn = 'Y20100000000I'),
  8772: (c) => (c.upnUnknown = 'UN7'),
  8816: (c) => c.episodes.unshift(another(ep(c), { referralDate: '2024-06-01', closureDate: null, closureReason: null, assessments: [], plans: [], s47: [], cpps: [] })),
  8890: (c) => ep(c).s47.push({ loc, start: '2025-05-10', target: null, icpc: '2025-05-27', notRequired: false }),
  4003: (c) => ep(c).cpps[0]!.reviews.push({ loc, date: '2026-01-20' }),
  4016: (c) => (ep(c).plans[0]!.start = '2026-01-10'),
  4017: (c) => (ep(c).plans = [{ loc, start: '2025-05-01', end: '2025-06-01' }]),
  // Pre-proceedings (csinsight's codes, from 2026-27; the passing child has none in 2025-26)
  'pp-start-after-census': (c) => ep(c).preProceedings.push(pp({ start: '2026-04-10' })),
  'pp-date-before-start': (c) => ep(c).preProceedings.push(pp({ courtApplication: '2025-06-01' })),
  'pp-fgdm-not-offered': (c) => ep(c).preProceedings.push(pp({ fgdmOffered: false, fgdmFacilitated: true })),
  // Queries
  '1560Q': (c) => (c.formerUpn = '123'),
  '2991Q': (c) => (ep(c).assessments = []),
  '4009Q': (c) => (c.deathDate = '2026-01-20'),
  '4012Q': (c) => (ep(c).plans[0]!.end = '2026-01-16'),
  '8525Q': (c) => (c.expectedBirthDate = '2015-01-01'),
  '8530Q': (c) => Object.assign(c, { birthDate: null, expectedBirthDate: '2027-06-01', sex: 'U' }),
  '8535Q': (c) => (c.deathDate = '2014-01-01'),
  '8545Q': (c) => (c.deathDate = '2025-03-01'),
  '8555Q': (c) => (c.deathDate = '2025-04-15'),
  '8569Q': (c) => Object.assign(ep(c), { referralDate: '2025-03-01', nfa: true }),
  '8585Q': (c) => (ep(c).closureReason = 'RC2'),
  '8670Q': (c) => Object.assign(ep(c).assessments[0]!, { authorised: null, factors: [] }),
  '8675Q': (c) => (ep(c).s47[0]!.icpc = null),
  '8770Q': (c) => (c.upn = null),
  '8775Q': (c) => (c.birthDate = '1990-01-01'),
  '8825Q': (c) => Object.assign(ep(c), { closureReason: 'RC8', assessments: [] }),
  '8863Q': (c) => ep(c).assessments.push({ loc, start: '2025-05-10', review: null, authorised: '2025-05-20', factors: ['3A'] }),
  '8870Q': (c) => (ep(c).s47[0]!.target = '2025-05-24'),
  '8873Q': (c) => (ep(c).assessments[0]!.factors = ['21']),
  '8897Q': (c) => (ep(c).assessments[0]!.factors = []),
  '8945Q': (c) => (ep(c).assessments[0]!.factors = ['18A']),
  '8950Q': (c) => (ep(c).assessments[0]!.factors = ['19A']),
};

test('the passing child keeps every rule of 2025-26', () => {
  assert.deepEqual(checkCensusChild(base(), YEAR), []);
});

test('every rule in the register has a failing case that breaks it, with its code and the item path', () => {
  const codes = [...new Set(CENSUS_RULES.map((r) => r.code))];
  assert.deepEqual(codes.filter((c) => !(c in BREAKS)), [], 'rules without a failing case');
  for (const code of codes) {
    const child = base();
    BREAKS[code]!(child);
    // Pre-proceedings rules are 2026-27's; the child's dates are checked against 2025-26's census year either way.
    const found = checkCensusChild(child, YEAR, CENSUS_RULES.filter((r) => r.code === code && (r.until ?? 9999) >= 2026)).filter((f) => f.code === code);
    assert.ok(found.length > 0, `rule ${code} is not broken by its failing case`);
    assert.ok(found.every((f) => f.path.startsWith('Child/') && f.message.length > 10), code);
  }
});

test('rules follow the years: Sex from 2024-25 (8750 wants U), GenderCurrent 0 before; 1570 only from 2024-25', () => {
  const unborn = base();
  BREAKS[8750]!(unborn);
  assert.match(checkCensusChild(unborn, YEAR).find((f) => f.code === '8750')!.message, /Sex must equal U/);
  unborn.sex = '2';
  assert.match(checkCensusChild(unborn, censusYear(2024)).find((f) => f.code === '8750')!.message, /Gender must equal 0/);
  assert.ok(!censusRulesFor(2024).some((r) => r.code === '1570'));
  assert.ok(censusRulesFor(2025).some((r) => r.code === '1570'));
});

test('queries (codes ending Q) are findings of severity query; the other rules are errors', () => {
  const child = base();
  BREAKS['8873Q']!(child);
  BREAKS[8840]!(child);
  const found = checkCensusChild(child, YEAR);
  assert.deepEqual(found.map((f) => [f.code, f.severity]).sort(), [['8840', 'error'], ['8873Q', 'query']]);
  assert.ok(CENSUS_RULES.every((r) => (r.severity === 'query') === r.code.endsWith('Q')));
});

test('rules across the return: a UPN twice (1520) at once; no sex recorded, few disability codes, one each at the end', () => {
  const tally = new CensusReturnTally(2026);
  const end = { line: 9, path: 'Message/Children' };
  const a = base();
  const b = { ...base(), id: 'C2', loc: { line: 40, path: 'Child[2]' }, sex: 'U' };
  assert.deepEqual(tally.add(a), []);
  const twice = tally.add(b);
  assert.deepEqual(twice.map((f) => [f.code, f.line, f.severity]), [['1520', 40, 'error']]);
  assert.match(twice[0]!.message, /Y201000000001 is also on line 1/);
  // One of two children with sex U and no expected birth date (over 2%); no disability but NONE.
  assert.deepEqual(tally.end(end).map((f) => [f.code, f.path, f.severity]), [
    ['2886Q', 'Message/Children/Sex', 'query'], ['2887Q', 'Message/Children/Disability', 'query'], ['2888Q', 'Message/Children/Disability', 'query'],
  ]);
  const many = new CensusReturnTally(2024);
  const codes = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS'];
  many.add({ ...base(), disabilities: codes.map((code) => ({ loc, code })) });
  assert.deepEqual(many.end(end), [], 'eight codes, several for a child, every child with a sex');
});

test('pre-proceedings rules are 2026-27’s: a group whose dates follow its start keeps them', () => {
  const child = base();
  ep(child).preProceedings.push(pp({}));
  const ppRules = CENSUS_RULES.filter((r) => r.code.startsWith('pp-'));
  assert.deepEqual(checkCensusChild(child, YEAR, ppRules), []);
  assert.ok(ppRules.every((r) => r.from === 2027) && !censusRulesFor(2026).some((r) => r.code.startsWith('pp-')));
});
