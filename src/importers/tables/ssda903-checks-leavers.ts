// SSDA903 checks across rows, files and years about OC2, OC3, Missing, SWEpisodes and DoLo, in SQL over the staging tables
// (building blocks in ./ssda903-sql.ts; codes and messages from the rule register).
import type { Table903 } from '../../core/rules/ssda903-register.ts';
import type { CrossCheck } from '../spec.ts';
import { age, check, dfe, outOfEveryPeriod, periodsOfCare, periodOutside, quote, together, vals, yearEnd, yearStart, yearsOf, LAST_EPISODE } from './ssda903-sql.ts';

/** "FIELD=1; ..." of OC2's yes/no items (staged as booleans), as the return wrote them. */
const flags = (alias: string, ...fields: string[]) =>
  fields.map((f) => `${quote(`${f}=`)} || coalesce((${alias}.${f.toLowerCase()})::int::text, '')`).join(` || '; ' || `);

const OC2_ITEMS = ['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'];
const HEALTH_ITEMS = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'];
const anyGiven = (alias: string, fields: string[]) => `(${fields.map((f) => `${alias}.${f.toLowerCase()} IS NOT NULL`).join(' OR ')})`;
/** The first of `fields` that is blank, as the field to report. */
const firstBlank = (alias: string, fields: string[]) => `CASE ${fields.map((f) => `WHEN ${alias}.${f.toLowerCase()} IS NULL THEN '${f}'`).join(' ')} END`;
const OC3_GIVEN = anyGiven('o', ['IN_TOUCH', 'ACTIV', 'ACCOM']);

/** Returns whose Episodes are in the import (a rule about a child's episodes can say nothing without them). */
const withEpisodes = (y: string) => `${y} IN ${yearsOf('episodes')}`;

/**
 * Each child's being looked after continuously through a return's year, as the validator decides it
 * (CONTINUOUSLY_LOOKED_AFTER): an episode in the year, and none that starts care after 1 April (S),
 * ceases care before 31 March (not X1) or is under V3/V4 in the year. Only for returns with OC2 rows.
 */
const CLA = `cla AS MATERIALIZED (SELECT y, child_id,
    bool_or(coalesce(e.decom <= ${yearEnd('e.y')} AND (e.dec >= ${yearStart('e.y')} OR e.dec IS NULL), false))
    AND NOT bool_or(coalesce(e.rne = 'S' AND e.decom > ${yearStart('e.y')} AND e.decom <= ${yearEnd('e.y')}, false)
      OR coalesce(e.rec IS DISTINCT FROM 'X1' AND e.dec >= ${yearStart('e.y')} AND e.dec < ${yearEnd('e.y')}, false)
      OR coalesce(e.ls IN ('V3', 'V4') AND e.decom <= ${yearEnd('e.y')} AND (e.dec >= ${yearStart('e.y')} OR e.dec IS NULL), false)) AS cla
  FROM s_episodes e WHERE e.y IN ${yearsOf('oc2')} GROUP BY y, child_id)`;

/** OC2 rows of returns with Episodes, each with whether its child was looked after continuously (cla). */
const OC2_COHORT = `WITH ${CLA},
  o2 AS MATERIALIZED (SELECT o.*, coalesce(c.cla, false) AS cla FROM s_oc2 o LEFT JOIN cla c ON c.y = o.y AND c.child_id = o.child_id
    WHERE ${withEpisodes('o.y')})`;

const OC2 = (extra = '') => `SELECT o.f, o.r, o.y, o.child_id AS child${extra}`;
const sdqBlank = 'o.sdq_score IS NULL AND o.sdq_reason IS NULL';
const sdqVals = `${vals('o', 'DOB', 'SDQ_SCORE', 'SDQ_REASON')}`;

