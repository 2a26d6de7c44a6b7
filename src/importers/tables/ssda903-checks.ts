// The SSDA903 rules across rows, files and years, in SQL over the staging tables, before the
// latest version of each key is chosen: so each return (column y, its collection year) is checked
// as it was sent, and this year's against last year's (y - 1) when both are in the import. Rules
// across files use the Header of the same return; when that year's Header is not in the import,
// the stored child. Each check selects f, r, y, child, field (null: the rule's first field),
// detail (added to the message) and vals (the values concerned); `check` adds the rule's code and
// message from the register and keeps the rule to its collection years.
import type { Table903 } from '../../core/rules/ssda903-register.ts';
import type { CrossCheck } from '../spec.ts';
import {
  check, DATES, vals, dfe, yearStart, yearEnd, age, HEADER, HDOB, together, notInHeader, dobDiffers, onePass, LAST_EPISODE, OPEN_LAST_YEAR_TABLES, FIRST_AGAINST_OPEN, EP, placementSame,
  periodsOfCare, outOfEveryPeriod, periodOutside, overlapsPrevious,
} from './ssda903-sql.ts';
import { AGAINST_LAST_YEAR, EPISODE_AREA_CHECKS } from './ssda903-checks-episodes.ts';
import { LEAVER_AREA_CHECKS } from './ssda903-checks-leavers.ts';
import { ADOPTION_AREA_CHECKS } from './ssda903-checks-adoption.ts';
import { PLACEMENT_AREA_CHECKS, PLACEMENT_CHAIN_CHECKS } from './ssda903-checks-placements.ts';

const HEADER_CHECKS: CrossCheck[] = [
  // The UPNs held twice in a return found by grouping (hashed), then their rows.
  check('444', `SELECT h.f, h.r, h.y, h.child_id AS child, NULL AS field, NULL AS detail, ${vals('h', 'UPN')} AS vals
    FROM s_header h WHERE h.upn NOT LIKE 'UN%'
      AND (h.y, h.upn) IN (SELECT y, upn FROM s_header WHERE upn NOT LIKE 'UN%' GROUP BY y, upn HAVING count(*) > 1)`),
  // This year's Header against last year's, in one pass over the children in both.
  onePass(`(SELECT h.*, l.sex AS l_sex, l.sex_code AS l_sex_code, l.dob AS l_dob, l.ethnic AS l_ethnic, l.upn AS l_upn, l.mc_dob AS l_mc_dob
      FROM s_header h JOIN s_header l ON l.child_id = h.child_id AND l.y = h.y - 1)`, 'hl', ([
    ['202', 'SEX', 'e.sex <> e.l_sex'],
    ['203', 'DOB', 'e.dob <> e.l_dob'],
    ['204', 'ETHNIC', 'e.ethnic <> e.l_ethnic'],
    ['208', 'UPN', `e.upn <> e.l_upn AND e.upn NOT LIKE 'UN%' AND e.l_upn NOT LIKE 'UN%'`],
    ['624', 'MC_DOB', 'e.mc_dob <> e.l_mc_dob'],
  ] as const).map(([code, field, differs]) =>
    check(code, `SELECT e.f, e.r, e.y, e.child_id AS child, NULL AS field,
        '(last year: ' || ${field === 'SEX' ? 'e.l_sex_code' : DATES.has(field.toLowerCase()) ? dfe(`e.l_${field.toLowerCase()}`) : `e.l_${field.toLowerCase()}`} || ')' AS detail,
        ${vals('e', field === 'SEX' ? 'SEX_CODE' : field)} AS vals
      FROM hl e WHERE ${differs}`))),
  // Girls looked after (393) or ceasing to be in the year (607) need MOTHER, whatever their age.
  check('393', `SELECT h.f, h.r, h.y, h.child_id AS child, NULL AS field, NULL AS detail, ${vals('h', 'MOTHER')} AS vals
    FROM s_header h WHERE h.sex = 2 AND h.mother IS NULL
      AND EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = h.child_id AND e.y = h.y AND e.ls NOT IN ('V3', 'V4'))`),
  check('607', `SELECT DISTINCT ON (h.f, h.r) h.f, h.r, h.y, h.child_id AS child, NULL AS field,
      '(ceased ' || ${dfe('e.dec')} || ')' AS detail, ${vals('h', 'MOTHER')} AS vals
    FROM s_header h JOIN s_episodes e ON e.child_id = h.child_id AND e.y = h.y
    WHERE h.sex = 2 AND h.mother IS NULL AND e.dec BETWEEN ${yearStart('h.y')} AND ${yearEnd('h.y')} AND e.rec <> 'X1' AND e.ls NOT IN ('V3', 'V4')
    ORDER BY h.f, h.r, e.dec`),
];

