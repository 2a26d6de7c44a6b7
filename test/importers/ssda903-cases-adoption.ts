// Failing and passing cases of the rules in src/core/rules/ssda903-register-adoption.ts (see ./ssda903-cases.ts),
// after the open 903 validator's own test rows (test_validate of each rule), and more cases of the
// AD1, PlacedAdoption and PrevPerm rules of the base register, from the same source.
import { caseList, EP, type Case } from './ssda903-cases.ts';

export const ADOPTION_AREA_CASES: Case[] = [];
const rule = caseList(ADOPTION_AREA_CASES);

const AD = (rest: string) => `{c},01/01/2010,${rest}`;
const AD_OK = AD('01/05/2025,01/08/2025,1,2,MF,L11');
const AD_BLANK = AD(',,,,,');
const PA = (rest: string) => `{c},01/01/2010,${rest}`;
const PP = (rest: string) => `{c},01/01/2010,${rest}`;
const OC3 = '{c},01/01/2010,YES,F1,D1';
/** An episode: begun, legal status, placement, ceased and why. */
const E = (decom: string, ls = 'C2', place = 'U4', dec = '', rec = '', rne = 'S') => `{c},${decom},${rne},${ls},N1,${place},PR1,${dec},${rec},,,,`;
/** Looked after since last year, still open. */
const SINCE_LAST_YEAR = E('01/05/2024');
const ADOPTED = E('01/05/2025', 'E1', 'A5', '01/09/2025', 'E11');
const ORDER = E('01/05/2025', 'E1');

// AD1 row rules (a blank sex agrees with no legal status).
const LS_SEX: [string, string, string, string][] = [
  ['514', 'L0', '', 'F1'], ['517', 'L3', 'FF', 'MF'], ['517', 'L3', '', 'MF'], ['518', 'L4', 'MF', 'FF'], ['518', 'L4', 'M1', 'MM'],
  ['519', 'L2', 'M1', 'MM'], ['519', 'L2', '', 'MF'], ['520', 'L11', 'MM', 'MF'], ['520', 'L11', 'FF', 'MF'], ['524', 'L12', 'MF', 'FF'], ['524', 'L12', 'M1', 'MM'],
];
for (const [code, ls, bad, good] of LS_SEX) {
  const n = good.length === 2 && good[1] !== '1' ? 2 : 1;
  rule(code, { ad1: [AD(`01/05/2025,01/08/2025,1,${n},${bad},${ls}`)] }, { ad1: [AD(`01/05/2025,01/08/2025,1,${n},${good},${ls}`)] });
}
rule('333', { ad1: [AD(',01/08/2025,1,2,MF,L11')] }, { ad1: [AD('01/05/2025,,1,2,MF,L11')] });
rule('151', { ad1: [AD('01/05/2025,,,,,')] }, { ad1: [AD_BLANK] });
rule('511', { ad1: [AD('01/05/2025,01/08/2025,1,2,F1,L11')] }, { ad1: [AD('01/05/2025,01/08/2025,1,1,F1,L0')] });

// AD1 against OC3 and the episodes.
rule('134', { ad1: [AD_OK], oc3: [OC3] }, { ad1: [AD_BLANK], oc3: [OC3] });
rule('187', { episodes: [SINCE_LAST_YEAR], ad1: [AD_OK] }, { episodes: [EP], ad1: [AD_OK] });
rule('187', { episodes: [SINCE_LAST_YEAR], oc3: [OC3] }, { episodes: [EP], oc3: [OC3] });
rule('187', { episodes: [E('01/05/2024', 'C2', 'U4', '01/06/2025', 'X1'), E('01/06/2025', 'C2', 'U6', '', '', 'P')], ad1: [AD_OK] },
  { episodes: [E('01/05/2024', 'V3', 'U4', '01/06/2025', 'X1'), E('01/06/2025', 'C2', 'U6', '', '', 'L')], ad1: [AD_OK] });