const OC2_CHECKS: CrossCheck[] = [
  together(OC2_COHORT, [
    check('185', `${OC2()}, NULL AS field, NULL AS detail, ${vals('o', 'SDQ_SCORE')} AS vals FROM o2 o WHERE o.sdq_score IS NOT NULL AND NOT o.cla`),
    check('198', `${OC2()}, NULL AS field, NULL AS detail, ${vals('o', 'SDQ_REASON')} AS vals FROM o2 o WHERE o.sdq_reason IS NOT NULL AND NOT o.cla`),
    check('190', `${OC2()}, CASE ${OC2_ITEMS.map((f) => `WHEN o.${f.toLowerCase()} IS NOT NULL THEN '${f}'`).join(' ')} END AS field, NULL AS detail,
        ${flags('o', ...OC2_ITEMS)} AS vals FROM o2 o WHERE NOT o.cla AND ${anyGiven('o', OC2_ITEMS)}`),
    check('191', `${OC2()}, ${firstBlank('o', HEALTH_ITEMS)} AS field, NULL AS detail, ${flags('o', ...HEALTH_ITEMS)} AS vals
      FROM o2 o WHERE o.cla AND NOT (${HEALTH_ITEMS.map((f) => `o.${f.toLowerCase()} IS NOT NULL`).join(' AND ')})`),
    check('186', `${OC2()}, NULL AS field, NULL AS detail, ${sdqVals} AS vals FROM o2 o
      WHERE o.cla AND ${sdqBlank} AND ${age('o.dob', 4)} <= ${yearStart('o.y')} AND ${age('o.dob', 17)} > ${yearEnd('o.y')}`),
    check('197B', `${OC2()}, NULL AS field, NULL AS detail, ${sdqVals} AS vals FROM o2 o
      WHERE o.cla AND ${sdqBlank} AND (${age('o.dob', 4)} BETWEEN ${yearStart('o.y')} AND ${yearEnd('o.y')}
        OR ${age('o.dob', 17)} BETWEEN ${yearStart('o.y')} AND ${yearEnd('o.y')})`),
    check('157', `${OC2()}, NULL AS field, NULL AS detail, ${sdqVals} AS vals FROM o2 o
      WHERE o.cla AND o.sdq_score IS NULL AND o.sdq_reason = 'SDQ1' AND ${age('o.dob', 4)} <= ${yearStart('o.y')} AND ${age('o.dob', 16)} >= ${yearEnd('o.y')}`),
    check('543', `${OC2()}, NULL AS field, NULL AS detail, ${vals('o', 'DOB')} || '; ' || ${flags('o', 'CONVICTED')} AS vals FROM o2 o
      WHERE o.cla AND o.convicted IS NULL AND ${yearEnd('o.y')} > ${age('o.dob', 10)}`),
    check('545', `${OC2()}, NULL AS field, NULL AS detail, ${vals('o', 'DOB')} || '; ' || ${flags('o', 'HEALTH_CHECK')} AS vals FROM o2 o
      WHERE o.cla AND o.health_check IS NULL AND ${yearEnd('o.y')} < ${age('o.dob', 5)}`),
    check('546', `${OC2()}, NULL AS field, NULL AS detail, ${vals('o', 'DOB')} || '; ' || ${flags('o', 'HEALTH_CHECK')} AS vals FROM o2 o
      WHERE o.cla AND o.health_check IS NOT NULL AND ${yearEnd('o.y')} >= ${age('o.dob', 5)}`),
  ]),
  // 215 on the OC2 side: the young person also has care leaver information.
  check('215', `${OC2()}, ${`CASE ${OC2_ITEMS.map((f) => `WHEN o.${f.toLowerCase()} IS NOT NULL THEN '${f}'`).join(' ')} END`} AS field, NULL AS detail,
      ${flags('o', ...OC2_ITEMS)} AS vals
    FROM s_oc2 o WHERE ${anyGiven('o', OC2_ITEMS)}
      AND EXISTS (SELECT 1 FROM s_oc3 l WHERE l.child_id = o.child_id AND l.y = o.y AND ${anyGiven('l', ['IN_TOUCH', 'ACTIV', 'ACCOM'])})`),
];

