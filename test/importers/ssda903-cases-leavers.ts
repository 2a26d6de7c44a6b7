// Failing and passing cases of the rules in src/core/rules/ssda903-register-leavers.ts (see ./ssda903-cases.ts).
// Each ports the rows of the validator's own test_validate (csc-validator-be-903) that our CSV tables
// can express: its failing rows as `fail`, its passing rows as `pass` (one child each).
import { caseList, H, EP, type Case } from './ssda903-cases.ts';

export const LEAVER_AREA_CASES: Case[] = [];
const rule = caseList(LEAVER_AREA_CASES);

// OC2 (2025-26: 1 April 2025 to 31 March 2026). The Header's child was born 01/01/2010.
const O2 = (rest: string, dob = '01/01/2010') => `{c},${dob},${rest}`;
// SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
const O2_OK = O2('10,,0,,1,1,1,0,,');
rule('182', { oc2: [O2('10,,1,,,,,,,')] }, { oc2: [O2('10,,,,,,,,,')] });
rule('182', { oc2: [O2('10,,,1,,,,,,')] }, { oc2: [O2('10,,,,1,1,1,1,,')] });
rule('182', { oc2: [O2('10,,,,1,1,1,,1,')] }, { oc2: [O2_OK] });
rule('158', { oc2: [O2('10,,0,,1,1,1,1,1,1')] }, { oc2: [O2('10,,0,,1,1,1,1,1,')] });
rule('158', { oc2: [O2('10,,0,,1,1,1,1,1,0')] }, { oc2: [O2('10,,0,,1,1,1,1,0,1')] });
rule('159', { oc2: [O2('10,,0,,1,1,1,1,0,')] }, { oc2: [O2('10,,0,,1,1,1,1,0,0')] });
rule('159', { oc2: [O2('10,,0,,1,1,1,1,0,')] }, { oc2: [O2('10,,0,,1,1,1,1,1,')] });
rule('542', { oc2: [O2(',,1,,1,1,1,0,,', '01/04/2016')] }, { oc2: [O2(',,1,,1,1,1,0,,', '31/03/2016')] });
rule('542', { oc2: [O2(',,0,,1,1,1,0,,', '10/01/2017')] }, { oc2: [O2(',,,,1,1,1,0,,', '10/01/2017')] });
rule('544', { oc2: [O2('10,,1,,,,,,,')] }, { oc2: [O2('10,,,,,,,,,')] });
rule('544', { oc2: [O2('10,,1,,,1,1,,,')] }, { oc2: [O2('10,,1,,1,1,1,1,,')] });
rule('547', { oc2: [O2('10,,,1,,,,,,')] }, { oc2: [O2('10,,,0,,,,,,')] });
rule('547', { oc2: [O2('10,,,1,,1,1,,,')] }, { oc2: [O2('10,,,1,1,0,1,0,,')] });
rule('188', { oc2: [O2('5,,,,,,,,,', '01/04/2022')] }, { oc2: [O2('5,,,,,,,,,', '31/03/2022')] });
rule('188', { oc2: [O2(',SDQ1,,,,,,,,', '01/01/2023')] }, { oc2: [O2(',,,,,,,,,', '01/01/2023')] });
rule('189', { oc2: [O2('5,,,,,,,,,', '31/03/2008')] }, { oc2: [O2('5,,,,,,,,,', '01/04/2008')] });
rule('189', { oc2: [O2(',SDQ1,,,,,,,,', '01/01/2005')] }, { oc2: [O2(',,,,,,,,,', '01/01/2005')] });

