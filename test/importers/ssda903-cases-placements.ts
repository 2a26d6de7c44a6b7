// Failing and passing cases of the rules in src/core/rules/ssda903-register-placements.ts (see ./ssda903-cases.ts).
// Each ports the rows of the validator's own test_validate for the rule (lac_validator/rules/lac20xx_yy/rule_<code>.py)
// that our CSV tables can express: its failing rows become failing cases, its passing rows passing cases.
import { caseList, type Case, type Rows } from './ssda903-cases.ts';

export const PLACEMENT_AREA_CASES: Case[] = [];
const rule = caseList(PLACEMENT_AREA_CASES);

/** Every failing case of a rule, each beside a passing one (the last repeated when there are fewer). */
function each(code: string, fails: Rows[], passes: Rows[], fy = 2025) {
  for (let i = 0; i < Math.max(fails.length, passes.length); i++) {
    rule(code, fails[Math.min(i, fails.length - 1)]!, passes[Math.min(i, passes.length - 1)]!, fy);
  }
}

type Field = 'decom' | 'rne' | 'ls' | 'cin' | 'place' | 'prov' | 'dec' | 'rec' | 'reason' | 'home' | 'pl' | 'urn';
/** An episode row: an open U4 foster placement begun 01/05/2025 unless told otherwise. */
const ep = (o: Partial<Record<Field, string>> = {}) =>
  ['{c}', o.decom ?? '01/05/2025', o.rne ?? 'S', o.ls ?? 'C2', o.cin ?? 'N1', o.place ?? 'U4', o.prov ?? 'PR1', o.dec ?? '', o.rec ?? '',
    o.reason ?? '', o.home ?? '', o.pl ?? '', o.urn ?? ''].join(',');
const eps = (...rows: Partial<Record<Field, string>>[]): Rows => ({ episodes: rows.map(ep) });
/** A Header row of a child born on `dob`, MOTHER as given (blank by default). */
const header = (dob: string, mother = '') => `{c},F,${dob},WBRI,UN1,${mother},`;

// One episode's own fields
each('217', [eps({ place: 'A5', ls: 'E1', rne: 'P' }), eps({ place: 'A3', rne: 'L' })],
  [eps({ place: 'A3', rne: 'S' }), eps({ place: 'A5', ls: 'E1', rne: 'T' }), eps({ place: 'A3', rne: 'U' }), eps({ place: 'A5', ls: 'E1', rne: 'P', decom: '01/04/2013' })]);
each('233', [eps({ reason: 'CARPL' })], [eps({ dec: '01/06/2025', rec: 'X1', reason: 'CARPL' }), eps()]);
each('378', [eps({ place: 'P1', prov: 'PR0', ls: 'V2' })], [eps({ place: 'P1', prov: 'PR0' }), eps({ place: 'A6', ls: 'V2' })]);
each('380', [eps({ place: 'T0', prov: '', rne: 'L' }), eps({ place: 'T4', prov: '', rne: 'S' })],
  [eps({ place: 'T1', prov: '', rne: 'P' }), eps({ place: 'T1', prov: '', rne: 'B' }), eps({ place: 'U2', rne: 'P' })]);
each('381', [eps({ place: 'T0', prov: '', dec: '10/05/2025', rec: 'E13' })],
  [eps({ place: 'T3', prov: '', dec: '10/05/2025', rec: 'X1' }), eps({ place: 'T2', prov: '' }), eps({ dec: '10/05/2025', rec: 'E13' })]);
each('382', [eps({ place: 'T0', prov: '', ls: 'V3' }), eps({ place: 'T2', prov: '', ls: 'V4' }), eps({ place: 'T3', prov: '', ls: 'V4' })],
  [eps({ place: 'R1', prov: 'PR3', ls: 'V3' }), eps({ place: 'T1', prov: '' })]);