/** 191 on the Episodes side: a child looked after continuously has no OC2 row (reported on the first episode). */
const EPISODE_CHECKS: CrossCheck[] = [
  check('191', `WITH ${CLA}
    SELECT DISTINCT ON (e.y, e.child_id) e.f, e.r, e.y, e.child_id AS child, 'CHILD' AS field, '(no OC2 row)' AS detail, ${vals('e', 'CHILD')} AS vals
    FROM s_episodes e JOIN cla c ON c.y = e.y AND c.child_id = e.child_id
    WHERE c.cla AND e.y IN ${yearsOf('oc2')}
      AND NOT EXISTS (SELECT 1 FROM s_oc2 o WHERE o.child_id = e.child_id AND o.y = e.y)
    ORDER BY e.y, e.child_id, e.decom`),
  // 580: missing on the day of ceasing care at 18 (the missing period ended that day), yet not E8.
  check('580', `SELECT DISTINCT ON (e.f, e.r) e.f, e.r, e.y, e.child_id AS child, NULL AS field, '(missing until ' || ${dfe('m.mis_end')} || ')' AS detail,
      ${vals('e', 'DEC', 'REC')} AS vals
    FROM s_episodes e JOIN s_missing m ON m.child_id = e.child_id AND m.y = e.y
    WHERE e.dec IS NOT NULL AND m.mis_end = e.dec AND m.mis_end = ${age('m.dob', 18)} AND e.rec IS DISTINCT FROM 'E8'
    ORDER BY e.f, e.r`),
  // SW12STG2: an episode starting (S) or ceasing (not X1) care with no social worker episode beside it; pairs
  // with each of the child's social worker episodes, as the validator does. From 2024-25 only episodes ceasing
  // from a year before the collection year.
  check('SW12STG2', `SELECT DISTINCT ON (e.f, e.r) e.f, e.r, e.y, e.child_id AS child, NULL AS field,
      coalesce('(social worker episode began ' || ${dfe('s.sw_decom')} || ')', '(no social worker episode)') AS detail, ${vals('e', 'DECOM', 'RNE', 'DEC', 'REC')} AS vals
    FROM s_episodes e LEFT JOIN s_sw_episodes s ON s.child_id = e.child_id AND s.y = e.y
    WHERE e.y IN ${yearsOf('sw_episodes')} AND coalesce(e.ls, '') NOT IN ('V3', 'V4') AND (e.rne = 'S' OR e.rec IS DISTINCT FROM 'X1')
      AND (e.y < 2024 OR e.dec IS NULL OR e.dec BETWEEN ${yearStart('e.y - 1')} AND ${yearEnd('e.y')})
      AND NOT coalesce(s.sw_decom <= e.dec AND e.rec IS DISTINCT FROM 'X1', false)
      AND NOT coalesce(s.sw_decom >= e.decom AND e.rne = 'S', false)
    ORDER BY e.f, e.r, s.sw_decom`),
];

/**
 * Care leavers' episodes of this year and last year (1001): one per start date (the one with an end date
 * kept), the last one still open ending at the end of the collection year. begun_before: the earliest of
 * them continues care (RNE not S) from before last year, so part of the care since 14 is in an older return.
 */
const LEAVER_EPISODES = `eps AS MATERIALIZED (SELECT DISTINCT ON (o.y, o.child_id, e.decom) o.y, o.child_id, o.dob, e.decom, e.dec, e.rec, e.ls, e.rne
    FROM s_oc3 o JOIN s_episodes e ON e.child_id = o.child_id AND e.y IN (o.y, o.y - 1) AND e.decom IS NOT NULL
    ORDER BY o.y, o.child_id, e.decom, e.dec NULLS LAST),
  spans AS (SELECT *, decom = max(decom) OVER w AS last, decom = min(decom) OVER w AS first,
      CASE WHEN dec IS NULL AND decom = max(decom) OVER w THEN ${yearEnd('y')} ELSE dec END AS until
    FROM eps WINDOW w AS (PARTITION BY y, child_id)),
  care AS MATERIALIZED (SELECT y, child_id,
      coalesce(sum(greatest(until - greatest(decom, ${age('dob', 14)}), 0)) FILTER (WHERE coalesce(ls, '') NOT IN ('V3', 'V4')), 0) AS after14,
      coalesce(sum(greatest(until - greatest(decom, ${age('dob', 16)}), 0)) FILTER (WHERE coalesce(ls, '') NOT IN ('V3', 'V4')), 0) AS after16,
      bool_or(last AND rec IN ('E11', 'E12')) AS adopted,
      bool_or(first AND rne IS DISTINCT FROM 'S' AND decom < ${yearStart('y - 1')}) AS begun_before
    FROM spans GROUP BY y, child_id)`;

const OC3x = (extra = '') => `SELECT o.f, o.r, o.y, o.child_id AS child${extra}`;
const OC3_VALS = vals('o', 'IN_TOUCH', 'ACTIV', 'ACCOM');
const bothYears = (y: string) => `${withEpisodes(y)} AND ${withEpisodes(`${y} - 1`)}`;
/**
 * Whether this year's and last year's returns show all of a young person's care since 16 (they turned 16
 * on or after last year's start). A care leaver's care ends at 16 or later, but may end before last year:
 * with no episode in either return, 1001 and 1002 report only those (the validator, seeing only the two
 * years, reports every one and warns of false positives).
 */
const since16InView = (o: string) => `${age(`${o}.dob`, 16)} >= ${yearStart(`${o}.y - 1`)}`;

/** Care leavers with UASC information but no episode in the year (1014): o the OC3 row, u the UASC row. */
const UASC_LEAVERS = `FROM s_uasc u JOIN s_oc3 o ON o.child_id = u.child_id AND o.y = u.y
    WHERE ${OC3_GIVEN} AND EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = u.child_id AND e.y = u.y)
      AND NOT EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = u.child_id AND e.y = u.y
        AND e.decom <= ${yearEnd('e.y')} AND (e.dec >= ${yearStart('e.y')} OR e.dec IS NULL))`;