const EPISODE_CHECKS: CrossCheck[] = [
  notInHeader('INT03', 'episodes'),
  // Rules against the child's date of birth, on episodes joined once to the Header.
  onePass('s_eh', 'eh', [
  check('302', `${EP()}, NULL AS field, '(born ' || ${dfe('e.hdob')} || ')' AS detail, ${vals('e', 'DECOM')} AS vals
    FROM eh e WHERE e.decom < e.hdob`),
  ...([
    ['386', `e.rec IN ('E11', 'E12') AND e.dec >= ${age('e.hdob', 18)}`],
    ['387', `e.rec IN ('E5', 'E6') AND e.dec < ${age('e.hdob', 14)}`],
    ['389', `e.rec = 'E7' AND e.dec < ${age('e.hdob', 16)}`],
  ] as const).map(([code, where]) =>
    check(code, `${EP()}, NULL AS field, '(born ' || ${dfe('e.hdob')} || ')' AS detail, ${vals('e', 'DEC', 'REC')} AS vals
      FROM eh e WHERE ${where}`)),
  check('371', `${EP()}, 'PLACE' AS field, '(born ' || ${dfe('e.hdob')} || ')' AS detail, ${vals('e', 'DECOM', 'PLACE')} AS vals
    FROM eh e WHERE e.place = 'K3' AND e.decom < ${age('e.hdob', 16)}`),
  ]),
  // Rules along each child's chain of episodes (and the placement rules'), on the chain computed once.
  onePass('s_chain', 'chain', [
  ...PLACEMENT_CHAIN_CHECKS,
  // 388: X1 needs a next episode that day; an episode followed that day needs X1; the last cannot end X1.
  check('388', `${EP()}, NULL AS field,
      CASE WHEN e.next_decom IS NULL THEN '(it is the last episode)' ELSE '(next episode begins ' || ${dfe('e.next_decom')} || ')' END AS detail,
      ${vals('e', 'DEC', 'REC')} AS vals
    FROM chain e
    WHERE (e.rec = 'X1' AND e.dec IS NOT NULL AND (e.next_decom IS NULL OR e.dec <> e.next_decom))
       OR (e.rec <> 'X1' AND e.dec = e.next_decom)`),
  check('142', `${EP()}, NULL AS field, '(next episode begins ' || ${dfe('e.next_decom')} || ')' AS detail, ${vals('e', 'DECOM', 'DEC')} AS vals
    FROM chain e WHERE (e.dec IS NULL OR e.rec IS NULL) AND e.next_decom IS NOT NULL`),
  check('501', `${EP()}, NULL AS field, '(previous ceased ' || ${dfe('e.prev_dec')} || ')' AS detail, ${vals('e', 'DECOM')} AS vals
    FROM chain e WHERE e.decom < e.prev_dec`),
  check('357', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'DECOM', 'RNE')} AS vals
    FROM chain e WHERE e.n = 1 AND e.decom >= ${yearStart('e.y')} AND e.rne IS DISTINCT FROM 'S'`),
  check('431', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'DECOM', 'RNE')} AS vals
    FROM chain e WHERE e.rne = 'S' AND e.prev_dec >= e.decom`),
  check('432', `${EP()}, NULL AS field, '(previous ceased with ' || e.prev_rec || ')' AS detail, ${vals('e', 'RNE')} AS vals
    FROM chain e WHERE e.n > 1 AND e.prev_rec IS NOT NULL AND e.prev_rec <> 'X1' AND e.rne IS DISTINCT FROM 'S'`),
  check('433', `${EP()}, NULL AS field, '(previous ceased ' || coalesce(${dfe('e.prev_dec')}, 'never') || ')' AS detail, ${vals('e', 'DECOM', 'RNE')} AS vals
    FROM chain e WHERE e.n > 1 AND e.rne IN ('L', 'P', 'T', 'B', 'U') AND e.prev_dec IS DISTINCT FROM e.decom`),
  check('434', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'RNE', 'LS', 'PLACE')} AS vals
    FROM chain e WHERE e.n > 1 AND e.rne = 'L' AND (e.ls = e.prev_ls OR NOT (${placementSame}))`),
  check('435', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'RNE', 'LS')} AS vals
    FROM chain e WHERE e.n > 1 AND e.rne IN ('P', 'T') AND (e.ls IS DISTINCT FROM e.prev_ls
      OR (e.place = e.prev_place AND e.place_provider = e.prev_provider AND e.pl_post = e.prev_post AND e.urn = e.prev_urn))`),
  check('436', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'RNE', 'LS', 'PLACE')} AS vals
    FROM chain e WHERE e.n > 1 AND e.rne IN ('B', 'U') AND (e.ls IS NOT DISTINCT FROM e.prev_ls OR (${placementSame}))`),
  check('437', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'REC')} AS vals
    FROM chain e WHERE e.rec IN ('E2', 'E15') AND e.next_decom IS NOT NULL`),
  check('226', `${EP()}, 'REASON_PLACE_CHANGE' AS field, NULL AS detail, ${vals('e', 'PLACE', 'REASON_PLACE_CHANGE')} AS vals
    FROM chain e WHERE e.place IN ('T0', 'T1', 'T2', 'T3', 'T4') AND (e.reason_place_change IS NOT NULL OR e.prev_reason IS NOT NULL)`),
  // Against last year: the episode open at its end must open this year.
  ]),
  // This year's first episode against the episode open at the end of last year, even when it begins
  // on another day (502 reports that), as the validator compares them (its field_different_from_previous).
  // A retired placement code may become its successor: H5 or P2 to K3, Z1 to Z11-Z14 (2025-26).
  onePass(FIRST_AGAINST_OPEN, 'fl', [
  check('502', `${EP()}, NULL AS field, '(last year''s open episode began ' || ${dfe('e.l_decom')} || ')' AS detail, ${vals('e', 'DECOM')} AS vals
    FROM fl e WHERE e.decom <> e.l_decom`),
  ...([['503A', 'RNE'], ['503B', 'LS'], ['503C', 'CIN'], ['503D', 'PLACE'], ['503E', 'PLACE_PROVIDER'], ['503F', 'URN']] as const).map(([code, field]) =>
    check(code, `${EP()}, NULL AS field, '(last year: ' || coalesce(e.l_${field.toLowerCase()}, 'blank') || ')' AS detail, ${vals('e', field)} AS vals
      FROM fl e WHERE e.${field.toLowerCase()} IS DISTINCT FROM e.l_${field.toLowerCase()}
        ${code === '503D' ? `AND NOT (e.l_place IN ('H5', 'P2') AND e.place = 'K3') AND NOT (e.l_place = 'Z1' AND e.place IN ('Z11', 'Z12', 'Z13', 'Z14'))` : ''}`)),
  ], OPEN_LAST_YEAR_TABLES, AGAINST_LAST_YEAR),
];