each('384', [eps({ place: 'U1', ls: 'V4' }), eps({ place: 'U4', ls: 'V3' })], [eps({ place: 'P1', prov: 'PR0', ls: 'V3' }), eps({ place: 'A6', ls: 'V4' })]);
each('390', [eps({ place: 'P1', prov: 'PR0', dec: '01/06/2025', rec: 'E11' }), eps({ place: 'P1', prov: 'PR0', ls: 'V2', dec: '01/06/2025', rec: 'E12' })],
  [eps({ place: 'A4', ls: 'E1', dec: '01/06/2025', rec: 'E12' }), eps({ place: 'A5', ls: 'E1', dec: '01/06/2025', rec: 'E11' })]);
each('408', [eps({ place: 'A5' }), eps({ place: 'A6', ls: 'V2' })], [eps({ place: 'A6', ls: 'E1' }), eps({ place: 'U2' })]);
const ceased = (place: string, rec: string, prov = 'PR1') => eps({ place, prov, dec: '01/06/2025', rec });
each('516', [ceased('S1', 'E46', 'PR5'), ceased('R1', 'E45', 'PR3'), ceased('K2', 'E46', 'PR4')],
  [ceased('U1', 'E45'), ceased('U2', 'E46'), ceased('U6', 'E46'), ceased('K2', 'E2', 'PR4'), eps({ place: 'U3' })]);
rule('516', ceased('Z1', 'E45', ''), ceased('U4', 'E45'), 2024);
each('526', [eps({ place: 'P1', prov: '' }), eps({ prov: '' })], [eps({ place: 'T1', prov: '' }), eps({ place: 'T3', prov: 'PR0' }), eps({ place: 'Z14', prov: '' })]);
rule('526', eps({ decom: '01/05/2024', place: 'P1', prov: '' }), eps({ decom: '01/05/2024', place: 'Z1', prov: '' }), 2024);
each('527', [eps({ place: 'P1', prov: 'PR1' }), eps({ place: 'R2', prov: 'PR1' })], [eps({ place: 'A3', prov: 'PR3' }), eps({ place: 'K1', prov: 'PR4' })]);
each('528', [eps({ place: 'P1', prov: 'PR2' }), eps({ place: 'R2', prov: 'PR2' })],
  [eps({ place: 'A3', prov: 'PR3' }), eps({ place: 'K1', prov: 'PR2' }), eps({ place: 'P1', prov: 'PR4' }), eps({ place: 'P1', prov: 'PR5' })]);
each('529', [eps({ place: 'U3', prov: 'PR3' }), eps({ place: 'A3', prov: 'PR3' })],
  [eps({ place: 'U1', prov: 'PR0' }), eps({ place: 'U2', prov: 'PR1' }), eps({ place: 'T1', prov: 'PR3' })]);
each('530', [eps({ place: 'P1', prov: 'PR4' })], [eps({ place: 'A3', prov: 'PR3' }), eps({ place: 'K1', prov: 'PR4' }), eps({ place: 'P1', prov: 'PR5' })]);
each('531', [eps({ place: 'P1', prov: 'PR5' })], [eps({ place: 'A3', prov: 'PR3' }), eps({ place: 'K1', prov: 'PR4' }), eps({ place: 'P1', prov: 'PR4' })]);
each('550', [eps({ place: 'T3', prov: 'PR0' }), eps({ place: 'U4', prov: 'PR0' })],
  [eps({ place: 'P1', prov: 'PR0' }), eps({ place: 'T1', prov: 'PR4' }), eps({ place: 'T1', prov: '' })]);
each('214', [eps({ ls: 'V3', pl: 'M2 3RT', urn: 'XXXXXX' }), eps({ ls: 'V4', pl: 'M2 3RT' }), eps({ ls: 'V4', urn: 'SC045099' })],
  [eps({ pl: 'M2 3RT', urn: 'SC045099' }), eps({ urn: 'SC045099' }), eps({ ls: 'V3' })]);
each('398', [eps({ ls: 'V3', home: 'AB1 0JD', pl: 'AB1 0JD' }), eps({ ls: 'V4', home: 'AB1 0JD' })],
  [eps({ home: 'invalid', pl: 'AB1 0JD' }), eps({ home: 'invalid', pl: 'invalid' }), eps({ home: 'AB10JD', pl: 'AB1 0JD' })]);