rule('331', { episodes: [ADOPTED], ad1: [AD('01/04/2025,01/06/2025,1,2,MF,L11')] }, { episodes: [ADOPTED], ad1: [AD('01/04/2025,01/05/2025,1,2,MF,L11')] });
rule('334', { episodes: [EP], ad1: [AD('01/04/2025,01/08/2025,1,2,MF,L11')] }, { episodes: [EP], ad1: [AD_OK] });
// The latest period of care, not the first.
rule('334', { episodes: [E('01/04/2025', 'C2', 'U4', '01/05/2025', 'E13'), E('01/07/2025')], ad1: [AD('01/06/2025,01/08/2025,1,2,MF,L11')] },
  { episodes: [E('01/04/2025', 'C2', 'U4', '01/05/2025', 'E13'), E('01/07/2025')], ad1: [AD('01/07/2025,01/08/2025,1,2,MF,L11')] });
rule('335', { episodes: [ADOPTED], ad1: [AD('01/05/2025,01/08/2025,0,2,MF,L11')] }, { episodes: [ADOPTED], ad1: [AD_OK] });
rule('335', { episodes: [E('01/05/2025', 'E1', 'A6', '01/09/2025', 'E12')], ad1: [AD_OK] },
  { episodes: [E('01/05/2025', 'E1', 'A6', '01/09/2025', 'E12')], ad1: [AD('01/05/2025,01/08/2025,0,2,MF,L11')] });
rule('521', { episodes: [E('01/05/2025', 'E1', 'A6')], ad1: [AD('01/06/2025,01/08/2025,1,2,MF,L11')] }, { episodes: [E('01/05/2025', 'E1', 'A6')], ad1: [AD_OK] });
rule('582', { episodes: [E('01/05/2025', 'E1', 'A5', '01/08/2025', 'E11')], ad1: [AD_OK] }, { episodes: [ADOPTED], ad1: [AD_OK] });
rule('601', { episodes: [ADOPTED], ad1: [AD('01/05/2025,01/08/2025,1,2,MF,')] }, { episodes: [ADOPTED], ad1: [AD_OK] });
rule('602', { episodes: [EP], ad1: [AD_OK] }, { episodes: [ADOPTED], ad1: [AD_OK] });
rule('602', { episodes: [E('01/05/2024', 'E1', 'A5', '01/03/2025', 'E11')], ad1: [AD_OK] }, { episodes: [EP], ad1: [AD_BLANK] });

// PlacedAdoption rows and AD1.
rule('119', { placed_adoption: [PA('01/05/2025,,RD1')] }, { placed_adoption: [PA('01/05/2025,,')] });
rule('523', { ad1: [AD_OK], placed_adoption: [PA('01/04/2025,,')] }, { ad1: [AD_OK], placed_adoption: [PA('01/05/2025,,')] });
rule('525', { ad1: [AD_OK], placed_adoption: [PA('01/05/2025,01/06/2025,RD1')] }, { ad1: [AD_BLANK], placed_adoption: [PA('01/05/2025,01/06/2025,RD1')] });
const REVERSED_THEN_NEW = [PA('01/05/2025,01/06/2025,RD1'), PA('01/07/2025,,')];
rule('579', { placed_adoption: [PA('01/05/2025,,'), PA('01/07/2025,,')] }, { placed_adoption: REVERSED_THEN_NEW });
rule('579', { placed_adoption: [PA('01/05/2025,01/08/2025,RD1'), PA('01/07/2025,,')] }, { placed_adoption: REVERSED_THEN_NEW });
rule('583', { placed_adoption: [PA('01/05/2025,,'), PA('01/07/2025,,')] }, { placed_adoption: REVERSED_THEN_NEW });

// PlacedAdoption against the episodes.
rule('1003', { episodes: [EP], placed_adoption: [PA('01/04/2025,,')] }, { episodes: [EP], placed_adoption: [PA('01/06/2025,,')] });
// The first period of care, not the latest.
rule('1003', { episodes: [E('01/04/2025', 'C2', 'U4', '01/05/2025', 'E13'), E('01/07/2025')], placed_adoption: [PA('01/03/2025,,')] },
  { episodes: [E('01/04/2025', 'C2', 'U4', '01/05/2025', 'E13'), E('01/07/2025')], placed_adoption: [PA('01/06/2025,,')] });