const MISSING_CHECKS: CrossCheck[] = [
  notInHeader('INT04', 'missing'),
  dobDiffers('INT13', 'missing'),
  overlapsPrevious('574', 'missing', 'mis_start', 'mis_end'),
  check('575', `SELECT m.f, m.r, m.y, m.child_id AS child, NULL AS field, '(placement ended ' || ${dfe('e.dec')} || ')' AS detail, ${vals('m', 'MIS_START', 'MIS_END')} AS vals
    FROM s_missing m JOIN s_episodes e ON e.child_id = m.child_id AND e.y = m.y AND e.decom <= m.mis_start AND e.dec >= m.mis_start
    WHERE m.mis_end IS NULL AND e.dec <= ${yearEnd('m.y')}`),
  together(`WITH ${periodsOfCare('s_missing')}`, [
  check('577', `SELECT m.f, m.r, m.y, m.child_id AS child, NULL AS field, NULL AS detail, ${vals('m', 'MIS_START', 'MIS_END')} AS vals
    FROM s_missing m WHERE m.mis_start IS NOT NULL AND ${outOfEveryPeriod('m', periodOutside('m', 'mis_start', 'mis_end'))}`),
  check('578', `SELECT m.f, m.r, m.y, m.child_id AS child, NULL AS field, NULL AS detail, ${vals('m', 'MIS_START')} AS vals
    FROM s_missing m WHERE ${outOfEveryPeriod('m', 'm.mis_start < p.poc_decom OR (m.mis_start > p.poc_dec AND p.poc_dec IS NOT NULL)')}`),
  ]),
  check('581', `SELECT m.f, m.r, m.y, m.child_id AS child, NULL AS field, NULL AS detail, ${vals('m', 'MIS_START')} AS vals
    FROM s_missing m WHERE m.mis_start IS NOT NULL AND EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = m.child_id AND e.y = m.y)
      AND NOT EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = m.child_id AND e.y = m.y AND e.decom <= m.mis_start AND (m.mis_start <= e.dec OR e.dec IS NULL))`),
  // Reported on last year's open period: it has no counterpart in this year's return.
  // This year's first missing period against each period still open at the end of last year.
  check('576', `SELECT DISTINCT ON (m.f, m.r) m.f, m.r, m.y, m.child_id AS child, NULL AS field,
      '(open last year from ' || ${dfe('l.mis_start')} || ')' AS detail, ${vals('m', 'MIS_START', 'MIS_END')} AS vals
    FROM (SELECT DISTINCT ON (y, child_id) * FROM s_missing ORDER BY y, child_id, mis_start NULLS LAST, r) m
      JOIN s_missing l ON l.child_id = m.child_id AND l.y = m.y - 1 AND l.mis_end IS NULL AND l.mis_start IS NOT NULL
    WHERE m.mis_start IS DISTINCT FROM l.mis_start ORDER BY m.f, m.r`),
];

