// Every SSDA903 rule of the register, with a failing and a passing case, through the real importer
// (check only, on PGlite or PostgreSQL). Each case has children of its own ({c} in its rows), so the
// cases of a collection year are checked together in one run: the failing rows in one, the passing
// in another. A case's child gets a plain Header row unless the case gives its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_903 } from '../../src/core/rules/ssda903-register.ts';
import { importFiles, type ImportFile } from '../../src/importers/index.ts';
import { runErrors } from '../../src/importers/report.ts';
import { TABLES } from '../../src/importers/tables/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { caseList, H, EP, type Case, type Rows } from './ssda903-cases.ts';
import { EPISODE_AREA_CASES } from './ssda903-cases-episodes.ts';
import { LEAVER_AREA_CASES } from './ssda903-cases-leavers.ts';
import { ADOPTION_AREA_CASES } from './ssda903-cases-adoption.ts';
import { PLACEMENT_AREA_CASES } from './ssda903-cases-placements.ts';

const cases: Case[] = [];
const rule = caseList(cases);

const OC3 = '{c},01/06/2007,YES,F1,D1';

// Header
rule('101', { header: ['{c},1,01/01/2010,WBRI,UN1,0,'] }, { header: [H] });
rule('101', { header: ['{c},M,01/01/2010,WBRI,UN1,,'] }, { header: ['{c},1,01/01/2010,WBRI,UN1,,'] }, 2023);
rule('102', { header: ['{c},F,31/02/2010,WBRI,UN1,0,'] }, { header: [H] });
rule('103', { header: ['{c},F,01/01/2010,XXXX,UN1,0,'] }, { header: [H] });
rule('165', { header: ['{c},F,01/01/2005,WBRI,UN1,1.0,01/01/2024'] }, { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'] });
rule('168', { header: ['{c},F,01/01/2010,WBRI,UN9,0,'] }, { header: [H] });
rule('171', { header: ['{c},F,01/01/2005,WBRI,UN1,1,32/01/2024'] }, { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'] });
rule('174', { header: ['{c},M,01/01/2005,WBRI,UN1,,01/01/2024'] }, { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'] });
rule('232', { header: ['{c},U,01/01/2010,WBRI,UN1,,'] }, { header: [H] });
rule('301', { header: ['{c},F,01/06/2026,WBRI,UN1,,'] }, { header: ['{c},F,01/03/2026,WBRI,UN1,,'] });
rule('351', { header: ['{c},F,01/01/1999,WBRI,UN1,0,'] }, { header: ['{c},F,01/06/2000,WBRI,UN1,0,'] });
rule('611', { header: ['{c},F,01/01/2005,WBRI,UN1,1,'] }, { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'] });
rule('612', { header: ['{c},F,01/01/2005,WBRI,UN1,0,01/01/2024'] }, { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'] });
rule('621', { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2005'] }, { header: ['{c},F,01/01/2005,WBRI,UN1,1,02/01/2005'] });
rule('444', { header: ['{c},F,01/01/2010,WBRI,A{n}1,0,', '{c}b,F,01/01/2010,WBRI,A{n}1,0,'] }, { header: ['{c},F,01/01/2010,WBRI,A{n}1,0,', '{c}b,F,01/01/2010,WBRI,A{n}2,0,'] });
rule('INT32', { header: [H, H] }, { header: [H] });
rule('202', { header: [H], header_last: ['{c},M,01/01/2010,WBRI,UN1,0,'] }, { header: [H], header_last: ['{c},F,01/01/2010,WBRI,UN1,0,'] });
rule('203', { header: [H], header_last: ['{c},F,02/01/2010,WBRI,UN1,0,'] }, { header: [H], header_last: ['{c},F,01/01/2010,WBRI,UN1,0,'] });
rule('204', { header: [H], header_last: ['{c},F,01/01/2010,WOTH,UN1,0,'] }, { header: [H], header_last: ['{c},F,01/01/2010,WBRI,UN1,0,'] });
rule('208', { header: ['{c},F,01/01/2010,WBRI,A{n}1,0,'], header_last: ['{c},F,01/01/2010,WBRI,A{n}2,0,'] },
  { header: ['{c},F,01/01/2010,WBRI,A{n}1,0,'], header_last: ['{c},F,01/01/2010,WBRI,UN4,0,'] });
rule('624', { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'], header_last: ['{c},F,01/01/2005,WBRI,UN1,1,02/01/2024'] },
  { header: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'], header_last: ['{c},F,01/01/2005,WBRI,UN1,1,01/01/2024'] });
rule('393', { header: ['{c},F,01/01/2010,WBRI,UN1,,'], episodes: [EP] }, { header: [H], episodes: [EP] });
rule('607', { header: ['{c},F,01/01/2010,WBRI,UN1,,'], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/09/2025,E13,,,,'] },
  { header: ['{c},F,01/01/2010,WBRI,UN1,,'], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/09/2025,X1,,,,', '{c},01/09/2025,P,C2,N1,U6,PR1,,,CARPL,,,'] });

// Episodes
rule('141', { episodes: ['{c},01/13/2025,S,C2,N1,U4,PR1,,,,,,'] }, { episodes: [EP] });
rule('143', { episodes: ['{c},01/05/2025,Q,C2,N1,U4,PR1,,,,,,'] }, { episodes: [EP] });
rule('144', { episodes: ['{c},01/05/2025,S,C9,N1,U4,PR1,,,,,,'] }, { episodes: [EP] });
rule('145', { episodes: ['{c},01/05/2025,S,C2,N9,U4,PR1,,,,,,'] }, { episodes: [EP] });
rule('146', { episodes: ['{c},01/05/2025,S,C2,N1,H5,PR1,,,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,K3,PR1,,,,,,'] });
rule('146', { episodes: ['{c},01/05/2024,S,C2,N1,Z11,,,,,,,'] }, { episodes: ['{c},01/05/2024,S,C2,N1,Z1,,,,,,,'] }, 2024);
rule('146', { episodes: ['{c},01/05/2023,S,C2,N1,K3,PR1,,,,,,'] }, { episodes: ['{c},01/05/2023,S,C2,N1,H5,PR1,,,,,,'] }, 2023);
rule('147', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,31/06/2025,E13,,,,'] }, { episodes: [EP] });
rule('149', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,30/06/2025,E99,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,30/06/2025,E13,,,,'] });
rule('1009', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,,,WHIM,,,'] }, { episodes: [EP] });
rule('178', { episodes: ['{c},01/05/2024,S,C2,N1,Z1,PR1,,,,,,'] }, { episodes: ['{c},01/05/2024,S,C2,N1,Z1,,,,,,,'] }, 2024);
rule('178', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR9,,,,,,'] }, { episodes: [EP] });
rule('213', { episodes: ['{c},01/05/2025,S,C2,N1,T1,PR1,,,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,T1,,,,,,,'] });
rule('213', { episodes: ['{c},01/05/2025,S,C2,N1,Z12,PR1,,,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,Z12,,,,,,,'] });
rule('148', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,30/06/2025,,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,30/06/2025,E13,,,,'] });
rule('356', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,30/04/2025,E13,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/05/2025,E13,,,,'] });
rule('353', { episodes: ['{c},13/10/1991,S,C2,N1,U4,PR1,,,,,,'] }, { episodes: ['{c},14/10/1991,S,C2,N1,U4,PR1,,,,,,'] });
rule('354', { episodes: ['{c},01/04/2026,S,C2,N1,U4,PR1,,,,,,'] }, { episodes: ['{c},31/03/2026,S,C2,N1,U4,PR1,,,,,,'] });
rule('385', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/04/2026,E13,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,31/03/2026,E13,,,,'] });
rule('222', { episodes: ['{c},01/05/2025,S,C2,N1,R1,PR1,,,,,,SC123456'] }, { episodes: ['{c},01/05/2025,S,C2,N1,R1,PR1,,,,,,XXXXXXX'] });
rule('226', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,T1,,,,CARPL,,,'] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,T1,,,,,,,'] });
rule('302', { episodes: ['{c},31/12/2009,S,C2,N1,U4,PR1,,,,,,'] }, { episodes: ['{c},01/01/2010,S,C2,N1,U4,PR1,,,,,,'] });
rule('386', { header: ['{c},F,01/01/2007,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,A4,PR1,01/02/2026,E11,,,,'] },
  { header: ['{c},F,01/03/2008,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,A4,PR1,01/02/2026,E11,,,,'] });
rule('387', { header: ['{c},F,01/03/2012,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/02/2026,E5,,,,'] },
  { header: ['{c},F,01/01/2011,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/02/2026,E5,,,,'] });
rule('389', { header: ['{c},F,01/03/2010,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/02/2026,E7,,,,'] },
  { header: ['{c},F,01/01/2010,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/02/2026,E7,,,,'] });
rule('371', { episodes: ['{c},01/05/2025,S,C2,N1,K3,PR1,,,,,,'] }, { header: ['{c},F,01/01/2009,WBRI,UN1,0,'], episodes: ['{c},01/05/2025,S,C2,N1,K3,PR1,,,,,,'] });
rule('INT03', { header: [], episodes: [EP] }, { episodes: [EP] });
rule('388', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,'] }, { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,'] });
rule('142', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,,,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'] });
rule('357', { episodes: ['{c},01/05/2025,P,C2,N1,U4,PR1,,,,,,'] }, { episodes: [EP] });
rule('431', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,S,C2,N1,U6,PR1,,,CARPL,,,'] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'] });
rule('432', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,', '{c},01/08/2025,P,C2,N1,U6,PR1,,,,,,'] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,', '{c},01/08/2025,S,C2,N1,U6,PR1,,,,,,'] });
rule('433', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},02/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'] });
rule('434', { episodes: ['{c},01/05/2025,S,C1,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,L,C1,N1,U4,PR1,,,,,,'] },
  { episodes: ['{c},01/05/2025,S,C1,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,L,C2,N1,U4,PR1,,,,,,'] });
rule('435', { episodes: ['{c},01/05/2025,S,C1,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'] },
  { episodes: ['{c},01/05/2025,S,C1,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C1,N1,U6,PR1,,,CARPL,,,'] });
rule('436', { episodes: ['{c},01/05/2025,S,C1,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,B,C1,N1,U6,PR1,,,CARPL,,,'] },
  { episodes: ['{c},01/05/2025,S,C1,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,B,C2,N1,U6,PR1,,,CARPL,,,'] });
rule('437', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E2,,,,', '{c},01/08/2025,S,C2,N1,U6,PR1,,,,,,'] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,', '{c},01/08/2025,S,C2,N1,U6,PR1,,,,,,'] });
rule('501', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/07/2025,E13,,,,', '{c},01/06/2025,S,C2,N1,U6,PR1,,,,,,'] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,', '{c},01/07/2025,S,C2,N1,U6,PR1,,,,,,'] });
const OPEN_LAST = '{c},01/05/2024,S,C2,N1,U4,PR1,,,,,,';
rule('502', { episodes: ['{c},02/05/2024,S,C2,N1,U4,PR1,,,,,,'], episodes_last: [OPEN_LAST] }, { episodes: [OPEN_LAST], episodes_last: [OPEN_LAST] });
for (const [code, row] of [
  ['503A', '{c},01/05/2024,P,C2,N1,U4,PR1,,,,,,'], ['503B', '{c},01/05/2024,S,C1,N1,U4,PR1,,,,,,'], ['503C', '{c},01/05/2024,S,C2,N2,U4,PR1,,,,,,'],
  ['503D', '{c},01/05/2024,S,C2,N1,U6,PR1,,,,,,'], ['503E', '{c},01/05/2024,S,C2,N1,U4,PR2,,,,,,'],
]) rule(code!, { episodes: [row!], episodes_last: [OPEN_LAST] }, { episodes: [OPEN_LAST], episodes_last: [OPEN_LAST] });

// Missing
const M = (start: string, end = '') => `{c},01/01/2010,M,${start},${end}`;
rule('1004', { missing: [M('32/05/2025')] }, { missing: [M('01/05/2025', '02/05/2025')] });
rule('1005', { missing: [M('01/05/2025', '32/05/2025')] }, { missing: [M('01/05/2025', '02/05/2025')] });
rule('1006', { missing: ['{c},01/01/2010,X,01/05/2025,02/05/2025'] }, { missing: ['{c},01/01/2010,A,01/05/2025,02/05/2025'] });
rule('567', { missing: [M('03/05/2025', '02/05/2025')] }, { missing: [M('01/05/2025', '02/05/2025')] });
rule('570', { missing: [M('01/04/2026', '02/04/2026')] }, { missing: [M('31/03/2026', '31/03/2026')] });
rule('571', { missing: [M('31/03/2026', '01/04/2026')] }, { missing: [M('31/03/2026', '31/03/2026')] });
rule('586', { header: ['{c},F,01/06/2015,WBRI,UN1,,'], missing: ['{c},01/06/2015,M,01/05/2015,02/05/2015'] }, { missing: [M('01/05/2025', '02/05/2025')] });
rule('574', { missing: [M('01/05/2025', '10/05/2025'), M('05/05/2025', '06/05/2025')] }, { missing: [M('01/05/2025', '04/05/2025'), M('05/05/2025', '06/05/2025')] });
rule('575', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'], missing: [M('20/05/2025')] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,X1,,,,', '{c},01/06/2025,P,C2,N1,U6,PR1,,,CARPL,,,'], missing: [M('20/05/2025', '21/05/2025')] });
rule('577', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,'], missing: [M('01/05/2025')] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,'], missing: [M('01/05/2025', '02/05/2025')] });
rule('578', { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,'], missing: [M('05/06/2025', '06/06/2025')] },
  { episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E13,,,,'], missing: [M('01/06/2025', '01/06/2025')] });
rule('581', { episodes: [EP], missing: [M('01/04/2025', '02/04/2025')] }, { episodes: [EP], missing: [M('02/05/2025', '03/05/2025')] });
rule('INT04', { header: [], missing: [M('01/05/2025', '02/05/2025')] }, { missing: [M('01/05/2025', '02/05/2025')] });
rule('INT13', { missing: ['{c},02/01/2010,M,01/05/2025,02/05/2025'] }, { missing: [M('01/05/2025', '02/05/2025')] });

// OC3 (default child turns 18 on 01/06/2025)
const H_LEAVER = '{c},F,01/06/2007,WBRI,UN1,0,';
rule('131', { header: [H_LEAVER], oc3: ['{c},01/06/2007,MAYBE,F1,D1'] }, { header: [H_LEAVER], oc3: [OC3] });
rule('132', { header: [H_LEAVER], oc3: ['{c},01/06/2007,YES,Q1,D1'] }, { header: [H_LEAVER], oc3: [OC3] });
rule('133', { header: [H_LEAVER], oc3: ['{c},01/06/2007,YES,F1,S1'] }, { header: [H_LEAVER], oc3: [OC3] });
rule('153', { header: [H_LEAVER], oc3: ['{c},01/06/2007,YES,F1,'] }, { header: [H_LEAVER], oc3: [OC3] });
rule('344', { header: [H_LEAVER], oc3: ['{c},01/06/2007,DIED,F1,D1'] }, { header: [H_LEAVER], oc3: ['{c},01/06/2007,DIED,0,0'] });
rule('345', { header: [H_LEAVER], oc3: ['{c},01/06/2007,YES,0,D1'] }, { header: [H_LEAVER], oc3: [OC3] });
rule('391', { header: ['{c},F,01/06/2010,WBRI,UN1,0,'], oc3: ['{c},01/06/2010,YES,F1,D1'] }, { header: [H_LEAVER], oc3: [OC3] });
rule('3001', { header: ['{c},F,01/06/2008,WBRI,UN1,0,'], oc3: ['{c},01/06/2008,YES,F1,Z1'] }, { header: [H_LEAVER], oc3: ['{c},01/06/2007,YES,F1,Z1'] });
rule('1000', { header: [H_LEAVER], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,20/05/2025,E2,,,,'], oc3: [OC3] },
  { header: [H_LEAVER], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,20/05/2025,E13,,,,'], oc3: [OC3] });
rule('1007', { header: [H_LEAVER], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,20/06/2025,E13,,,,'], oc3: [OC3] },
  { header: [H_LEAVER], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,20/05/2025,E13,,,,'], oc3: [OC3] });
rule('1011', { header: [H_LEAVER], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,20/05/2025,E3,,,,'], oc3: [OC3] },
  { header: [H_LEAVER], episodes: ['{c},01/05/2025,S,C2,N1,U4,PR1,20/05/2025,E13,,,,'], oc3: [OC3] });
rule('INT06', { header: [], oc3: [OC3] }, { header: [H_LEAVER], oc3: [OC3] });
rule('INT15', { header: [H_LEAVER], oc3: ['{c},02/06/2007,YES,F1,D1'] }, { header: [H_LEAVER], oc3: [OC3] });
rule('INT34', { header: [H_LEAVER], oc3: [OC3, OC3] }, { header: [H_LEAVER], oc3: [OC3] });
rule('348', { header: [H_LEAVER], oc3: [OC3], oc3_last: ['{c},01/06/2007,DIED,0,0'] }, { header: [H_LEAVER], oc3: [OC3], oc3_last: [OC3] });

// Reviews
rule('166', { reviews: ['{c},01/01/2010,31/11/2025,PN1'] }, { reviews: ['{c},01/01/2010,30/11/2025,PN1'] });
rule('167', { reviews: ['{c},01/01/2010,30/11/2025,PN9'] }, { reviews: ['{c},01/01/2010,30/11/2025,PN1'] });
rule('440', { reviews: ['{c},01/01/2010,30/11/2025,PN0'] }, { reviews: ['{c},01/01/2010,30/11/2025,PN1'] });
rule('441', { header: ['{c},F,01/01/2023,WBRI,UN1,,'], reviews: ['{c},01/01/2023,30/11/2025,PN1'] }, { header: ['{c},F,01/01/2023,WBRI,UN1,,'], reviews: ['{c},01/01/2023,30/11/2025,PN0'] });
rule('INT08', { header: [], reviews: ['{c},01/01/2010,30/11/2025,PN1'] }, { reviews: ['{c},01/01/2010,30/11/2025,PN1'] });
rule('INT17', { reviews: ['{c},02/01/2010,30/11/2025,PN1'] }, { reviews: ['{c},01/01/2010,30/11/2025,PN1'] });

// UASC
rule('104', { uasc: ['{c},F,01/01/2010,31/02/2028'] }, { uasc: ['{c},F,01/01/2010,01/01/2028'] });
rule('304', { uasc: ['{c},F,01/01/2010,02/01/2028'] }, { uasc: ['{c},F,01/01/2010,01/01/2028'] });
rule('INT09', { header: [], uasc: ['{c},F,01/01/2010,'] }, { uasc: ['{c},F,01/01/2010,'] });
rule('INT18', { uasc: ['{c},F,02/01/2010,'] }, { uasc: ['{c},F,01/01/2010,'] });
rule('INT21', { uasc: ['{c},M,01/01/2010,'] }, { uasc: ['{c},F,01/01/2010,'] });
rule('INT36', { uasc: ['{c},F,01/01/2010,', '{c},F,01/01/2010,'] }, { uasc: ['{c},F,01/01/2010,'] });

// OC2
const OC2 = (rest: string) => `{c},01/01/2010,${rest}`;
rule('180', { oc2: [OC2('41,,0,1,1,1,1,0,,')] }, { oc2: [OC2('40,,0,1,1,1,1,0,,')] });
rule('196', { oc2: [OC2(',SDQ9,0,1,1,1,1,0,,')] }, { oc2: [OC2(',SDQ2,0,1,1,1,1,0,,')] });
rule('181', { oc2: [OC2('10,,2,1,1,1,1,0,,')] }, { oc2: [OC2('10,,0,1,1,1,1,0,,')] });
rule('197a', { oc2: [OC2('10,SDQ1,0,1,1,1,1,0,,')] }, { oc2: [OC2('10,,0,1,1,1,1,0,,')] });
rule('192', { oc2: [OC2('10,,0,1,1,1,1,1,,')] }, { oc2: [OC2('10,,0,1,1,1,1,1,1,')] });
rule('193', { oc2: [OC2('10,,0,1,1,1,1,0,1,')] }, { oc2: [OC2('10,,0,1,1,1,1,0,,')] });
rule('INT05', { header: [], oc2: [OC2('10,,0,1,1,1,1,0,,')] }, { oc2: [OC2('10,,0,1,1,1,1,0,,')] });
rule('INT14', { oc2: ['{c},02/01/2010,10,,0,1,1,1,1,0,,'] }, { oc2: [OC2('10,,0,1,1,1,1,0,,')] });
rule('INT33', { oc2: [OC2('10,,0,1,1,1,1,0,,'), OC2('10,,0,1,1,1,1,0,,')] }, { oc2: [OC2('10,,0,1,1,1,1,0,,')] });

// AD1
const AD = (rest: string) => `{c},01/01/2010,${rest}`;
const AD_OK = AD('01/05/2025,01/08/2025,1,2,MF,L11');
rule('112', { ad1: [AD('32/05/2025,01/08/2025,1,2,MF,L11')] }, { ad1: [AD_OK] });
rule('113', { ad1: [AD('01/05/2025,32/08/2025,1,2,MF,L11')] }, { ad1: [AD_OK] });
rule('114', { ad1: [AD('01/05/2025,01/08/2025,2,2,MF,L11')] }, { ad1: [AD_OK] });
rule('175', { ad1: [AD('01/05/2025,01/08/2025,1,3,MF,L11')] }, { ad1: [AD_OK] });
rule('176', { ad1: [AD('01/05/2025,01/08/2025,1,2,XY,L11')] }, { ad1: [AD_OK] });
rule('177', { ad1: [AD('01/05/2025,01/08/2025,1,2,MF,L9')] }, { ad1: [AD_OK] });
rule('151', { ad1: [AD('01/05/2025,01/08/2025,1,2,,L11')] }, { ad1: [AD_OK] });
rule('333', { ad1: [AD('01/09/2025,01/08/2025,1,2,MF,L11')] }, { ad1: [AD_OK] });
rule('511', { ad1: [AD('01/05/2025,01/08/2025,1,2,M1,L11')] }, { ad1: [AD_OK] });
rule('514', { ad1: [AD('01/05/2025,01/08/2025,1,1,MF,L0')] }, { ad1: [AD('01/05/2025,01/08/2025,1,1,F1,L0')] });
rule('INT01', { header: [], ad1: [AD_OK] }, { ad1: [AD_OK] });
rule('INT11', { ad1: ['{c},02/01/2010,01/05/2025,01/08/2025,1,2,MF,L11'] }, { ad1: [AD_OK] });
rule('INT31', { ad1: [AD_OK, AD_OK] }, { ad1: [AD_OK] });

// PlacedAdoption
const PA = (rest: string) => `{c},01/01/2010,${rest}`;
rule('115', { placed_adoption: [PA('32/05/2025,,')] }, { placed_adoption: [PA('01/05/2025,,')] });
rule('116', { placed_adoption: [PA('01/05/2025,32/06/2025,RD1')] }, { placed_adoption: [PA('01/05/2025,30/06/2025,RD1')] });
rule('120', { placed_adoption: [PA('01/05/2025,30/06/2025,RD9')] }, { placed_adoption: [PA('01/05/2025,30/06/2025,RD1')] });
rule('119', { placed_adoption: [PA('01/05/2025,30/06/2025,')] }, { placed_adoption: [PA('01/05/2025,30/06/2025,RD1')] });
rule('522', { placed_adoption: [PA('01/05/2025,30/04/2025,RD1')] }, { placed_adoption: [PA('01/05/2025,01/05/2025,RD1')] });
rule('184', { placed_adoption: [PA('31/12/2009,,')] }, { placed_adoption: [PA('01/01/2010,,')] });
rule('INT02', { header: [], placed_adoption: [PA('01/05/2025,,')] }, { placed_adoption: [PA('01/05/2025,,')] });
rule('INT12', { placed_adoption: ['{c},02/01/2010,01/05/2025,,'] }, { placed_adoption: [PA('01/05/2025,,')] });

// PrevPerm
rule('631', { prev_perm: ['{c},01/01/2010,P9,,'] }, { prev_perm: ['{c},01/01/2010,P1,,'] });
rule('635', { prev_perm: ['{c},01/01/2010,,352,'] }, { prev_perm: ['{c},01/01/2010,Z1,352,'] });
rule('INT07', { header: [], prev_perm: ['{c},01/01/2010,Z1,,'] }, { prev_perm: ['{c},01/01/2010,Z1,,'] });
rule('INT16', { prev_perm: ['{c},02/01/2010,Z1,,'] }, { prev_perm: ['{c},01/01/2010,Z1,,'] });
rule('INT35', { prev_perm: ['{c},01/01/2010,Z1,,', '{c},01/01/2010,Z1,,'] }, { prev_perm: ['{c},01/01/2010,Z1,,'] });

// SWEpisodes
const SW = (rest: string) => `{c},01/01/2010,${rest}`;
rule('SW04STG1', { sw_episodes: [SW('SW1,32/05/2025,,')] }, { sw_episodes: [SW('SW1,01/05/2025,,')] });
rule('SW05STG1', { sw_episodes: [SW('SW1,01/05/2025,32/05/2025,MANAGE')] }, { sw_episodes: [SW('SW1,01/05/2025,30/05/2025,MANAGE')] });
rule('SW13STG1', { sw_episodes: [SW('SW1,01/05/2025,30/05/2025,SWLAZY')] }, { sw_episodes: [SW('SW1,01/05/2025,30/05/2025,MANAGE')] });
rule('SW02STG1', { sw_episodes: [SW('AB1,01/05/2025,,')] }, { sw_episodes: [SW('XX1,01/05/2025,,')] });
rule('SW09STG2', { sw_episodes: [SW('SW1,01/05/2025,01/05/2025,MANAGE')] }, { sw_episodes: [SW('SW1,01/05/2025,02/05/2025,MANAGE')] });
rule('SW10STG2', { sw_episodes: [SW('SW1,01/05/2025,30/05/2025,MANAGE'), SW('SW2,20/05/2025,,')] },
  { sw_episodes: [SW('SW1,01/05/2025,20/05/2025,MANAGE'), SW('SW2,20/05/2025,,')] });

// DoLo (2026-27)
const DL = (start: string, end = '') => `{c},01/01/2010,${start},${end}`;
rule('700', { dolo: [DL('32/05/2026')] }, { dolo: [DL('01/05/2026')] }, 2026);
rule('701', { dolo: [DL('01/05/2026', '32/05/2026')] }, { dolo: [DL('01/05/2026', '30/05/2026')] }, 2026);
rule('702', { dolo: [DL('01/05/2026', '30/04/2026')] }, { dolo: [DL('01/05/2026', '02/05/2026')] }, 2026);
rule('703', { dolo: [DL('01/04/2027')] }, { dolo: [DL('31/03/2027')] }, 2026);
rule('704', { dolo: [DL('01/05/2026', '01/04/2027')] }, { dolo: [DL('01/05/2026', '31/03/2027')] }, 2026);
rule('705', { dolo: [DL('01/05/2026'), DL('01/06/2026')] }, { dolo: [DL('01/05/2026', '20/05/2026'), DL('01/06/2026')] }, 2026);
rule('708', { header: ['{c},F,01/06/2026,WBRI,UN1,,'], dolo: ['{c},01/06/2026,01/05/2026,'] }, { dolo: [DL('01/05/2026')] }, 2026);

cases.push(...EPISODE_AREA_CASES, ...LEAVER_AREA_CASES, ...ADOPTION_AREA_CASES, ...PLACEMENT_AREA_CASES);

const COLUMNS = new Map(TABLES.map((t) => [t.id, t.columns.join(',')]));

/** One return per year (and last year's), with the rows of every case, each case's {c} its own child. */
function returnsOf(list: { c: Case; i: number }[], side: 'fail' | 'pass'): ImportFile[] {
  const files = new Map<string, string[]>();
  const add = (fy: number, table: string, rows: string[]) => {
    const name = `ssda903_${fy + 1}/${table}.csv`;
    if (!files.has(name)) files.set(name, [COLUMNS.get(table)!]);
    files.get(name)!.push(...rows);
  };
  for (const { c, i } of list) {
    const rows = c[side];
    const child = `K${i}${side[0]}`;
    const fill = (r: string) => r.replaceAll('{c}', child).replaceAll('{n}', String(i).padStart(11, '0'));
    add(c.fy, 'header', (rows.header ?? [H]).map(fill));
    for (const [key, r] of Object.entries(rows)) {
      if (key === 'header') continue;
      const last = key.endsWith('_last');
      const table = last ? key.slice(0, -5) : key;
      add(last ? c.fy - 1 : c.fy, table, r.map(fill));
    }
  }
  return [...files.entries()].map(([name, lines]) => ({ name, content: lines.join('\n') + '\n' }));
}

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

test('every rule of the register but the cell rules it shares with another year has a failing and a passing case', () => {
  const covered = new Set(cases.map((c) => c.code));
  assert.deepEqual(RULES_903.filter((r) => !covered.has(r.code)).map((r) => r.code), []);
});

for (const fy of [2023, 2024, 2025, 2026]) {
  test(`${fy}-${(fy + 1) % 100}: each rule is reported on its failing rows and not on its passing ones`, async () => {
    const mine = cases.map((c, i) => ({ c, i })).filter(({ c }) => c.fy === fy);
    for (const side of ['fail', 'pass'] as const) {
      const result = await importFiles(store, returnsOf(mine, side), { user: 'tester', checkOnly: true });
      const errors = await runErrors(store, result.runId);
      assert.equal(errors.length, result.errorCount, 'every error is kept for the report');
      assert.deepEqual(errors.filter((e) => e.rule === 'database'), [], 'every check runs');
      const reported = new Set(errors.map((e) => `${e.rule}|${e.child}`));
      for (const { c, i } of mine) {
        const child = `K${i}${side[0]}`;
        const found = reported.has(`${c.code}|${child}`) || reported.has(`${c.code}|${child}b`);
        assert.equal(found, side === 'fail', `${c.code} ${side === 'fail' ? 'not reported on its failing case' : 'reported on its passing case'} (${child}): ${JSON.stringify(errors.filter((e) => e.child?.startsWith(child)).map((e) => [e.rule, e.message]))}`);
      }
    }
  });
}
