// Failing and passing cases of the rules in src/core/rules/ssda903-register-episodes.ts (see ./ssda903-cases.ts),
// ported from each rule's test_validate() in the open 903 validator where our CSV tables can express it.
import { caseList, H, EP, type Case } from './ssda903-cases.ts';

export const EPISODE_AREA_CASES: Case[] = [];
const rule = caseList(EPISODE_AREA_CASES);

/** A Header row with this date of birth, UPN, MOTHER and MC_DOB. */
const HD = (dob: string, upn = 'UN1', mother = '0', mcDob = '') => `{c},F,${dob},WBRI,${upn},${mother},${mcDob}`;
/** An episode: begun, reason for new episode, legal status, placement, and (for a closed one) ceased and why. */
const E = (decom: string, rne = 'S', ls = 'C2', place = 'U4', dec = '', rec = '') => `{c},${decom},${rne},${ls},N1,${place},PR1,${dec},${rec},,,,`;
const MOTHER_LAST = HD('01/01/2005', 'UN1', '1', '01/01/2024');

// Header
rule('209', { header: [HD('03/10/2015')] }, { header: [HD('11/11/2020')] });
rule('620', { header: [HD('01/06/2015', 'UN2', '1', '01/01/2025')] }, { header: [HD('18/01/2005', 'UN1', '1', '01/01/2024')] });
rule('442', { header: [HD('01/01/2010', '')], episodes: [EP] }, { header: [HD('01/01/2010', '')], episodes: [E('01/05/2025', 'S', 'V3', 'U4', '03/05/2025', 'E13')] });
rule('625', { header: [HD('01/01/2005', 'UN1', '1', '01/09/2025')], episodes: [E('01/05/2025', 'S', 'C2', 'U4', '01/08/2025', 'E13')] },
  { header: [HD('01/01/2005', 'UN1', '1', '01/07/2025')], episodes: [E('01/05/2025', 'S', 'C2', 'U4', '01/08/2025', 'E13')] });
rule('EPI', { header: [H] }, { header: [H], episodes: [EP] });
rule('207', { header: [HD('01/01/2005')], header_last: [MOTHER_LAST], episodes: [EP] },
  { header: [MOTHER_LAST, '{c}b,F,01/01/2005,WBRI,UN1,0,'], header_last: [MOTHER_LAST, '{c}b,F,01/01/2005,WBRI,UN1,1,01/01/2024'], episodes: [EP] });
rule('626', { header: [HD('01/01/2005', 'UN1', '1', '01/01/2025')], header_last: [HD('01/01/2005')] },
  { header: [HD('01/01/2005', 'UN1', '1', '01/05/2025')], header_last: [HD('01/01/2005')] });

// Episodes: one row
rule('355', { episodes: [E('01/05/2025', 'S', 'C2', 'U4', '01/05/2025', 'E13')] }, { episodes: [E('01/05/2025', 'S', 'C2', 'U4', '02/05/2025', 'E13')] });
rule('365', { episodes: [E('01/05/2025', 'S', 'V3', 'U4', '19/05/2025', 'E13')] }, { episodes: [E('01/05/2025', 'S', 'V3', 'U4', '18/05/2025', 'E13')] });
rule('365', { episodes: [E('01/03/2026', 'S', 'V3')] }, { episodes: [E('14/03/2026', 'S', 'V3')] });
rule('366', { episodes: [E('01/05/2025', 'P', 'V3', 'U4', '03/05/2025', 'E13')] }, { episodes: [E('01/05/2025', 'S', 'V3', 'U4', '03/05/2025', 'E13')] });
rule('446', { episodes: [E('30/11/2005', 'S', 'E1')] }, { episodes: [E('01/12/2005', 'S', 'E1')] });