// OC2 against episodes: looked after continuously through the year (CLA) or not.
const CLA = '{c},01/03/2025,S,C2,N1,U4,PR1,,,,,,';
const CLA_X1 = ['{c},01/03/2024,S,C2,N1,U4,PR1,01/01/2026,X1,,,,', '{c},01/01/2026,P,C2,N1,U6,PR1,,,CARPL,,,'];
const CLA_UNTIL_END = '{c},01/03/2025,S,C2,N1,U4,PR1,31/03/2026,E13,,,,';
const V3 = '{c},01/03/2025,S,V3,N1,U4,PR1,01/01/2026,E13,,,,';
const LEFT = '{c},01/03/2025,S,C2,N1,U4,PR1,01/01/2026,E13,,,,';
for (const [code, given, blank] of [['185', O2('10,,0,,1,1,1,0,,'), O2(',,0,,1,1,1,0,,')], ['198', O2(',SDQ2,0,,1,1,1,0,,'), O2(',,0,,1,1,1,0,,')]] as const) {
  rule(code, { oc2: [given] }, { episodes: [CLA], oc2: [given] });
  rule(code, { episodes: [V3], oc2: [given] }, { episodes: [CLA_UNTIL_END], oc2: [given] });
  rule(code, { episodes: [EP], oc2: [given] }, { episodes: [EP], oc2: [blank] });
  rule(code, { episodes: [LEFT], oc2: [given] }, { episodes: CLA_X1, oc2: [given] });
}
rule('190', { oc2: [O2_OK] }, { episodes: [CLA], oc2: [O2_OK] });
rule('190', { episodes: [LEFT], oc2: [O2(',,1,,,,,,,')] }, { episodes: [LEFT], oc2: [O2(',,,,,,,,,')] });
rule('191', { episodes: [CLA], oc2: [O2('10,,0,,,1,1,0,,')] }, { episodes: [CLA], oc2: [O2_OK] });
rule('191', { episodes: CLA_X1, oc2: [O2('10,,0,,1,1,1,,,')] }, { episodes: [V3], oc2: [O2('10,,0,,,,,,,')] });
rule('191', { episodes: [CLA] }, { episodes: [EP] });
rule('186', { episodes: [CLA], oc2: [O2(',,0,,1,1,1,0,,')] }, { episodes: [CLA], oc2: [O2('10,,0,,1,1,1,0,,')] });
rule('186', { episodes: [CLA], oc2: [O2(',,0,,1,1,1,0,,', '01/01/2015')] }, { episodes: [CLA], oc2: [O2(',SDQ2,0,,1,1,1,0,,', '01/01/2015')] });
rule('186', { episodes: CLA_X1, oc2: [O2(',,0,,1,1,1,0,,')] }, { episodes: [CLA], oc2: [O2(',,0,,1,1,1,0,,', '01/01/2009')] });
rule('186', { episodes: [CLA_UNTIL_END], oc2: [O2(',,0,,1,1,1,0,,')] }, { episodes: [LEFT], oc2: [O2(',,0,,1,1,1,0,,')] });
rule('197B', { episodes: [CLA], oc2: [O2(',,0,,1,1,1,0,,', '31/03/2009')] }, { episodes: [CLA], oc2: [O2(',,0,,1,1,1,0,,', '01/04/2009')] });
rule('197B', { episodes: [CLA], oc2: [O2(',,,1,1,1,1,0,,', '31/03/2022')] }, { episodes: [CLA], oc2: [O2(',SDQ1,,1,1,1,1,0,,', '31/03/2022')] });
rule('197B', { episodes: [CLA], oc2: [O2(',,0,,1,1,1,0,,', '09/09/2008')] }, { episodes: [V3], oc2: [O2(',,0,,1,1,1,0,,', '09/09/2008')] });
rule('157', { episodes: [CLA], oc2: [O2(',SDQ1,0,,1,1,1,0,,', '31/03/2010')] }, { episodes: [CLA], oc2: [O2(',SDQ1,0,,1,1,1,0,,', '30/03/2010')] });
rule('157', { episodes: [CLA], oc2: [O2(',SDQ1,0,,1,1,1,0,,', '01/04/2021')] }, { episodes: [CLA], oc2: [O2(',SDQ2,0,,1,1,1,0,,', '01/04/2021')] });
rule('157', { episodes: [CLA_UNTIL_END], oc2: [O2(',SDQ1,0,,1,1,1,0,,', '01/04/2015')] }, { episodes: [V3], oc2: [O2(',SDQ1,0,,1,1,1,0,,', '01/04/2015')] });
rule('543', { episodes: [CLA], oc2: [O2('10,,,,1,1,1,0,,')] }, { episodes: [CLA], oc2: [O2_OK] });
rule('543', { episodes: CLA_X1, oc2: [O2('10,,,,1,1,1,0,,', '10/01/2016')] }, { episodes: [CLA], oc2: [O2('10,,,,1,1,1,0,,', '01/04/2016')] });
rule('543', { episodes: [CLA_UNTIL_END], oc2: [O2('10,,,,1,1,1,0,,')] }, { episodes: [V3], oc2: [O2('10,,,,1,1,1,0,,')] });
rule('545', { episodes: [CLA], oc2: [O2(',,,,1,1,1,0,,', '01/06/2022')] }, { episodes: [CLA], oc2: [O2(',,,1,1,1,1,0,,', '01/06/2022')] });
rule('545', { episodes: CLA_X1, oc2: [O2(',,,,1,1,1,0,,', '01/04/2021')] }, { episodes: [CLA], oc2: [O2(',,,,1,1,1,0,,', '31/03/2021')] });
rule('545', { episodes: [CLA_UNTIL_END], oc2: [O2(',,,,1,1,1,0,,', '01/06/2022')] }, { episodes: [LEFT], oc2: [O2(',,,,1,1,1,0,,', '01/06/2022')] });
rule('546', { episodes: [CLA], oc2: [O2('10,,0,1,1,1,1,0,,')] }, { episodes: [CLA], oc2: [O2_OK] });
rule('546', { episodes: CLA_X1, oc2: [O2(',,,1,1,1,1,0,,', '31/03/2021')] }, { episodes: [CLA], oc2: [O2(',,,1,1,1,1,0,,', '01/04/2021')] });
rule('546', { episodes: [CLA_UNTIL_END], oc2: [O2('10,,0,1,1,1,1,0,,')] }, { episodes: [V3], oc2: [O2('10,,0,1,1,1,1,0,,')] });