const OC3_CHECKS: CrossCheck[] = [
  // 1001: under 20 at the end of the year (the validator's own limit: older care leavers' episodes are before the
  // two years), and not 13 weeks looked after from 14 with a day after 16, or adopted at the end. The 13 weeks are
  // not asked of care continuing from before last year (begun_before): the validator, seeing only the two years,
  // reports those too, its false positives.
  check('1001', `WITH ${LEAVER_EPISODES}
    ${OC3x()}, NULL AS field, '(' || coalesce(c.after14, 0) || ' days looked after from 14, ' || coalesce(c.after16, 0) || ' from 16'
        || CASE WHEN c.adopted THEN ', adopted' ELSE '' END || ')' AS detail, ${OC3_VALS} AS vals
    FROM s_oc3 o LEFT JOIN care c ON c.y = o.y AND c.child_id = o.child_id
    WHERE ${bothYears('o.y')} AND ${age('o.dob', 20)} > ${yearEnd('o.y')}
      AND (c.adopted OR (coalesce(c.after14, 0) < 91 AND NOT coalesce(c.begun_before, false)) OR coalesce(c.after16, 0) < 1) AND (c.child_id IS NOT NULL OR ${since16InView('o')})`),
  check('1002', `${OC3x()}, NULL AS field, NULL AS detail, ${OC3_VALS} AS vals FROM s_oc3 o
    WHERE ${bothYears('o.y')} AND ${since16InView('o')}
      AND NOT EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = o.child_id AND e.y IN (o.y, o.y - 1))`),
  check('1010', `${OC3x()}, NULL AS field, '(last year''s episode began ' || ${dfe('l.decom')} || ')' AS detail, ${OC3_VALS} AS vals
    FROM s_oc3 o JOIN ${LAST_EPISODE} l
      ON l.child_id = o.child_id AND l.y = o.y - 1
    WHERE l.dec IS NULL AND ${withEpisodes('o.y')} AND NOT EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = o.child_id AND e.y = o.y)`),
  check('1014', `${OC3x()}, NULL AS field, NULL AS detail, ${OC3_VALS} AS vals ${UASC_LEAVERS}`),
  check('1016', `SELECT DISTINCT ON (o.f, o.r) o.f, o.r, o.y, o.child_id AS child, NULL AS field, '(ceased ' || ${dfe('e.dec')} || ')' AS detail,
      ${vals('o', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM')} AS vals
    FROM s_oc3 o JOIN s_episodes e ON e.child_id = o.child_id AND e.y = o.y
    WHERE ${OC3_GIVEN} AND (
      (${age('o.dob', 17)} <= ${yearEnd('o.y')} AND ${age('o.dob', 18)} > ${yearEnd('o.y')} AND e.dec >= ${age('o.dob', 17)})
      OR (${age('o.dob', 18)} <= ${yearEnd('o.y')} AND ${age('o.dob', 19)} > ${yearEnd('o.y')} AND e.dec >= ${age('o.dob', 18)}))
    ORDER BY o.f, o.r, e.dec`),
  // 215 on the OC3 side.
  check('215', `${OC3x()}, NULL AS field, NULL AS detail, ${OC3_VALS} AS vals FROM s_oc3 o
    WHERE ${OC3_GIVEN} AND EXISTS (SELECT 1 FROM s_oc2 x WHERE x.child_id = o.child_id AND x.y = o.y AND ${anyGiven('x', OC2_ITEMS)})`),
];

const HEADER_CHECKS: CrossCheck[] = [
  check('628', `SELECT h.f, h.r, h.y, h.child_id AS child, NULL AS field, NULL AS detail, ${vals('h', 'MOTHER')} AS vals
    FROM s_header h WHERE h.mother IS NOT NULL AND ${withEpisodes('h.y')}
      AND EXISTS (SELECT 1 FROM s_oc3 o WHERE o.child_id = h.child_id AND o.y = h.y AND ${OC3_GIVEN})
      AND NOT EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = h.child_id AND e.y = h.y)`),
];

/** The last five days of a return's year: an ending then needs a following social worker episode (SW11bSTG2). */
const lastDays = (d: string, y: string) => `${d} BETWEEN ${yearEnd(y)} - 5 AND ${yearEnd(y)}`;