// Episodes against the Header
rule('210', { header: [HD('01/01/2010', 'UN4')], episodes: [E('24/03/2026')] }, { header: [HD('01/01/2010', 'UN4')], episodes: [E('23/03/2026')] });
rule('352', { header: [HD('01/05/2007')], episodes: [EP] }, { header: [HD('02/05/2007')], episodes: [EP] });
rule('358', { header: [HD('01/05/2015', 'UN2')], episodes: [E('01/05/2025', 'S', 'J1')] }, { header: [HD('30/04/2015', 'UN2')], episodes: [E('01/05/2025', 'S', 'J1')] });
rule('359', { header: [HD('01/03/2008')], episodes: [EP, '{c}b,31/03/2026,S,C2,N1,U4,PR1,,,,,,'] }, { header: [HD('01/03/2008')], episodes: [E('01/05/2025', 'S', 'V2', 'K2')] });
rule('407', { header: [HD('01/01/2007')], episodes: [E('01/05/2025', 'S', 'C2', 'U4', '01/02/2026', 'E45')] },
  { header: [HD('01/03/2008')], episodes: [E('01/05/2025', 'S', 'C2', 'U4', '01/02/2026', 'E45')] });
rule('460', { header: [HD('01/03/2008')], episodes: [E('01/05/2025', 'S', 'C2', 'U4', '01/02/2026', 'E17')] },
  { header: [HD('01/01/2008')], episodes: [E('01/05/2025', 'S', 'C2', 'U4', '01/02/2026', 'E17')] });

// Episodes across rows: legal statuses that may last only so long, counting episodes that follow on
rule('361', { episodes: [E('01/05/2025', 'S', 'L1', 'U4', '03/05/2025', 'X1'), E('03/05/2025', 'P', 'L1', 'U6', '05/05/2025', 'E13')] },
  { episodes: [E('01/05/2025', 'S', 'L1', 'U4', '03/05/2025', 'X1'), E('03/05/2025', 'P', 'L1', 'U6', '04/05/2025', 'E13')] });
rule('361', { episodes: [E('15/03/2026', 'S', 'L1')] }, { episodes: [E('28/03/2026', 'S', 'L1')] });
rule('362', { episodes: [E('01/05/2025', 'S', 'L2', 'U4', '23/05/2025', 'E13')] }, { episodes: [E('01/05/2025', 'S', 'L2', 'U4', '22/05/2025', 'E13')] });
rule('363', { episodes: [E('01/05/2025', 'S', 'L3', 'U4', '09/05/2025', 'E13')] },
  { episodes: [E('01/05/2025', 'S', 'L3', 'U4', '07/05/2025', 'E13'), E('10/05/2025', 'S', 'L3', 'U4', '15/05/2025', 'E13')] });
rule('364', { episodes: [E('01/05/2025', 'S', 'J2', 'U4', '10/05/2025', 'X1'), E('10/05/2025', 'P', 'J2', 'U6', '23/05/2025', 'E13')] },
  { episodes: [E('01/05/2025', 'S', 'J2', 'U4', '22/05/2025', 'E13')] });
/** Short breaks of 17 days, one a month from May. */
const breaks = (n: number) => Array.from({ length: n }, (_, i) => E(`01/${String(5 + i).padStart(2, '0')}/2025`, 'S', 'V3', 'U4', `18/${String(5 + i).padStart(2, '0')}/2025`, 'E13'));
rule('367', { episodes: breaks(5) }, { episodes: breaks(4) });
rule('426', { episodes: [E('01/05/2025', 'S', 'V3', 'U4', '03/05/2025', 'E13'), E('01/06/2025', 'S', 'V4', 'U4', '03/06/2025', 'E13')] },
  { episodes: [E('01/05/2025', 'S', 'V3', 'U4', '03/05/2025', 'E13'), E('01/06/2025', 'S', 'V3', 'U4', '03/06/2025', 'E13')] });
rule('1012', { reviews: ['{c},01/01/2010,30/11/2025,PN1'] }, { reviews: ['{c},01/01/2010,30/11/2025,PN1'], episodes: [EP] });
rule('1012', { missing: ['{c},01/01/2010,M,01/05/2025,02/05/2025'] }, { missing: ['{c},01/01/2010,M,01/05/2025,02/05/2025'], episodes: [EP] });