const OC3_CHECKS: CrossCheck[] = [
  notInHeader('INT06', 'oc3'),
  dobDiffers('INT15', 'oc3'),
  check('348', `SELECT o.f, o.r, o.y, o.child_id AS child, NULL AS field, NULL AS detail, ${vals('o', 'IN_TOUCH')} AS vals
    FROM s_oc3 o JOIN s_oc3 l ON l.child_id = o.child_id AND l.y = o.y - 1 WHERE l.in_touch = 'DIED' AND o.in_touch <> 'DIED'`),
  check('1000', `SELECT o.f, o.r, o.y, o.child_id AS child, NULL AS field, NULL AS detail, ${vals('o', 'IN_TOUCH')} AS vals
    FROM s_oc3 o WHERE EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = o.child_id AND e.y IN (o.y, o.y - 1) AND e.rec = 'E2')`),
  check('1011', `SELECT o.f, o.r, o.y, o.child_id AS child, NULL AS field, NULL AS detail, ${vals('o', 'IN_TOUCH')} AS vals
    FROM s_oc3 o JOIN ${LAST_EPISODE} e ON e.child_id = o.child_id AND e.y = o.y WHERE e.rec = 'E3'`),
  check('1007', `SELECT o.f, o.r, o.y, o.child_id AS child, NULL AS field, '(birthday ' || ${dfe('b.day')} || ')' AS detail, ${vals('o', 'DOB', 'IN_TOUCH')} AS vals
    FROM s_oc3 o CROSS JOIN LATERAL (VALUES (${age('o.dob', 17)}), (${age('o.dob', 18)})) b(day)
    WHERE b.day BETWEEN ${yearStart('o.y')} AND ${yearEnd('o.y')}
      AND EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = o.child_id AND e.y = o.y AND e.decom <= b.day AND (e.dec IS NULL OR e.dec > b.day))`),
];