const SW_CHECKS: CrossCheck[] = [
  together(`WITH sw AS MATERIALIZED (SELECT s.*, lag(sw_dec) OVER a AS prev_dec, lag(sw_decom) OVER a AS prev_decom, count(*) OVER (PARTITION BY y, child_id) AS n,
      row_number() OVER (PARTITION BY y, child_id ORDER BY sw_decom DESC NULLS FIRST) AS from_last,
      row_number() OVER (PARTITION BY y, child_id ORDER BY sw_decom DESC NULLS LAST) AS latest
    FROM s_sw_episodes s WINDOW a AS (PARTITION BY y, child_id ORDER BY sw_decom NULLS LAST))`, [
    check('SW08STG2', `SELECT s.f, s.r, s.y, s.child_id AS child, NULL AS field, NULL AS detail, ${vals('s', 'SW_DECOM', 'SW_DEC')} AS vals
      FROM sw s WHERE s.from_last > 1 AND s.sw_decom IS NOT NULL AND s.sw_dec IS NULL`),
    check('SW17STG2', `SELECT s.f, s.r, s.y, s.child_id AS child, NULL AS field, NULL AS detail, ${vals('s', 'SW_DECOM', 'SW_DEC')} AS vals
      FROM sw s WHERE s.latest = 1 AND s.sw_dec IS NOT NULL`),
    check('SW11bSTG2', `SELECT s.f, s.r, s.y, s.child_id AS child, NULL AS field, NULL AS detail, ${vals('s', 'SW_DECOM', 'SW_DEC')} AS vals
      FROM sw s WHERE (s.sw_decom IS NULL AND ${lastDays('s.prev_dec', 's.y')})
        OR (s.n = 1 AND ${lastDays('s.sw_dec', 's.y')})
        OR (s.sw_decom IS NOT NULL AND s.prev_decom < s.sw_dec AND ${lastDays('s.sw_dec', 's.y')})`),
  ]),
];

/** The episodes a deprivation of liberty order with both dates overlaps (709, 710). */
const doloPlacement = (code: string, placeIs: string) =>
  check(code, `SELECT DISTINCT ON (d.f, d.r) d.f, d.r, d.y, d.child_id AS child, NULL AS field,
      '(placement ' || coalesce(e.place, 'blank') || ' from ' || ${dfe('e.decom')} || ')' AS detail, ${vals('d', 'DOLO_START', 'DOLO_END')} AS vals
    FROM s_dolo d JOIN s_episodes e ON e.child_id = d.child_id AND e.y = d.y
    WHERE d.dolo_start IS NOT NULL AND d.dolo_end IS NOT NULL AND (d.dolo_start <= e.dec OR e.dec IS NULL) AND d.dolo_end >= e.decom
      AND ${placeIs}
    ORDER BY d.f, d.r, e.decom`);

const DOLO_CHECKS: CrossCheck[] = [
  // Reported on last year's open order: it has no counterpart in this year's return.
  check('706', `SELECT l.f, l.r, l.y + 1 AS y, l.child_id AS child, NULL AS field, NULL AS detail, ${vals('l', 'DOLO_START', 'DOLO_END')} AS vals
    FROM s_dolo l WHERE l.dolo_end IS NULL AND l.y + 1 IN ${yearsOf('dolo')}
      AND NOT EXISTS (SELECT 1 FROM s_dolo d WHERE d.child_id = l.child_id AND d.y = l.y + 1 AND d.dolo_start = l.dolo_start)`),
  check('707', `WITH ${periodsOfCare('s_dolo')}
    SELECT d.f, d.r, d.y, d.child_id AS child, NULL AS field, NULL AS detail, ${vals('d', 'DOLO_START', 'DOLO_END')} AS vals
    FROM s_dolo d WHERE d.dolo_start IS NOT NULL AND ${outOfEveryPeriod('d', periodOutside('d', 'dolo_start', 'dolo_end'))}`),
  doloPlacement('709', `coalesce(e.place, '') NOT IN ('K2', 'Z12', 'Z13')`),
  doloPlacement('710', `e.place IN ('K1', 'P1', 'R5', 'K3')`),
];

export const LEAVER_AREA_CHECKS: Partial<Record<Table903, readonly CrossCheck[]>> = {
  Header: HEADER_CHECKS,
  Episodes: EPISODE_CHECKS,
  OC2: OC2_CHECKS,
  OC3: OC3_CHECKS,
  UASC: [check('1014', `SELECT u.f, u.r, u.y, u.child_id AS child, 'DUC' AS field, NULL AS detail, ${vals('u', 'DUC')} AS vals ${UASC_LEAVERS}`)],
  SWEpisodes: SW_CHECKS,
  DoLo: DOLO_CHECKS,
};