// Episodes against last year's return
const ADOPTED = (y: number) => E(`01/05/${y}`, 'S', 'C2', 'A4', `01/06/${y}`, 'E11');
rule('199', { episodes: [ADOPTED(2025), E('01/08/2025')] }, { episodes: [E('01/05/2025', 'S', 'C2', 'A4', '01/06/2025', 'E13'), E('01/08/2025')] });
rule('199', { episodes: [EP], episodes_last: [ADOPTED(2024)] }, { episodes: [ADOPTED(2025)], episodes_last: [E('01/05/2024', 'S', 'C2', 'A4', '01/06/2024', 'E13')] });
rule('562', { episodes: [E('13/03/2025')], episodes_last: [E('11/03/2025')] }, { episodes: [E('13/03/2025')], episodes_last: [E('13/03/2025')] });
rule('NoE', { episodes: [E('03/10/2024')], episodes_last: ['{c}b,01/05/2024,S,C2,N1,U4,PR1,,,,,,'] }, { episodes: [E('03/10/2024')], episodes_last: [E('03/10/2024')] });

// UASC status (from the UASC file)
rule('231', { header: [HD('01/04/2015', 'UN2')], uasc: ['{c},F,01/04/2015,'] }, { header: [HD('31/03/2015', 'UN2'), '{c}b,F,01/04/2015,WBRI,UN2,0,'], uasc: ['{c},F,31/03/2015,'] });
const UASC = (duc = '', dob = '01/01/2010') => `{c},F,${dob},${duc}`;
rule('205A', { header: [], header_last: [H], uasc: [UASC()], uasc_last: [UASC()] }, { header: [], header_last: [H], uasc: [UASC()], uasc_last: [UASC('01/06/2024')] });
rule('205B', { header: [H], header_last: [H], uasc: [UASC()], uasc_last: [UASC()] },
  { header: [HD('01/06/2006')], header_last: [HD('01/06/2006')], uasc: [UASC('01/06/2024', '01/06/2006')], uasc_last: [UASC('01/06/2024', '01/06/2006')] });
rule('205C', { header: [], uasc: [UASC('01/06/2025')], uasc_last: ['{c}b,F,01/01/2010,'] }, { header: [], uasc: [UASC()], uasc_last: ['{c}b,F,01/01/2010,'] });
rule('205D', { header: [H], header_last: [H], uasc: [UASC()], uasc_last: ['{c}b,F,01/01/2010,'] }, { header: [H], header_last: [H], uasc: [UASC()], uasc_last: [UASC()] });

// Rules of the base register, with rows of the validator's own cases where csinsight used to disagree
rule('142', { episodes: ['{c},01/06/2025,S,C2,N1,U4,PR1,04/06/2025,,,,,', E('04/06/2025', 'P', 'C2', 'U6')] },
  { episodes: [E('01/06/2025', 'S', 'C2', 'U4', '04/06/2025', 'X1'), E('04/06/2025', 'P', 'C2', 'U6')] });
rule('357', { episodes: [E('01/06/2025', 'P')], episodes_last: [E('01/05/2024', 'S', 'C2', 'U4', '01/06/2024', 'E13')] },
  { episodes: [E('01/06/2025')], episodes_last: [E('01/05/2024', 'S', 'C2', 'U4', '01/06/2024', 'E13')] });
rule('431', { episodes: [E('01/06/2025', 'S', 'C2', 'U4', '10/06/2025', 'E13'), E('08/06/2025')] },
  { episodes: [E('01/06/2025', 'S', 'C2', 'U4', '07/06/2025', 'E13'), E('08/06/2025')] });
rule('433', { episodes: [E('04/04/2025', 'S', 'C2', 'U4', '12/09/2025', 'E13'), E('11/09/2025', 'B', 'C1', 'U6', '06/01/2026', 'X1'), E('07/01/2026', 'B', 'C2', 'U4')] },
  { episodes: [E('17/06/2025', 'S', 'C2', 'U4', '19/11/2025', 'X1'), E('19/11/2025', 'P', 'C2', 'U6')] });
/** A children's home placement with its provider, postcode and URN. */
const HOME = (decom: string, rne: string, dec: string, rec: string, post: string) => `{c},${decom},${rne},C2,N1,K2,PR1,${dec},${rec},${rne === 'S' ? '' : 'CARPL'},AB1 1AB,${post},SC123456`;
rule('435', { episodes: [HOME('01/06/2025', 'S', '03/06/2025', 'X1', 'XX1 3XX'), HOME('03/06/2025', 'P', '', '', 'XX1 3XX')] },
  { episodes: [HOME('01/06/2025', 'S', '03/06/2025', 'X1', 'XX1 3XX'), HOME('03/06/2025', 'P', '', '', 'XX9 9XX')] });