const LEFT = E('01/05/2025', 'C2', 'U4', '01/09/2025', 'E13');
rule('117', { episodes: [LEFT], placed_adoption: [PA('01/06/2025,01/10/2025,RD1')] }, { episodes: [LEFT], placed_adoption: [PA('01/06/2025,01/08/2025,RD1')] });
rule('117', { episodes: [EP], placed_adoption: [PA('01/04/2026,,')] }, { episodes: [EP], placed_adoption: [PA('01/06/2025,,')] });
// An episode ending X1 is not the end of care.
rule('117', { episodes: [E('01/05/2025', 'C2', 'U4', '01/09/2025', 'X1'), E('01/09/2025', 'C2', 'U6', '01/10/2025', 'E13', 'P')], placed_adoption: [PA('01/06/2025,01/11/2025,RD1')] },
  { episodes: [E('01/05/2025', 'C2', 'U4', '01/09/2025', 'X1'), E('01/09/2025', 'C2', 'U6', '', '', 'P')], placed_adoption: [PA('01/06/2025,01/10/2025,RD1')] });
rule('118', { episodes: [EP], placed_adoption: [PA('01/04/2025,20/04/2025,RD1')] }, { episodes: [EP], placed_adoption: [PA('01/04/2025,20/05/2025,RD1')] });
rule('118', { episodes: [SINCE_LAST_YEAR], placed_adoption: [PA('01/06/2024,01/03/2025,RD1')] }, { episodes: [SINCE_LAST_YEAR], placed_adoption: [PA('01/06/2024,01/05/2025,RD1')] });
// Short breaks (V3) do not count as being looked after.
rule('118', { episodes: [E('01/04/2025', 'V3', 'U4', '02/04/2025', 'E13'), E('01/06/2025')], placed_adoption: [PA('01/04/2025,20/05/2025,RD1')] },
  { episodes: [E('01/04/2025', 'V3', 'U4', '02/04/2025', 'E13'), E('01/05/2025')], placed_adoption: [PA('01/04/2025,20/05/2025,RD1')] });
const PLACED = E('01/05/2025', 'E1', 'A5');
rule('551', { episodes: [PLACED] }, { episodes: [PLACED], placed_adoption: [PA('01/04/2025,,')] });
rule('552', { episodes: [PLACED], placed_adoption: [PA('01/06/2025,,')] }, { episodes: [PLACED], placed_adoption: [PA('01/04/2025,,')] });
rule('553', { episodes: [ORDER] }, { episodes: [ORDER], placed_adoption: [PA('01/04/2025,,')] });
rule('553', { episodes: [ORDER], placed_adoption: [PA('01/04/2025,01/06/2025,RD1')] },
  { episodes: [E('01/05/2025', 'E1', 'U4', '01/06/2025', 'E13')], placed_adoption: [PA('01/04/2025,01/06/2025,RD1')] });
rule('554', { episodes: [ORDER], placed_adoption: [PA('01/06/2025,,')] }, { episodes: [ORDER], placed_adoption: [PA('01/05/2025,,')] });
const ORDER_LEFT = (fy: number, ls = 'E1') => E(`01/05/${fy}`, ls, 'U4', `01/09/${fy}`, 'E13');
rule('557', { episodes: [ORDER_LEFT(2025)], placed_adoption: [PA('01/04/2025,,')] }, { episodes: [ORDER_LEFT(2025)], placed_adoption: [PA('01/04/2025,01/09/2025,RD1')] });
rule('557', { episodes: [E('01/05/2025', 'C2', 'A6', '01/09/2025', 'E13')] }, { episodes: [E('01/05/2025', 'C2', 'A6', '01/09/2025', 'E11')] });
// A freeing order (D1) counts in 2023-24 only.
rule('557', { episodes: [ORDER_LEFT(2023, 'D1')], placed_adoption: [PA('01/04/2023,,')] }, { episodes: [ORDER_LEFT(2023, 'D1')], placed_adoption: [PA('01/04/2023,01/09/2023,RD1')] }, 2023);
rule('557', { episodes: [ORDER_LEFT(2024)], placed_adoption: [PA('01/04/2024,,')] }, { episodes: [ORDER_LEFT(2024, 'D1')], placed_adoption: [PA('01/04/2024,,')] }, 2024);
rule('558', { episodes: [ADOPTED], placed_adoption: [PA('01/01/2025,01/02/2025,RD1'), PA('01/04/2025,01/06/2025,RD1')] },
  { episodes: [ADOPTED], placed_adoption: [PA('01/01/2025,01/02/2025,RD1'), PA('01/04/2025,,')] });