each('392d', [eps({ home: 'BN20', pl: 'BN20' })], [eps({ place: 'P1', prov: 'PR0', home: 'BN20', pl: 'BN20' }), eps({ home: 'BN20', pl: 'BN21' })]);
const temporary = (place: string, dec: string) => eps({ place, prov: '', rne: 'P', dec, rec: 'X1' });
each('375', [temporary('T1', '13/06/2025')], [temporary('T1', '12/06/2025'), temporary('U4', '30/06/2025')]);
each('376', [temporary('T3', '23/05/2025')], [temporary('T3', '22/05/2025'), temporary('T1', '23/05/2025')]);
each('379', [temporary('T4', '09/05/2025')], [temporary('T4', '08/05/2025'), temporary('T1', '09/05/2025')]);

// Along the child's chain of episodes
const ended = (o: Partial<Record<Field, string>>, dec: string) => ({ ...o, dec, rec: 'X1' });
each('225', [eps(ended({ place: 'U1' }, '05/06/2025'), { decom: '05/06/2025', rne: 'P' })],
  [eps(ended({ place: 'U1', reason: 'CARPL' }, '05/06/2025'), { decom: '05/06/2025', rne: 'P' }),
    eps(ended({ place: 'U1' }, '05/06/2025'), { decom: '05/06/2025', rne: 'L', ls: 'C1', place: 'U1' }),
    eps(ended({ place: 'T1', prov: '', rne: 'P' }, '05/06/2025'), { decom: '05/06/2025', rne: 'P' }),
    eps(ended({ place: 'U1' }, '05/06/2025'), { decom: '05/06/2025', rne: 'P', place: 'T3', prov: '' })]);
each('336', [eps(ended({ place: 'U1' }, '11/06/2025'), ended({ decom: '11/06/2025', rne: 'P', place: 'T1', prov: '' }, '22/06/2025'), { decom: '22/06/2025', rne: 'P', place: 'A3' }),
  eps(ended({ place: 'K2', prov: 'PR4' }, '11/06/2025'), { decom: '11/06/2025', rne: 'P', place: 'A4' })],
[eps(ended({ place: 'U1' }, '11/06/2025'), { decom: '11/06/2025', rne: 'P', place: 'A4' }), eps({ place: 'A3' })]);
const holiday = (decom: string, dec: string) => ended({ decom, rne: 'P', place: 'T3', prov: '' }, dec);
each('377', [eps(holiday('01/05/2025', '05/05/2025'), holiday('05/06/2025', '10/06/2025'), holiday('05/07/2025', '10/07/2025'))],
  [eps(holiday('01/05/2025', '05/05/2025'), holiday('05/06/2025', '10/06/2025'))]);
const around = (after: Partial<Record<Field, string>>, pl = '1') =>
  eps(ended({ place: 'S1', prov: 'PR5', pl: '1' }, '05/06/2025'), ended({ decom: '05/06/2025', rne: 'P', place: 'T1', prov: '', pl: '2' }, '06/06/2025'),
    { decom: '06/06/2025', place: 'S1', prov: 'PR5', rne: 'P', pl, ...after });
each('383', [around({ rne: 'T' }), around({ place: 'K2', prov: 'PR4' }), around({}, '3')],
  [around({}), eps(ended({ place: 'T1', prov: '', rne: 'P' }, '13/06/2025'), ended({ decom: '13/06/2025', place: 'T1', prov: '', rne: 'P' }, '14/06/2025'), { decom: '14/06/2025', place: 'T1', prov: '', rne: 'P' })]);
rule('383', around({ rne: 'T' }), around({}, '3'), 2024);
each('504', [eps(ended({ cin: 'N1' }, '04/06/2025'), ended({ decom: '04/06/2025', rne: 'L', ls: 'C1', cin: 'N2' }, '06/06/2025'), { decom: '06/06/2025', rne: 'L', cin: 'N3' })],
  [eps(ended({ cin: 'N1' }, '04/06/2025'), { decom: '04/06/2025', rne: 'L', ls: 'C1' }), eps({ cin: 'N1', dec: '04/06/2025', rec: 'E13' }, { decom: '10/06/2025', cin: 'N3' })]);