// OC3 (default young person born 01/06/2007: 14 on 01/06/2021, 16 on 01/06/2023, 18 on 01/06/2025)
const H_LEAVER = '{c},F,01/06/2007,WBRI,UN1,,';
const OC3 = '{c},01/06/2007,YES,F1,D1';
const leaver = (rows: Record<string, string[]>) => ({ header: [H_LEAVER], oc3: [OC3], ...rows });
rule('215', leaver({ oc2: [O2('10,,0,,1,1,1,0,,', '01/06/2007')] }), leaver({ oc2: [O2('10,,,,,,,,,', '01/06/2007')] }));
rule('215', leaver({ oc2: [O2(',,,,,,,,,1', '01/06/2007')] }), leaver({}));
// 1001: 13 weeks (91 days) looked after since 14, a day of it since 16, this year and last year, not ending adopted.
const OTHER_LAST = { episodes_last: ['{c}b,01/05/2024,S,C2,N1,U4,PR1,,,,,,'] };
rule('1001', leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,01/06/2024,E13,,,,'] }),
  leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,01/10/2024,E13,,,,'] }));
rule('1001', leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,A4,PR1,01/10/2024,E11,,,,'] }),
  leaver({ episodes: ['{c},01/12/2025,S,C2,N1,U4,PR1,,,,,,'], ...OTHER_LAST }));
rule('1001', leaver({ episodes_last: ['{c},01/05/2024,S,V3,N1,U4,PR1,01/10/2024,E13,,,,'] }),
  leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,15/07/2024,E13,,,,'], episodes: ['{c},01/01/2026,S,C2,N1,U4,PR1,01/02/2026,E13,,,,'] }));
// The same episode in both returns, open last year and ended this year: the ended copy is counted.
rule('1001', leaver({ episodes_last: ['{c},01/03/2025,S,C2,N1,U4,PR1,,,,,,'], episodes: ['{c},01/03/2025,S,C2,N1,U4,PR1,10/04/2025,E13,,,,'] }),
  leaver({ episodes_last: ['{c},01/03/2025,S,C2,N1,U4,PR1,,,,,,'], episodes: ['{c},01/03/2025,S,C2,N1,U4,PR1,01/08/2025,E13,,,,'] }));
// Care continuing (RNE not S) from before last year's start: the 13 weeks may lie in an older return, not reported;
// the same care begun (S) in view is.
rule('1001', leaver({ episodes_last: ['{c},01/03/2024,S,C2,N1,U4,PR1,01/05/2024,E13,,,,'] }),
  leaver({ episodes_last: ['{c},01/03/2024,P,C2,N1,U4,PR1,01/05/2024,E13,,,,'] }));
// No episode in either return: reported when all care since 16 would show in them (turned 16 from 1 April 2024).
const AGED_17 = { header: ['{c},F,01/06/2008,WBRI,UN1,,'], oc3: ['{c},01/06/2008,YES,F1,D1'] };
rule('1001', { ...AGED_17, ...OTHER_LAST }, leaver({ ...OTHER_LAST }));
rule('1001', { ...AGED_17, ...OTHER_LAST }, { header: ['{c},F,01/06/2005,WBRI,UN1,,'], oc3: ['{c},01/06/2005,YES,F1,D1'], ...OTHER_LAST });
rule('1002', { ...AGED_17, ...OTHER_LAST }, leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,01/10/2024,E13,,,,'] }));
rule('1002', { ...AGED_17, ...OTHER_LAST }, leaver({ episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/10/2025,E13,,,,'], ...OTHER_LAST }));
rule('1002', { ...AGED_17, ...OTHER_LAST }, leaver({ ...OTHER_LAST }));
const OTHER_NOW = { episodes: ['{c}b,01/05/2025,S,C2,N1,U4,PR1,,,,,,'] };
rule('1010', leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,,,,,,'], ...OTHER_NOW }),
  leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,,,,,,', '{c},01/06/2024,P,C2,N1,U4,PR1,01/07/2024,E13,,,,'], ...OTHER_NOW }));
rule('1010', leaver({ episodes_last: ['{c},01/01/2024,S,C2,N1,U4,PR1,01/02/2024,E13,,,,', '{c},01/05/2024,S,C2,N1,U4,PR1,,,,,,'], ...OTHER_NOW }),
  leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,,,,,,'], episodes: ['{c},01/05/2024,S,C2,N1,U4,PR1,20/05/2025,E13,,,,'] }));
rule('1014', leaver({ uasc: ['{c},F,01/06/2007,'], episodes: ['{c},01/05/2024,S,C2,N1,U4,PR1,01/06/2024,E13,,,,'] }),
  leaver({ uasc: ['{c},F,01/06/2007,'], episodes: ['{c},01/05/2024,S,C2,N1,U4,PR1,01/06/2025,E13,,,,'] }));
rule('1014', leaver({ uasc: ['{c},F,01/06/2007,'], episodes: ['{c},01/01/2024,S,C2,N1,U4,PR1,01/06/2024,E13,,,,', '{c},01/04/2026,S,C2,N1,U4,PR1,,,,,,'] }),
  leaver({ uasc: ['{c},F,01/06/2007,'], episodes: ['{c},01/05/2024,S,C2,N1,U4,PR1,,,,,,'] }));
// 1016: 17 or 18 at 31 March 2026 and ceased on or after that birthday.
const aged = (dob: string, dec: string) => ({ header: [`{c},F,${dob},WBRI,UN1,,`], oc3: [`{c},${dob},YES,F1,D1`], episodes: [`{c},01/05/2025,S,C2,N1,U4,PR1,${dec},${dec ? 'E13' : ''},,,,`] });
rule('1016', aged('31/03/2008', '31/03/2026'), aged('31/03/2008', '30/03/2026'));
rule('1016', aged('31/03/2009', '31/03/2026'), aged('31/03/2009', '01/01/2026'));
rule('1016', aged('31/03/2009', '31/03/2026'), aged('31/03/2009', ''));
rule('1016', aged('31/03/2008', '31/03/2026'), aged('31/03/2010', '31/03/2026'));
rule('628', leaver({ header: ['{c},F,01/06/2007,WBRI,UN1,1,01/01/2025'] }), leaver({}));
rule('628', leaver({ header: ['{c},F,01/06/2007,WBRI,UN1,0,'] }), leaver({ header: ['{c},F,01/06/2007,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,20/05/2025,E13,,,,'] }));

// Missing
rule('564', { missing: ['{c},01/01/2010,M,,'] }, { missing: ['{c},01/01/2010,A,07/02/2025,'] });
rule('564', { missing: ['{c},01/01/2010,A,,01/05/2025'] }, { missing: ['{c},01/01/2010,M,01/05/2025,02/05/2025'] });
rule('565', { missing: ['{c},01/01/2010,,07/02/2025,'] }, { missing: ['{c},01/01/2010,A,03/02/2025,'] });
rule('566', { missing: ['{c},01/01/2010,,01/05/2025,07/05/2025'] }, { missing: ['{c},01/01/2010,M,01/05/2025,07/05/2025'] });
rule('566', { missing: ['{c},01/01/2010,,01/05/2025,13/05/2025'] }, { missing: ['{c},01/01/2010,A,01/05/2025,03/05/2025'] });
const AT18 = (rec: string, missingUntil = '01/06/2025') => ({
  header: [H_LEAVER], episodes: [`{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,${rec},,,,`], missing: [`{c},01/06/2007,M,20/05/2025,${missingUntil}`],
});
rule('580', AT18('E7'), AT18('E8'));
rule('580', AT18('E4A'), AT18('E7', '31/05/2025'));

// SWEpisodes (CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON)
const SW = (rest: string) => `{c},01/01/2010,${rest}`;
rule('SW01aSTG1', { sw_episodes: [SW('SW1,,,')] }, { sw_episodes: [SW(',01/01/2024,,')] });
rule('SW01aSTG1', { sw_episodes: [SW(',01/01/2023,,')] }, { sw_episodes: [SW('SW1,01/01/2023,,')] });
rule('SW01bSTG1', { sw_episodes: [SW(',01/01/2024,,MANAGE')] }, { sw_episodes: [SW('SW1,01/01/2023,,')] });
rule('SW01bSTG1', { sw_episodes: [SW('SW1,01/01/2024,,')] }, { sw_episodes: [SW('SW1,01/01/2024,,MANAGE')] });
rule('SW01bSTG1', { sw_episodes: [SW('SW1,,,MANAGE')] }, { sw_episodes: [SW('SW1,01/05/2025,,MANAGE')] }, 2024);
rule('SW06STG2', { sw_episodes: [SW('SW1,01/04/2026,,MANAGE')] }, { sw_episodes: [SW('SW1,31/03/2026,,MANAGE')] });
rule('SW07STG2', { sw_episodes: [SW('SW1,01/01/2026,01/04/2026,MANAGE')] }, { sw_episodes: [SW('SW1,01/01/2026,31/03/2026,MANAGE')] });
rule('SW07STG2', { sw_episodes: [SW('SW1,01/01/2024,31/03/2024,MANAGE')] }, { sw_episodes: [SW('SW1,01/01/2024,01/04/2024,MANAGE')] });
rule('SW07STG2', { sw_episodes: [SW('SW1,01/01/2023,31/03/2023,MANAGE')] }, { sw_episodes: [SW('SW1,01/01/2023,01/04/2023,MANAGE')] }, 2023);
rule('SW08STG2', { sw_episodes: [SW('SW1,06/06/2025,,MANAGE'), SW('SW2,07/06/2025,08/06/2025,MANAGE')] },
  { sw_episodes: [SW('SW1,08/06/2025,09/06/2025,MANAGE'), SW('SW2,15/06/2025,,MANAGE')] });
rule('SW08STG2', { sw_episodes: [SW('SW1,12/06/2025,13/06/2025,MANAGE'), SW('SW2,14/06/2025,,MANAGE'), SW('SW3,15/06/2025,,MANAGE')] },
  { sw_episodes: [SW('SW1,16/06/2025,17/06/2025,MANAGE'), SW('SW2,18/06/2025,,MANAGE')] });
rule('SW11bSTG2', { sw_episodes: [SW('SW1,01/01/2026,30/03/2026,MANAGE')] }, { sw_episodes: [SW('SW1,01/01/2026,25/03/2026,MANAGE')] });
rule('SW11bSTG2', { sw_episodes: [SW('SW1,01/03/2026,25/03/2026,MANAGE'), SW('SW2,26/03/2026,27/03/2026,MANAGE')] },
  { sw_episodes: [SW('SW1,01/01/2026,26/03/2026,MANAGE'), SW('SW2,27/03/2026,,MANAGE')] });
rule('SW11bSTG2', { sw_episodes: [SW('SW1,01/01/2026,26/03/2026,MANAGE'), SW('SW2,,,')] },
  { sw_episodes: [SW('SW1,01/01/2026,25/03/2026,MANAGE'), SW('SW2,,,')] });
rule('SW12STG2', { episodes: [EP] }, { episodes: [EP], sw_episodes: [SW('SW1,01/05/2025,,MANAGE')] });
rule('SW12STG2', { episodes: [EP], sw_episodes: [SW('SW1,01/04/2025,,MANAGE')] }, { episodes: ['{c},01/05/2025,S,V4,N1,U4,PR1,,,,,,'] });
rule('SW12STG2', { episodes: ['{c},01/01/2024,S,C2,N1,U4,PR1,10/04/2024,E13,,,,'] }, { episodes: ['{c},01/01/2024,S,C2,N1,U4,PR1,10/03/2024,E13,,,,'] });
rule('SW12STG2', { episodes: ['{c},01/01/2025,P,C2,N1,U4,PR1,,,,,,'] }, { episodes: ['{c},01/03/2025,P,C2,N1,U4,PR1,01/06/2025,X1,,,,'] });
rule('SW12STG2', { episodes: ['{c},01/01/2024,S,C2,N1,U4,PR1,10/03/2024,E13,,,,'] }, { episodes: ['{c},01/05/2023,S,C2,N1,U4,PR1,,,,,,'], sw_episodes: [SW('SW1,01/05/2023,,MANAGE')] }, 2023);
rule('SW17STG2', { sw_episodes: [SW('SW1,01/01/2025,01/01/2026,MANAGE'), SW('SW2,02/01/2025,01/01/2026,MANAGE')] },
  { sw_episodes: [SW('SW1,01/01/2025,,MANAGE'), SW('SW2,01/01/2024,01/01/2025,MANAGE')] });

// DoLo (2026-27: 1 April 2026 to 31 March 2027; CHILD,DOB,DOLO_START,DOLO_END)
const DL = (start: string, end = '') => `{c},01/01/2010,${start},${end}`;
rule('706', { dolo_last: [DL('03/01/2026')], dolo: [DL('01/05/2026')] }, { dolo_last: [DL('03/01/2026')], dolo: [DL('03/01/2026')] }, 2026);
rule('706', { dolo_last: [DL('01/01/2026', '02/01/2026'), DL('03/01/2026')], dolo: [DL('04/01/2026', '05/01/2026')] },
  { dolo_last: [DL('01/01/2026', '02/01/2026')], dolo: [DL('04/01/2026')] }, 2026);
const CEASED = '{c},01/05/2026,S,C2,N1,U4,PR1,01/06/2026,E13,,,,';
const OPEN26 = '{c},01/05/2026,S,C2,N1,U4,PR1,,,,,,';
rule('707', { episodes: [CEASED], dolo: [DL('10/05/2026')] }, { episodes: [CEASED], dolo: [DL('10/05/2026', '20/05/2026')] }, 2026);
rule('707', { episodes: [CEASED], dolo: [DL('10/05/2026', '10/06/2026')] }, { episodes: [OPEN26], dolo: [DL('10/05/2026')] }, 2026);
rule('707', { episodes: [OPEN26], dolo: [DL('01/04/2026')] }, { dolo: [DL('01/04/2026')] }, 2026);
rule('707', { episodes: [CEASED], dolo: [DL('01/04/2026', '20/04/2026')] },
  { episodes: [CEASED, '{c},01/08/2026,S,C2,N1,U4,PR1,,,,,,'], dolo: [DL('10/08/2026', '20/08/2026')] }, 2026);
rule('709', { episodes: [OPEN26], dolo: [DL('10/05/2026', '20/05/2026')] }, { episodes: ['{c},01/05/2026,S,C2,N1,K2,PR1,,,,,,'], dolo: [DL('10/05/2026', '20/05/2026')] }, 2026);
rule('709', { episodes: [CEASED], dolo: [DL('01/04/2026', '05/05/2026')] }, { episodes: [CEASED], dolo: [DL('01/04/2026', '30/04/2026'), DL('02/06/2026', '05/06/2026'), DL('10/05/2026')] }, 2026);
rule('710', { episodes: ['{c},01/05/2026,S,C2,N1,K1,PR1,,,,,,'], dolo: [DL('10/05/2026', '20/05/2026')] }, { episodes: [OPEN26], dolo: [DL('10/05/2026', '20/05/2026')] }, 2026);
rule('710', { episodes: ['{c},01/05/2026,S,C2,N1,P1,,01/06/2026,E13,,,,'], dolo: [DL('01/04/2026', '05/05/2026')] },
  { episodes: ['{c},01/05/2026,S,C2,N1,P1,,01/06/2026,E13,,,,'], dolo: [DL('01/04/2026', '30/04/2026'), DL('10/05/2026')] }, 2026);

// Keeps the Header template in use for cases that give none.
void H;

// The validator's own rows for rules of the base register (ssda903-rules.test.ts has a case of each).
// OC3
rule('391', { header: ['{c},F,01/04/2009,WBRI,UN1,,'], oc3: ['{c},01/04/2009,YES,0,0'] }, { header: ['{c},F,31/03/2009,WBRI,UN1,,'], oc3: ['{c},31/03/2009,YES,F1,D1'] });
rule('391', { header: ['{c},F,01/01/2016,WBRI,UN1,,'], oc3: ['{c},01/01/2016,NO,0,0'] }, { header: ['{c},F,20/12/2004,WBRI,UN1,,'], oc3: ['{c},20/12/2004,RHOM,0,0'] });
rule('1000', leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,01/06/2024,E2,,,,'] }), leaver({ episodes_last: ['{c},01/05/2024,S,C2,N1,U4,PR1,01/06/2024,E4A,,,,'] }));
rule('1000', leaver({ episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E2,,,,'] }), leaver({ episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,'] }));
// 1007: in care on the 17th or 18th birthday in the year (born 01/02/2009: 17 on 01/02/2026; born 01/09/2008: 17 on 01/09/2025).
const bday = (dob: string, decom: string, dec: string) => ({ header: [`{c},F,${dob},WBRI,UN1,,`], oc3: [`{c},${dob},YES,F1,D1`], episodes: [`{c},${decom},S,C2,N1,U4,PR1,${dec},E13,,,,`] });
rule('1007', bday('01/02/2009', '01/02/2024', '01/03/2026'), bday('01/02/2009', '01/02/2024', '01/01/2026'));
rule('1007', bday('01/02/2009', '01/02/2024', '01/03/2026'), bday('01/09/2008', '01/09/2024', '01/09/2025'));
rule('1011', leaver({ episodes: ['{c},01/06/2025,S,C2,N1,U4,PR1,05/06/2025,E3,,,,', '{c},05/06/2025,S,C2,N1,U4,PR1,06/06/2025,E11,,,,', '{c},06/06/2025,S,C2,N1,U4,PR1,07/06/2025,E3,,,,'] }),
  leaver({ episodes: ['{c},08/06/2025,S,C2,N1,U4,PR1,09/06/2025,E3,,,,', '{c},09/06/2025,S,C2,N1,U4,PR1,15/06/2025,E3,,,,', '{c},15/06/2025,S,C2,N1,U4,PR1,20/06/2025,X1,,,,'] }));
rule('1011', leaver({ episodes: ['{c},06/06/2025,S,C2,N1,U4,PR1,07/06/2025,X1,,,,', '{c},07/06/2025,P,C2,N1,U4,PR1,08/06/2025,E3,,,,'] }),
  leaver({ episodes: ['{c},15/06/2025,S,C2,N1,U4,PR1,,,,,,'] }));
// 3001: staying put (Z1, Z2) in the year of the 17th birthday.
const at17 = (dob: string, accom: string) => ({ header: [`{c},F,${dob},WBRI,UN1,,`], oc3: [`{c},${dob},YES,F1,${accom}`] });
rule('3001', at17('16/03/2009', 'Z1'), at17('16/03/2009', 'T1'));
rule('3001', at17('23/09/2008', 'Z2'), at17('31/12/2007', 'Z1'));
rule('348', leaver({ oc3_last: ['{c},01/06/2007,DIED,0,0'], oc3: ['{c},01/06/2007,NO,0,0'] }), leaver({ oc3_last: ['{c},01/06/2007,DIED,0,0'], oc3: ['{c},01/06/2007,DIED,0,0'] }));

// Missing (M(start, end) of a child born 01/01/2010)
const M = (start: string, end = '') => `{c},01/01/2010,M,${start},${end}`;
rule('574', { missing: [M('01/06/2025', '05/06/2025'), M('04/06/2025')] }, { missing: [M('02/06/2025', '04/06/2025')] });
rule('574', { missing: [M('03/06/2025', '04/06/2025'), M('04/06/2025'), M('07/06/2025', '09/06/2025')] }, { missing: [M('03/06/2025', '04/06/2025'), M('04/06/2025', '05/06/2025')] });
rule('574', { missing: [M('02/06/2025', '04/06/2025'), M('03/06/2025', '09/06/2025')] }, { missing: [M('06/06/2025', '08/06/2025'), M('10/06/2025', '10/06/2025')] });
rule('574', { missing: [M('06/06/2025', '08/06/2025'), M('10/06/2025', '10/06/2025'), M('08/06/2025', '10/08/2025')] },
  { missing: ['{c},01/01/2010,M,,05/06/2025', '{c},01/01/2010,A,,05/06/2025'] });
rule('575', { episodes: ['{c},08/06/2025,S,C2,N1,U4,PR1,10/06/2025,E13,,,,'], missing: [M('08/06/2025')] },
  { episodes: ['{c},01/06/2025,S,C2,N1,U4,PR1,10/06/2025,E13,,,,'], missing: [M('01/06/2025', '05/06/2025')] });
rule('575', { episodes: ['{c},08/06/2025,S,C2,N1,U4,PR1,10/06/2025,E13,,,,', '{c},12/06/2025,S,C2,N1,U4,PR1,,,,,,'], missing: [M('09/06/2025')] },
  { episodes: ['{c},06/06/2025,S,C2,N1,U4,PR1,,,,,,'], missing: [M('06/06/2025')] });
rule('576', { missing_last: [M('07/02/2025')], missing: [M('08/02/2025')] }, { missing_last: [M('07/02/2025', '07/02/2025')], missing: [M('07/02/2025')] });
rule('576', { missing_last: [M('07/02/2025')], missing: ['{c},01/01/2010,M,,'] }, { missing_last: [M('01/02/2025')], missing: [M('01/02/2025', '02/04/2025')] });
rule('576', { missing_last: [M('01/03/2025')], missing: [M('15/02/2025', '16/02/2025'), M('01/03/2025', '02/04/2025')] },
  { missing_last: [M('01/03/2025')], missing: [M('01/05/2025', '02/05/2025'), M('01/03/2025', '02/04/2025')] });
// 577, 578: against each period of care (episodes joined while each begins the day the last ceased).
const POC = ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,01/08/2025,E13,,,,', '{c},01/10/2025,S,C2,N1,U4,PR1,,,,,,'];
rule('577', { episodes: POC, missing: [M('01/05/2025', '03/09/2025')] }, { episodes: POC, missing: [M('01/05/2025', '03/07/2025')] });
rule('577', { episodes: POC, missing: [M('02/06/2025')] }, { episodes: POC, missing: [M('02/11/2025')] });
rule('577', { episodes: POC, missing: [M('01/04/2025', '20/04/2025')] }, { episodes: POC, missing: [M('05/10/2025', '20/03/2026')] });
rule('578', { episodes: POC, missing: [M('20/04/2025', '21/04/2025')] }, { episodes: POC, missing: [M('01/08/2025', '02/08/2025')] });
rule('578', { episodes: POC, missing: [M('05/08/2025', '06/08/2025')] }, { episodes: POC, missing: [M('01/03/2026', '02/03/2026')] });
rule('578', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,'], missing: [M('02/06/2025', '03/06/2025')] }, { missing: [M('02/06/2025', '03/06/2025')] });
rule('581', { episodes: ['{c},06/06/2025,S,C2,N1,U4,PR1,10/06/2025,E13,,,,'], missing: [M('05/06/2025', '05/06/2025')] },
  { episodes: ['{c},01/06/2025,S,C2,N1,U4,PR1,10/06/2025,E13,,,,'], missing: [M('01/06/2025', '05/06/2025')] });
rule('581', { episodes: ['{c},08/06/2025,S,C2,N1,U4,PR1,10/06/2025,E13,,,,', '{c},12/06/2025,S,C2,N1,U4,PR1,,,,,,'], missing: [M('11/06/2025', '11/06/2025')] },
  { episodes: ['{c},06/06/2025,S,C2,N1,U4,PR1,,,,,,', '{c},07/06/2025,S,C2,N1,U4,PR1,10/06/2025,E13,,,,'], missing: [M('12/06/2025')] });
rule('581', { episodes: ['{c},15/06/2025,S,C2,N1,U4,PR1,20/06/2025,E13,,,,'], missing: [M('21/06/2025', '21/06/2025')] }, { missing: [M('21/06/2025', '21/06/2025')] });

// OC2
rule('192', { oc2: [O2('10,,0,,1,1,1,1,,')] }, { oc2: [O2('10,,0,,1,1,1,0,0,')] });
rule('192', { oc2: [O2('10,,0,,1,1,1,1,,1')] }, { oc2: [O2('10,,0,,1,1,1,1,1,')] });
rule('193', { oc2: [O2('10,,0,,1,1,1,0,0,0')] }, { oc2: [O2('10,,0,,1,1,1,,,')] });
rule('193', { oc2: [O2('10,,0,,1,1,1,,1,')] }, { oc2: [O2('10,,0,,1,1,1,1,1,')] });
rule('193', { oc2: [O2('10,,0,,1,1,1,,,0')] }, { oc2: [O2('10,,0,,1,1,1,0,,')] });

// SWEpisodes: each begins within 7 days of the previous one's end.
rule('SW10STG2', { sw_episodes: [SW('SW1,01/01/2025,09/01/2026,MANAGE'), SW('SW2,01/01/2026,10/01/2026,MANAGE')] },
  { sw_episodes: [SW('SW1,01/01/2026,09/01/2026,MANAGE'), SW('SW2,02/01/2026,03/01/2026,MANAGE')] });
rule('SW10STG2', { sw_episodes: [SW('SW1,10/01/2026,20/01/2026,MANAGE'), SW('SW2,10/01/2026,11/01/2026,MANAGE'), SW('SW3,18/01/2026,20/01/2026,MANAGE'), SW('SW4,30/01/2026,31/01/2026,MANAGE')] },
  { sw_episodes: [SW('SW1,10/01/2026,20/01/2026,MANAGE'), SW('SW2,10/01/2026,11/01/2026,MANAGE'), SW('SW3,18/01/2026,20/01/2026,MANAGE')] });
rule('SW10STG2', { sw_episodes: [SW('SW1,01/01/2025,09/01/2026,MANAGE'), SW('SW2,01/01/2026,10/01/2026,MANAGE')] },
  { sw_episodes: [SW('SW1,01/01/2025,09/01/2026,MANAGE'), SW('SW2,01/01/2026,10/01/2026,FCONTA')] });
rule('SW10STG2', { sw_episodes: [SW('SW1,01/01/2023,09/01/2024,MANAGE'), SW('SW2,01/01/2024,10/01/2024,FCONTA')] },
  { sw_episodes: [SW('SW1,01/01/2024,09/01/2024,MANAGE'), SW('SW2,02/01/2024,03/01/2024,MANAGE')] }, 2023);

// DoLo: ordered by their end (an open one at its start), each begins once the previous has ended.
rule('705', { dolo: [DL('01/05/2026', '02/05/2026'), DL('04/05/2026', '04/05/2026'), DL('03/05/2026', '06/05/2026')] },
  { dolo: [DL('01/05/2026', '02/05/2026'), DL('04/05/2026', '04/05/2026')] }, 2026);
rule('705', { dolo: [DL('01/05/2026'), DL('02/05/2026', '02/05/2026')] }, { dolo: [DL('01/05/2026', '02/05/2026')] }, 2026);
rule('705', { dolo: [DL('01/04/2026', '02/04/2026'), DL('04/04/2026'), DL('08/04/2026', '10/04/2026')] }, { dolo: [DL('01/04/2026', '02/04/2026'), DL('04/04/2026')] }, 2026);
rule('702', { dolo: [DL('01/05/2026', '01/05/2026')] }, { dolo: [DL('01/05/2026')] }, 2026);
rule('708', { header: ['{c},F,01/06/2026,WBRI,UN1,,'], dolo: ['{c},01/06/2026,01/06/2026,'] }, { header: ['{c},F,01/06/2026,WBRI,UN1,,'], dolo: ['{c},01/06/2026,02/06/2026,'] }, 2026);
rule('586', { missing: ['{c},01/01/2010,M,01/01/2010,02/01/2010'] }, { missing: ['{c},01/01/2010,M,02/01/2010,02/01/2010'] });
rule('571', { missing: [M('08/03/2025', '08/03/2025')] }, { missing: [M('08/03/2025', '01/04/2025')] });
rule('SW09STG2', { sw_episodes: [SW('SW1,01/01/2026,01/01/2026,MANAGE')] }, { sw_episodes: [SW('SW1,02/01/2026,01/01/2026,MANAGE')] });