// PlacedAdoption against last year's return.
rule('559', { placed_adoption: [PA('01/03/2025,,')], placed_adoption_last: ['{c}b,01/01/2010,01/03/2024,,'] },
  { placed_adoption: [PA('01/03/2025,,')], placed_adoption_last: [PA('01/03/2025,,')] });
rule('560', { placed_adoption: [PA('01/05/2025,,')], placed_adoption_last: [PA('01/03/2025,,')] },
  { placed_adoption: [PA('01/03/2025,,')], placed_adoption_last: [PA('01/03/2025,,')] });
// The decision of last year is there (now reversed) beside a new one.
rule('560', { placed_adoption: [PA('01/09/2025,,')], placed_adoption_last: [PA('01/03/2025,,')] },
  { placed_adoption: [PA('01/03/2025,01/06/2025,RD1'), PA('01/09/2025,,')], placed_adoption_last: [PA('01/03/2025,,')] });
rule('561', { placed_adoption: [PA('01/03/2025,,')], placed_adoption_last: [PA('01/03/2025,20/03/2025,RD1')] },
  { placed_adoption: [PA('01/03/2025,,')], placed_adoption_last: [PA('01/03/2025,,')] });
rule('584', { placed_adoption: [PA('01/02/2025,,')], placed_adoption_last: [PA('01/03/2025,20/03/2025,RD1')] },
  { placed_adoption: [PA('01/05/2025,,')], placed_adoption_last: [PA('01/03/2025,20/03/2025,RD1')] });

// PrevPerm.
rule('630', { episodes: [EP], prev_perm: [PP('P1,,')] }, { episodes: [EP], prev_perm: [PP('P1,352,01/01/2015')] });
rule('630', { episodes: [EP] }, { episodes: [EP], prev_perm: [PP('Z1,,')] });
rule('632', { episodes: [EP], prev_perm: [PP('P1,352,01/05/2025')] }, { episodes: [EP], prev_perm: [PP('P1,352,30/04/2025')] });
rule('632', { episodes: [EP], prev_perm: [PP('P1,352,01/13/2015')] }, { episodes: [EP], prev_perm: [PP('P1,352,ZZ/04/2025')] });
rule('632', { episodes: [EP], prev_perm: [PP('P1,352,ZZ/05/2025')] }, { episodes: [EP], prev_perm: [PP('P1,352,ZZ/ZZ/2024')] });
rule('632', { episodes: [EP], prev_perm: [PP('P1,352,ZZ/ZZ/ZZ')] }, { episodes: [EP], prev_perm: [PP('P1,352,ZZ/ZZ/ZZZZ')] });
rule('633', { prev_perm: [PP('P1,458,01/01/2015')] }, { prev_perm: [PP('P1,SCO,01/01/2015')] });
rule('633', { prev_perm: [PP('P1,176,01/01/2015')] }, { prev_perm: [PP('P1,204,01/01/2015')] });
rule('634', { episodes: [SINCE_LAST_YEAR], prev_perm: [PP('Z1,,')] }, { episodes: [EP], prev_perm: [PP('Z1,,')] });
rule('635', { prev_perm: [PP(',,01/05/2000')] }, { prev_perm: [PP('P1,,01/05/2000')] });