/** The checks of each table. */
const BASE_CHECKS: Record<Table903, readonly CrossCheck[]> = {
  Header: HEADER_CHECKS,
  Episodes: EPISODE_CHECKS,
  Missing: MISSING_CHECKS,
  OC3: OC3_CHECKS,
  Reviews: [notInHeader('INT08', 'reviews'), dobDiffers('INT17', 'reviews')],
  UASC: [
    notInHeader('INT09', 'uasc'),
    dobDiffers('INT18', 'uasc'),
    check('INT21', `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field, '(Header: ' || h.sex_code || ')' AS detail, ${vals('x', 'SEX_CODE')} AS vals
      FROM s_uasc x JOIN s_header h ON h.child_id = x.child_id AND h.y = x.y WHERE x.sex_code <> h.sex_code`),
  ],
  OC2: [notInHeader('INT05', 'oc2'), dobDiffers('INT14', 'oc2')],
  AD1: [notInHeader('INT01', 'ad1'), dobDiffers('INT11', 'ad1')],
  PlacedAdoption: [
    notInHeader('INT02', 'placed_adoption'),
    dobDiffers('INT12', 'placed_adoption'),
    check('184', `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field, '(born ' || ${dfe(HDOB)} || ')' AS detail, ${vals('x', 'DATE_PLACED')} AS vals
      FROM s_placed_adoption x ${HEADER('x')} WHERE x.date_placed < ${HDOB}`),
  ],
  PrevPerm: [notInHeader('INT07', 'prev_perm'), dobDiffers('INT16', 'prev_perm')],
  SWEpisodes: [
    // Each episode after the first begins within 7 days of the previous one's end (taken in order of start, then end).
    check('SW10STG2', `SELECT s.f, s.r, s.y, s.child_id AS child, NULL AS field, '(previous ended ' || coalesce(${dfe('s.prev_dec')}, 'never') || ')' AS detail,
        ${vals('s', 'SW_DECOM', 'SW_REASON')} AS vals
      FROM (SELECT *, lag(sw_dec) OVER w AS prev_dec, row_number() OVER w AS n FROM s_sw_episodes WHERE sw_decom IS NOT NULL
            WINDOW w AS (PARTITION BY y, child_id ORDER BY sw_decom, sw_dec, r)) s
      WHERE s.n > 1 AND NOT coalesce(s.sw_decom BETWEEN s.prev_dec - 7 AND s.prev_dec + 7, false)
        AND (s.y < 2024 OR s.sw_reason IS DISTINCT FROM 'FCONTA')`),
  ],
  DoLo: [
    overlapsPrevious('705', 'dolo', 'dolo_start', 'dolo_end'),
  ],
};

const AREAS: readonly Partial<Record<Table903, readonly CrossCheck[]>>[] = [EPISODE_AREA_CHECKS, LEAVER_AREA_CHECKS, ADOPTION_AREA_CHECKS, PLACEMENT_AREA_CHECKS];

/** The checks of each table: the base set and each area module's. */
export const CHECKS_903: Record<Table903, readonly CrossCheck[]> = { ...BASE_CHECKS };
for (const t of Object.keys(BASE_CHECKS) as Table903[]) CHECKS_903[t] = [...BASE_CHECKS[t], ...AREAS.flatMap((a) => a[t] ?? [])];

/** Every rule code with a check here, for the register's tests. */
export function checkedCodes(): string[] {
  return Object.values(CHECKS_903).flatMap((checks) => checks.flatMap((c) => [...c.matchAll(/'([^']+)' AS rule/g)].map((m) => m[1]!)));
}
