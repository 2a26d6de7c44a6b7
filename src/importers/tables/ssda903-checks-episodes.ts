// SSDA903 checks across rows, files and years about Header and Episodes (chains, legal status, placements, UASC status), in SQL over the staging tables
// (building blocks in ./ssda903-sql.ts; codes and messages from the rule register).
// As the open 903 validator does, a rule comparing with another file or last year's return runs
// only when that file is in the import (`staged`), and a child's UASC status in a year is derived
// from that year's UASC file (the validator's reading of a CSV return): UASC if the child is in it.
import type { Table903 } from '../../core/rules/ssda903-register.ts';
import type { CrossCheck } from '../spec.ts';
import { check, vals, dfe, yearStart, yearEnd, age, together, EP, LAST_EPISODE, onePass, staged, yearsOf } from './ssda903-sql.ts';

const H = (extra = '') => `SELECT h.f, h.r, h.y, h.child_id AS child${extra}`;
const born = `'(born ' || ${dfe('e.hdob')} || ')' AS detail`;

/**
 * Episodes against the child's date of birth and UPN in the Header; asof, the day each return runs
 * to: the end of its collection year, or the latest date in it when earlier (a return taken in the
 * year, as the generator's latest is, is checked as it stands).
 */
const AGAINST_HEADER = onePass('s_eh', 'eh', [
  check('210', `${EP()}, NULL AS field, '(UPN UN4)' AS detail, ${vals('e', 'DECOM')} AS vals
    FROM eh e WHERE e.hupn = 'UN4' AND e.decom >= make_date(e.y + 1, 3, 24)`),
  check('352', `${EP()}, NULL AS field, ${born}, ${vals('e', 'RNE', 'DECOM')} AS vals FROM eh e WHERE e.rne = 'S' AND e.decom >= ${age('e.hdob', 18)}`),
  check('358', `${EP()}, NULL AS field, ${born}, ${vals('e', 'LS', 'DECOM')} AS vals
    FROM eh e WHERE e.ls IN ('J1', 'J2', 'J3') AND e.decom <= ${age('e.hdob', 10)}`),
  check('359', `${EP()}, NULL AS field, ${born}, ${vals('e', 'LS', 'PLACE', 'DEC')} AS vals
    FROM eh e WHERE e.dec IS NULL AND ${age('e.hdob', 18)} < (SELECT a.day FROM asof a WHERE a.y = e.y) AND NOT coalesce(e.ls = 'V2' AND e.place = 'K2', false)`),
  check('407', `${EP()}, NULL AS field, ${born}, ${vals('e', 'REC', 'DEC')} AS vals
    FROM eh e WHERE e.rec IN ('E45', 'E46', 'E47', 'E48') AND e.dec > ${age('e.hdob', 18)}`),
  check('460', `${EP()}, NULL AS field, ${born}, ${vals('e', 'REC', 'DEC')} AS vals FROM eh e WHERE e.rec = 'E17' AND e.dec < ${age('e.hdob', 18)}`),
], `asof AS MATERIALIZED (SELECT y, least(${yearEnd('y')}, greatest(max(decom), max(dec))) AS day FROM s_episodes GROUP BY y)`);

/**
 * The longest a legal status may last, in days, counting episodes of that status that follow on
 * (each beginning by the day the last ceased; an open one runs to the end of the year): police
 * protection 72 hours (Children Act 1989 s46), an emergency protection order 8 days extendable by 7
 * (the DfE allows 21), a child assessment order 7 days (s43), PACE detention (the DfE allows 21).
 */
const LEGAL_STATUS_MAX_DAYS = [['361', 'L1', 3], ['362', 'L2', 21], ['363', 'L3', 7], ['364', 'J2', 21]] as const;

const SPELLS = `WITH spells AS MATERIALIZED (
  SELECT s.*, min(s.decom) OVER g AS spell_start, max(s.ends) OVER g AS spell_end
  FROM (SELECT x.*, sum(x.starts) OVER (PARTITION BY x.y, x.child_id, x.ls ORDER BY x.decom ROWS UNBOUNDED PRECEDING) AS spell
        FROM (SELECT e.*, coalesce(e.dec, ${yearEnd('e.y')}) AS ends,
                CASE WHEN e.decom <= lag(coalesce(e.dec, ${yearEnd('e.y')})) OVER (PARTITION BY e.y, e.child_id, e.ls ORDER BY e.decom) THEN 0 ELSE 1 END AS starts
              FROM s_episodes e WHERE e.ls IN (${LEGAL_STATUS_MAX_DAYS.map(([, ls]) => `'${ls}'`).join(', ')}) AND e.decom IS NOT NULL) x) s
  WINDOW g AS (PARTITION BY s.y, s.child_id, s.ls, s.spell))`;

/** The most days of short breaks (V3) a child may have in a collection year (rule 367). */
const SHORT_BREAK_DAYS_A_YEAR = 75;

/** Tables that only a child with episodes in the return may have rows in (rule 1012). */
const NEED_EPISODES = ['missing', 'reviews', 'oc2', 'ad1', 'placed_adoption', 'prev_perm'];