// Against the Header, UASC and Reviews
for (const [code, place, prov, dob] of [['372', 'R5', 'PR3', '15/03/2015'], ['373', 'S1', 'PR5', '15/03/2021'], ['374', 'P3', 'PR4', '15/03/2011']]) {
  const at = (decom: string, dec = '25/04/2025') => ({ header: [header(dob!)], episodes: [ep({ decom, place, prov, dec, rec: dec ? 'E13' : '' })] });
  each(code!, [at('14/03/2025')], [at('15/03/2025'), at('14/03/2025', '')]);
}
each('234', [{ header: [header('01/01/2016')], ...eps({ decom: '31/12/2025', dec: '01/02/2026', rec: 'X1', reason: 'CUSTOD' }) }],
  [{ header: [header('01/01/2016')], ...eps({ decom: '01/01/2026', dec: '01/02/2026', rec: 'X1', reason: 'CUSTOD' }) },
    { header: [header('01/01/2016')], ...eps({ decom: '31/12/2025', dec: '01/02/2026', rec: 'X1', reason: 'CARPL' }) }]);
const UASC = '{c},F,01/01/2010,';
each('392b', [eps({ ls: 'L1', home: 'XX1' }), eps({ ls: 'L1', pl: 'XX1' })],
  [eps({ ls: 'L1', home: 'XX1', pl: 'XX1' }), eps({ ls: 'V3' }), { ...eps({ ls: 'L1', home: 'XX1' }), uasc: [UASC] }, { ...eps({ ls: 'L1', home: 'XX1' }), uasc_last: [UASC] }]);
const REVIEW = '{c},01/01/2010,30/11/2025,PN1';
each('399', [{ header: [header('01/01/2010', '0')], ...eps({ ls: 'V4', dec: '05/06/2025', rec: 'E13' }, { decom: '01/08/2025', ls: 'V4' }) },
  { header: [header('01/01/2010')], ...eps({ ls: 'V3' }), reviews: [REVIEW] }],
[{ header: [header('01/01/2010', '1')], ...eps({ ls: 'V3', dec: '05/06/2025', rec: 'E13' }, { decom: '01/08/2025' }), reviews: [REVIEW] },
  { header: [header('01/01/2010')], ...eps({ ls: 'V3' }) }]);
const leaver = (dob: string, accom: string) => ({ header: [header(dob, '0')], oc3: [`{c},${dob},YES,F1,${accom}`] });
each('347', [leaver('02/04/2007', 'T1'), leaver('02/04/2007', 'T2')], [leaver('01/04/2007', 'T1'), leaver('02/04/2007', 'D1'), leaver('01/01/2005', 'T2')]);

// Against last year
const urnEp = (urn: string) => ep({ decom: '01/05/2024', place: 'K2', prov: 'PR4', urn });
each('503F', [{ episodes: [urnEp('')], episodes_last: [urnEp('SC055123')] }, { episodes: [urnEp('SC055123')], episodes_last: [urnEp('XXX')] }],
  [{ episodes: [urnEp('SC055123')], episodes_last: [urnEp('SC055123')] }]);