const hasEpisode = (x: string) => `EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = ${x}.child_id AND e.y = ${x}.y)`;

const EPISODE_CHECKS: CrossCheck[] = [
  AGAINST_HEADER,
  together(SPELLS, LEGAL_STATUS_MAX_DAYS.map(([code, ls, days]) =>
    check(code, `${EP()}, NULL AS field, '(' || ${dfe('e.spell_start')} || ' to ' || ${dfe('e.spell_end')} || ')' AS detail, ${vals('e', 'LS', 'DECOM', 'DEC')} AS vals
      FROM spells e WHERE e.ls = '${ls}' AND e.spell_end - e.spell_start > ${days}`))),
  // Short breaks: days in the collection year only, each break ceasing after it began.
  check('367', `${EP()}, NULL AS field, '(' || e.total || ' days)' AS detail, ${vals('e', 'LS', 'DECOM', 'DEC')} AS vals
    FROM (SELECT v.*, sum(v.days) OVER (PARTITION BY v.y, v.child_id) AS total
          FROM (SELECT e.*, least(coalesce(e.dec, ${yearEnd('e.y')}), ${yearEnd('e.y')}) - greatest(e.decom, ${yearStart('e.y')}) AS days
                FROM s_episodes e WHERE e.ls = 'V3' AND e.decom IS NOT NULL) v
          WHERE v.days > 0) e
    WHERE e.total > ${SHORT_BREAK_DAYS_A_YEAR}`),
  check('426', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'LS')} AS vals
    FROM (SELECT e.*, bool_or(e.ls = 'V3') OVER w AS v3, bool_or(e.ls = 'V4') OVER w AS v4
          FROM s_episodes e WHERE e.ls IN ('V3', 'V4') WINDOW w AS (PARTITION BY e.y, e.child_id)) e
    WHERE e.v3 AND e.v4`),
  // Reported on the other tables' rows, when this return's episodes are in the import (ey: the years they are for).
  together(`WITH ey AS MATERIALIZED ${yearsOf('episodes')}`, [
    check('1012', NEED_EPISODES.map((t) => `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field, NULL AS detail, ${vals('x', 'CHILD')} AS vals
      FROM s_${t} x WHERE x.y IN (SELECT y FROM ey) AND NOT ${hasEpisode('x')}`).join('\nUNION ALL\n')),
  ]),
  // Any episode after the first that ceased with an adoption, in this return or last year's.
  check('199', `${EP()}, NULL AS field, '(adopted: episode begun ' || ${dfe('a.first')} || ')' AS detail, ${vals('e', 'DECOM')} AS vals
    FROM s_episodes e
    JOIN (SELECT a.y + k.k AS y, a.child_id, min(a.decom) AS first
          FROM s_episodes a CROSS JOIN (VALUES (0), (1)) k(k) WHERE a.rec IN ('E11', 'E12') AND a.decom IS NOT NULL GROUP BY 1, 2) a
      ON a.child_id = e.child_id AND a.y = e.y
    WHERE e.decom > a.first`),
];

/**
 * Each child's first episode (f) against last year's latest (le), when last year's return is in the
 * import: run with 502 and 503A-F in ./ssda903-checks.ts, on the same tables (OPEN_LAST_YEAR_TABLES).
 */
export const AGAINST_LAST_YEAR: CrossCheck[] = [
  check('562', `${EP()}, NULL AS field, coalesce('(last year''s latest began ' || ${dfe('l.decom')} || ')', '(no episodes last year)') AS detail, ${vals('e', 'DECOM')} AS vals
    FROM f e LEFT JOIN le l ON l.child_id = e.child_id AND l.y = e.y - 1
    WHERE e.decom < ${yearStart('e.y')} AND ${staged('episodes', 'e.y - 1')} AND l.decom IS DISTINCT FROM e.decom`),
  check('NoE', `${EP()}, NULL AS field, NULL AS detail, ${vals('e', 'DECOM')} AS vals
    FROM s_episodes e WHERE e.decom < ${yearStart('e.y')} AND ${staged('episodes', 'e.y - 1')}
      AND NOT EXISTS (SELECT 1 FROM le l WHERE l.child_id = e.child_id AND l.y = e.y - 1)`),
];

const HEADER_CHECKS: CrossCheck[] = [
  check('442', `${H()}, NULL AS field, NULL AS detail, ${vals('h', 'UPN')} AS vals
    FROM s_header h WHERE h.upn IS NULL
      AND EXISTS (SELECT 1 FROM s_episodes e WHERE e.child_id = h.child_id AND e.y = h.y AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4')`),
  // Against the last episode, when it has ceased (the validator takes the latest end date, which
  // for a girl still looked after is an earlier episode's). The few mothers are picked out first,
  // so the chain is read once rather than probed for every child.
  check('625', `${H()}, NULL AS field, coalesce('(ceased ' || ${dfe('e.dec')} || ')', '') AS detail, ${vals('h', 'MC_DOB')} AS vals
    FROM (WITH hm AS MATERIALIZED (SELECT * FROM s_header WHERE mc_dob IS NOT NULL) SELECT * FROM hm) h JOIN ${LAST_EPISODE} e ON e.child_id = h.child_id AND e.y = h.y
    WHERE h.mc_dob > ${yearEnd('h.y')} OR h.mc_dob > e.dec`),
  check('EPI', `${H()}, NULL AS field, NULL AS detail, ${vals('h', 'CHILD')} AS vals
    FROM s_header h WHERE ${staged('episodes', 'h.y')} AND NOT ${hasEpisode('h')}
      AND NOT EXISTS (SELECT 1 FROM s_oc3 o WHERE o.child_id = h.child_id AND o.y = h.y)`),
  check('207', `${H()}, NULL AS field, '(last year: 1)' AS detail, ${vals('h', 'MOTHER')} AS vals
    FROM s_header h JOIN s_header l ON l.child_id = h.child_id AND l.y = h.y - 1
    WHERE l.mother = 1 AND h.mother IS DISTINCT FROM 1 AND ${hasEpisode('h')}`),
  check('626', `${H()}, NULL AS field, '(last year: 0)' AS detail, ${vals('h', 'MOTHER', 'MC_DOB')} AS vals
    FROM s_header h JOIN s_header l ON l.child_id = h.child_id AND l.y = h.y - 1
    WHERE h.mother = 1 AND l.mother = 0 AND h.mc_dob < ${yearStart('h.y')}`),
];

/** Whether child `x.child_id` is in the Header of year `y`, or that year's Header is not in the import (the validator then reads the UASC file alone). */
const inHeaderOf = (x: string, y: string) => `(NOT ${staged('header', y)} OR EXISTS (SELECT 1 FROM s_header h WHERE h.child_id = ${x}.child_id AND h.y = ${y}))`;

/**
 * This year's UASC rows with last year's (l), when last year's UASC file is in the import: status
 * and status_last are 1 where the child has UASC status (in the UASC file and the Header), else null.
 */
const UASC_TWO_YEARS = `WITH ux AS MATERIALIZED (
  SELECT u.*, l.duc AS duc_last, l.dob AS dob_last,
    CASE WHEN ${inHeaderOf('u', 'u.y')} THEN 1 END AS status,
    CASE WHEN l.child_id IS NOT NULL AND ${inHeaderOf('u', 'u.y - 1')} THEN 1 END AS status_last,
    EXISTS (SELECT 1 FROM s_header h WHERE h.child_id = u.child_id AND h.y = u.y - 1) AS in_header_last
  FROM s_uasc u LEFT JOIN s_uasc l ON l.child_id = u.child_id AND l.y = u.y - 1
  WHERE ${staged('uasc', 'u.y - 1')})`;

const U = `SELECT u.f, u.r, u.y, u.child_id AS child, NULL AS field`;
const lastDuc = `'(last year: ' || coalesce(${dfe('u.duc_last')}, 'blank') || ')' AS detail`;

const UASC_CHECKS: CrossCheck[] = [
  check('231', `${H()}, NULL AS field, NULL AS detail, ${vals('h', 'DOB')} AS vals
    FROM s_header h WHERE h.dob > (${yearEnd('h.y')} - interval '11 years')::date
      AND EXISTS (SELECT 1 FROM s_uasc u WHERE u.child_id = h.child_id AND u.y = h.y)`),
  together(UASC_TWO_YEARS, [
    check('205A', `${U}, ${lastDuc}, ${vals('u', 'DUC')} AS vals FROM ux u
      WHERE u.status IS NULL AND u.status_last = 1
        AND (u.duc IS NOT NULL OR NOT coalesce(u.duc_last BETWEEN ${yearStart('u.y - 1')} AND ${yearEnd('u.y - 1')}, false))`),
    check('205B', `${U}, '(last year: ' || coalesce(${dfe('u.duc_last')}, 'blank') || ', 18th birthday ' || ${dfe(age('u.dob_last', 18))} || ')' AS detail, ${vals('u', 'DUC')} AS vals
      FROM ux u WHERE u.status = 1 AND u.status_last = 1
        AND ((NOT coalesce(u.duc BETWEEN ${yearStart('u.y')} AND ${yearEnd('u.y')}, false) AND NOT coalesce(u.duc = u.duc_last, false))
          OR NOT coalesce(u.duc_last = ${age('u.dob_last', 18)}, false))`),
    check('205C', `${U}, ${lastDuc}, ${vals('u', 'DUC')} AS vals FROM ux u
      WHERE u.status IS NULL AND u.status_last IS NULL AND (u.duc IS NOT NULL OR u.duc_last IS NOT NULL)`),
    check('205D', `${U}, NULL AS detail, ${vals('u', 'CHILD')} AS vals FROM ux u WHERE u.status = 1 AND u.status_last IS NULL AND u.in_header_last`),
  ]),
];

export const EPISODE_AREA_CHECKS: Partial<Record<Table903, readonly CrossCheck[]>> = {
  Header: HEADER_CHECKS,
  Episodes: EPISODE_CHECKS,
  UASC: UASC_CHECKS,
};