// The validator's test rows of the placement rules of the base register (146, 178, 213, 222, 226, 503D, 503E).
// csinsight reads codes whatever their case ("t3", "pr4" are T3, PR4), and a blank cell is blank, so the
// validator's rows with a lower-case or empty-string code have no counterpart here.
each('146', [eps({ place: 'A2' }), eps({ place: 'R4' }), eps({ place: 'Z' }), eps({ place: '' })], [eps({ place: 'P1', prov: 'PR0' }), eps({ place: 'Z14', prov: '' })]);
each('146', [eps({ decom: '01/05/2024', place: 'A2' })], [eps({ decom: '01/05/2024', place: 'H5' }), eps({ decom: '01/05/2024', place: 'Z1', prov: '' })], 2024);
each('178', [eps({ place: 'T0', prov: 'PR1' }), eps({ place: 'Z14', prov: 'PR5' })], [eps({ place: 'U1', prov: 'PR0' }), eps({ place: 'Z11', prov: '' })]);
each('213', [eps({ place: 'T2', prov: 'PR2' }), eps({ place: 'T3', prov: 'PR1' }), eps({ place: 'Z13', prov: 'PR1' })],
  [eps({ place: 'T0', prov: '' }), eps({ place: 'U6', prov: '' }), eps({ place: 'U1', prov: 'PR3' }), eps({ place: 'P1', prov: 'PR0' }), eps({ place: 'Z11', prov: '' })]);
each('213', [eps({ decom: '01/05/2024', place: 'T2', prov: 'PR2' })], [eps({ decom: '01/05/2024', place: 'Z1', prov: '' })], 2024);
each('222', [eps({ place: 'R1', urn: 'Whatever' }), eps({ place: 'T2', prov: '', urn: 'Whatever' }), eps({ place: 'Z11', prov: '', urn: 'Whatevs' })],
  [eps({ place: 'U1', urn: 'Whatever' }), eps({ place: 'U2' }), eps({ place: 'T1', prov: '' }), eps({ place: 'K3', urn: 'XXXXXXX' })]);
each('222', [eps({ decom: '01/05/2024', place: 'R1', urn: 'Whatever' })], [eps({ decom: '01/05/2024', place: 'P2', urn: 'Whatever' }), eps({ decom: '01/05/2024', place: 'H5', urn: 'XXXXXXX' })], 2024);
each('222', [eps({ decom: '01/05/2023', place: 'P2', urn: 'Whatever' })], [eps({ decom: '01/05/2023', place: 'H5', urn: 'XXXXXXX' })], 2023);
const opened = (decom: string, place: string, prov = 'PR1') => ep({ decom, place, prov });
// Last year's open episode against this year's first, whether or not it begins the same day.
each('503D', [{ episodes: [opened('08/06/2024', 'T3', '')], episodes_last: [opened('19/06/2024', 'U4')] }, { episodes: [opened('08/06/2024', 'K2')], episodes_last: [opened('08/06/2024', 'U4')] }],
  [{ episodes: [opened('08/06/2024', 'Z14', '')], episodes_last: [opened('08/06/2024', 'Z1', '')] }, { episodes: [opened('08/06/2024', 'Z13', '')], episodes_last: [opened('19/06/2024', 'Z1', '')] },
    { episodes: [opened('08/06/2024', 'K3')], episodes_last: [opened('08/06/2024', 'H5')] }]);
each('503E', [{ episodes: [opened('05/06/2024', 'U4', 'PR3')], episodes_last: [opened('19/06/2024', 'U4', 'PR2')] }, { episodes: [opened('05/06/2024', 'U4', 'PR5')], episodes_last: [opened('05/06/2024', 'U4', 'PR2')] }],
  [{ episodes: [opened('08/06/2024', 'U4', 'PR4')], episodes_last: [opened('08/06/2024', 'U4', 'PR4')] }]);
each('226', [eps(ended({ place: 'U1', reason: 'CARPL' }, '11/06/2025'), { decom: '11/06/2025', rne: 'P', place: 'T1', prov: '' }),
  eps(ended({ place: 'T3', prov: '', rne: 'P' }, '11/06/2025'), ended({ decom: '11/06/2025', rne: 'P', place: 'K2', prov: 'PR4' }, '22/06/2025'),
    { decom: '22/06/2025', rne: 'P', place: 'T1', prov: '', reason: 'CARPL' })],
[eps(ended({ place: 'T2', prov: '', rne: 'P' }, '11/06/2025'), ended({ decom: '11/06/2025', rne: 'P', place: 'U1' }, '22/06/2025'), { decom: '22/06/2025', rne: 'P', reason: 'CARPL' }),
  eps({ place: 'T4', prov: '', rne: 'P' })]);
