// SSDA903 checks across rows, files and years about AD1, PlacedAdoption and PrevPerm, in SQL over the staging tables
// (building blocks in ./ssda903-sql.ts; codes and messages from the rule register).
// A check is listed under the table it needs besides the Episodes, so it runs only when that table's
// file is imported (the validator skips a rule when a table it needs is not sent); it reports the
// row to correct, which may be an episode. Rows are compared within one return (same y).
import type { Table903 } from '../../core/rules/ssda903-register.ts';
import { ENGLISH_LA_CODES, OUTSIDE_ENGLAND } from '../../core/la-codes.ts';
import type { CrossCheck } from '../spec.ts';
import { check, dfe, quote, together, vals, yearEnd, yearStart, yearsOf } from './ssda903-sql.ts';

const ADOPTED = `('E11', 'E12')`;
/** Placed for adoption (the validator's PLACED_FOR_ADOPTION). */
const PLACED_FOR_ADOPTION = `('A3', 'A4', 'A5', 'A6')`;
const AD1_ITEMS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const;
const anyAd1 = (a: string) => `(${AD1_ITEMS.map((c) => `${a}.${c.toLowerCase()} IS NOT NULL`).join(' OR ')})`;
const firstBlankAd1 = (a: string) => `CASE ${AD1_ITEMS.map((c) => `WHEN ${a}.${c.toLowerCase()} IS NULL THEN ${quote(c)}`).join(' ')} END`;
const anyOc3 = (o: string) => `(${o}.in_touch IS NOT NULL OR ${o}.activ IS NOT NULL OR ${o}.accom IS NOT NULL)`;
/** FOSTER_CARE as the return writes it (staged as a boolean). */
const fosterCare = (a: string) => `'FOSTER_CARE=' || coalesce(CASE WHEN ${a}.foster_care THEN '1' ELSE '0' END, '')`;

/** Whether x's return has rows of `table`, or no return does (its file was sent empty): the rule needs that file. */
const sent = (x: string, table: string) => `(${x}.y IN ${yearsOf(table)} OR NOT EXISTS (SELECT 1 FROM s_${table}))`;
/** Last year's rows of `table` are in the import (rules against last year's return). */
const lastSent = (x: string, table: string) => `${x}.y - 1 IN ${yearsOf(table)}`;
const sameChild = (a: string, b: string) => `${b}.child_id = ${a}.child_id AND ${b}.y = ${a}.y`;

/** Episodes of the children in `table` (a small table beside them: only their episodes are sorted or grouped). */
const episodesOf = (table: string) => `(SELECT * FROM s_episodes WHERE (y, child_id) IN (SELECT y, child_id FROM s_${table}))`;

/** Each child of `table`: its first (or, `last`, latest) episode in a return among those `where` says. */
const episodeOf = (table: string, where: string, last = false) => `(SELECT DISTINCT ON (y, child_id) * FROM ${episodesOf(table)} e
  WHERE decom IS NOT NULL AND ${where} ORDER BY y, child_id, decom${last ? ' DESC' : ''})`;

/**
 * Children looked after continuously through a return's year (the OC2 cohort), as the validator
 * works it out: in care at some time in the year, and no episode that starts a period of care in
 * the year (reason S), ends one in it (a reason other than X1) or is a short break (V3, V4).
 */
const lookedAfterAllYear = (table: string) => `(SELECT y, child_id FROM (
    SELECT y, child_id, coalesce(decom <= ${yearEnd('y')} AND (dec IS NULL OR dec >= ${yearStart('y')}), false) AS in_year,
      coalesce(rne = 'S' AND decom > ${yearStart('y')} AND decom <= ${yearEnd('y')}, false)
        OR coalesce(rec IS DISTINCT FROM 'X1' AND dec >= ${yearStart('y')} AND dec < ${yearEnd('y')}, false) AS starts_or_ends,
      coalesce(ls IN ('V3', 'V4'), false) AS short_break
    FROM ${episodesOf(table)} e) e
  GROUP BY y, child_id HAVING bool_or(in_year) AND NOT bool_or(starts_or_ends OR (short_break AND in_year)))`;

const AD1_CHECKS: CrossCheck[] = [
  check('134', `SELECT a.f, a.r, a.y, a.child_id AS child, NULL AS field, '(in OC3)' AS detail, ${vals('a', 'DATE_INT', 'DATE_MATCH')} AS vals
    FROM s_ad1 a WHERE ${anyAd1('a')} AND EXISTS (SELECT 1 FROM s_oc3 o WHERE ${sameChild('a', 'o')} AND ${anyOc3('o')})`),
  check('187', `SELECT a.f, a.r, a.y, a.child_id AS child, NULL AS field, '(AD1)' AS detail, ${vals('a', 'DATE_INT', 'DATE_MATCH')} AS vals
    FROM s_ad1 a JOIN ${lookedAfterAllYear('ad1')} c ON ${sameChild('a', 'c')} WHERE ${anyAd1('a')}`),
  check('334', `SELECT a.f, a.r, a.y, a.child_id AS child, NULL AS field, '(latest period of care began ' || ${dfe('s.decom')} || ')' AS detail,
      ${vals('a', 'DATE_INT')} AS vals
    FROM s_ad1 a JOIN ${episodeOf('ad1', `rne = 'S'`, true)} s ON ${sameChild('a', 's')} WHERE a.date_int < s.decom`),
  // Episodes of the child's adoption and placements for adoption, each AD1 row reported once.
  ...([
    ['331', 'DATE_MATCH', `e.rec IN ${ADOPTED} AND a.date_match > e.decom`, `'(the episode that ended in adoption began ' || ${dfe('e.decom')} || ')'`, vals('a', 'DATE_MATCH')],
    ['335', 'FOSTER_CARE', `e.rec IN ('E1', 'E11', 'E12') AND ((e.place IN ('A2', 'A3', 'A5') AND NOT a.foster_care) OR (e.place IN ('A1', 'A4', 'A6') AND a.foster_care))`,
      `'(adopted from placement ' || e.place || ')'`, `${fosterCare('a')} || '; PLACE=' || e.place`],
    ['521', 'DATE_INT', `e.place IN ${PLACED_FOR_ADOPTION} AND a.date_int > e.decom`, `'(placed for adoption ' || ${dfe('e.decom')} || ')'`, vals('a', 'DATE_INT')],
    ['601', null, `e.rec IN ${ADOPTED} AND e.dec BETWEEN ${yearStart('e.y')} AND ${yearEnd('e.y')} AND NOT (${AD1_ITEMS.map((c) => `a.${c.toLowerCase()} IS NOT NULL`).join(' AND ')})`,
      `'(adopted ' || ${dfe('e.dec')} || ')'`, vals('a', ...AD1_ITEMS)],
  ] as const).map(([code, field, where, detail, shown]) =>
    check(code, `SELECT DISTINCT ON (a.f, a.r) a.f, a.r, a.y, a.child_id AS child, ${field ? quote(field) : firstBlankAd1('a')} AS field, ${detail} AS detail, ${shown} AS vals
      FROM s_ad1 a JOIN s_episodes e ON ${sameChild('a', 'e')} WHERE ${where} ORDER BY a.f, a.r, e.decom`)),
  check('602', `SELECT a.f, a.r, a.y, a.child_id AS child, NULL AS field, NULL AS detail, ${vals('a', 'CHILD', 'DATE_INT')} AS vals
    FROM s_ad1 a WHERE ${anyAd1('a')} AND a.y IN ${yearsOf('episodes')}
      AND NOT EXISTS (SELECT 1 FROM s_episodes e WHERE ${sameChild('a', 'e')} AND e.rec IN ${ADOPTED} AND e.dec BETWEEN ${yearStart('a.y')} AND ${yearEnd('a.y')})`),
  check('582', `SELECT e.f, e.r, e.y, e.child_id AS child, NULL AS field, NULL AS detail, ${vals('e', 'DEC', 'REC')} AS vals
    FROM s_episodes e JOIN s_ad1 a ON ${sameChild('e', 'a')} WHERE e.rec IN ${ADOPTED} AND e.dec = a.date_match`),
];

const PLACED_ADOPTION_CHECKS: CrossCheck[] = [
  check('523', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field, '(AD1: ' || ${dfe('a.date_int')} || ')' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM s_placed_adoption p JOIN s_ad1 a ON ${sameChild('p', 'a')} WHERE p.date_placed <> a.date_int`),
  check('525', `SELECT DISTINCT ON (p.f, p.r) p.f, p.r, p.y, p.child_id AS child, NULL AS field, NULL AS detail, ${vals('p', 'DATE_PLACED_CEASED')} AS vals
    FROM s_placed_adoption p JOIN s_ad1 a ON ${sameChild('p', 'a')} WHERE p.date_placed_ceased IS NOT NULL AND ${anyAd1('a')} ORDER BY p.f, p.r`),
  // Decisions against the child's episodes: first period of care, latest end, first placement for adoption, first placement order.
  check('1003', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field, '(first looked after ' || ${dfe('s.decom')} || ')' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM s_placed_adoption p JOIN ${episodeOf('placed_adoption', `rne = 'S'`)} s ON ${sameChild('p', 's')} WHERE p.date_placed < s.decom`),
  check('117', `SELECT p.f, p.r, p.y, p.child_id AS child,
      CASE WHEN p.date_placed > ${yearEnd('p.y')} OR p.date_placed > l.dec THEN 'DATE_PLACED' ELSE 'DATE_PLACED_CEASED' END AS field,
      '(' || coalesce('ceased to be looked after ' || ${dfe('l.dec')}, 'still looked after') || ')' AS detail, ${vals('p', 'DATE_PLACED', 'DATE_PLACED_CEASED')} AS vals
    FROM s_placed_adoption p JOIN ${episodeOf('placed_adoption', `rec IS DISTINCT FROM 'X1'`, true)} l ON ${sameChild('p', 'l')}
    WHERE p.date_placed > ${yearEnd('p.y')} OR p.date_placed > l.dec OR p.date_placed_ceased > ${yearEnd('p.y')} OR p.date_placed_ceased > l.dec`),
  check('118', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field, '(first looked after ' || ${dfe('s.decom')} || ')' AS detail, ${vals('p', 'DATE_PLACED_CEASED')} AS vals
    FROM s_placed_adoption p JOIN ${episodeOf('placed_adoption', `coalesce(ls, '') NOT IN ('V3', 'V4')`)} s ON ${sameChild('p', 's')}
    WHERE p.date_placed_ceased < s.decom OR p.date_placed_ceased < ${yearStart('p.y')}`),
  check('552', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field, '(placed for adoption ' || ${dfe('s.decom')} || ')' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM (SELECT DISTINCT ON (y, child_id) * FROM s_placed_adoption WHERE date_placed IS NOT NULL ORDER BY y, child_id, date_placed DESC) p
      JOIN ${episodeOf('placed_adoption', `place IN ${PLACED_FOR_ADOPTION}`)} s ON ${sameChild('p', 's')} WHERE s.decom < p.date_placed`),
  check('554', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field, '(placement order ' || ${dfe('s.decom')} || ')' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM s_placed_adoption p JOIN ${episodeOf('placed_adoption', `ls = 'E1'`)} s ON ${sameChild('p', 's')} WHERE p.date_placed > s.decom`),
  // Episodes that need a decision to place for adoption, or its reversal: each child's decisions counted once, joined by hash.
  together(`WITH d AS MATERIALIZED (SELECT y, child_id, count(*) AS n, count(date_placed) AS dated, count(date_placed_ceased) AS reversed,
      bool_or(date_placed_ceased IS NULL OR reason_placed_ceased IS NULL) AS incomplete FROM s_placed_adoption GROUP BY y, child_id)`, [
  check('551', `SELECT e.f, e.r, e.y, e.child_id AS child, 'PLACE' AS field, NULL AS detail, ${vals('e', 'DECOM', 'PLACE')} AS vals
    FROM s_episodes e LEFT JOIN d ON ${sameChild('e', 'd')}
    WHERE e.place IN ${PLACED_FOR_ADOPTION} AND ${sent('e', 'placed_adoption')} AND (d.n IS NULL OR d.dated < d.n)`),
  check('553', `(SELECT e.f, e.r, e.y, e.child_id AS child, 'LS' AS field, '(no decision to place for adoption)' AS detail, ${vals('e', 'DECOM', 'LS')} AS vals
    FROM s_episodes e LEFT JOIN d ON ${sameChild('e', 'd')} WHERE e.ls = 'E1' AND ${sent('e', 'placed_adoption')} AND d.n IS NULL)
    UNION ALL
    (SELECT DISTINCT ON (p.f, p.r) p.f, p.r, p.y, p.child_id, 'DATE_PLACED_CEASED', '(the order is in force from ' || ${dfe('e.decom')} || ')',
      ${vals('p', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED')}
    FROM s_placed_adoption p JOIN s_episodes e ON ${sameChild('p', 'e')} AND e.ls = 'E1' AND e.dec IS NULL
    WHERE p.date_placed_ceased IS NOT NULL OR p.reason_placed_ceased IS NOT NULL ORDER BY p.f, p.r)`),
  // 2023-24 counts a freeing order (D1) with a placement order; from 2024-25 only E1.
  check('557', `SELECT e.f, e.r, e.y, e.child_id AS child, 'REC' AS field,
      CASE WHEN d.n IS NULL THEN '(no decision to place for adoption)' ELSE '(the reversal is not complete)' END AS detail, ${vals('e', 'PLACE', 'LS', 'REC')} AS vals
    FROM s_episodes e LEFT JOIN d ON ${sameChild('e', 'd')}
    WHERE (e.place IN ${PLACED_FOR_ADOPTION} OR e.ls = 'E1' OR (e.ls = 'D1' AND e.y < 2024)) AND e.rec NOT IN ('E11', 'E12', 'X1') AND ${sent('e', 'placed_adoption')}
      AND (d.n IS NULL OR d.incomplete)`),
  check('558', `SELECT e.f, e.r, e.y, e.child_id AS child, NULL AS field, '(' || d.n || ' decisions to place for adoption, all reversed)' AS detail, ${vals('e', 'REC')} AS vals
    FROM s_episodes e JOIN d ON ${sameChild('e', 'd')} WHERE e.rec IN ${ADOPTED} AND d.n > 1 AND d.reversed = d.n`),
  ]),
  // The child's decisions in order.
  check('579', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field,
      '(previous decision ' || ${dfe('p.prev_placed')} || ', reversed ' || coalesce(${dfe('p.prev_ceased')}, 'never') || ')' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM (SELECT *, lag(date_placed) OVER w AS prev_placed, lag(date_placed_ceased) OVER w AS prev_ceased, row_number() OVER w AS n
          FROM s_placed_adoption WINDOW w AS (PARTITION BY y, child_id ORDER BY date_placed NULLS LAST)) p
    WHERE p.n > 1 AND (p.prev_ceased IS NULL OR p.date_placed < p.prev_ceased)`),
  check('583', `SELECT p.f, p.r, p.y, p.child_id AS child, 'DATE_PLACED_CEASED' AS field, NULL AS detail, ${vals('p', 'DATE_PLACED', 'DATE_PLACED_CEASED')} AS vals
    FROM (SELECT *, row_number() OVER (PARTITION BY y, child_id ORDER BY date_placed DESC NULLS LAST) AS n FROM s_placed_adoption) p
    WHERE p.n > 1 AND p.date_placed_ceased IS NULL`),
  // Against last year's return.
  check('559', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field, NULL AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM s_placed_adoption p WHERE p.date_placed < ${yearStart('p.y')} AND ${lastSent('p', 'placed_adoption')}
      AND (NOT EXISTS (SELECT 1 FROM s_placed_adoption l WHERE l.child_id = p.child_id AND l.y = p.y - 1)
        OR EXISTS (SELECT 1 FROM s_placed_adoption l WHERE l.child_id = p.child_id AND l.y = p.y - 1 AND l.date_placed IS NULL))`),
  // A decision still in force last year must be in this year's return (the validator reports every other row of the child; this, only when it is missing).
  check('560', `SELECT DISTINCT ON (p.f, p.r) p.f, p.r, p.y, p.child_id AS child, NULL AS field, '(last year: ' || ${dfe('l.date_placed')} || ')' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM s_placed_adoption p JOIN s_placed_adoption l ON l.child_id = p.child_id AND l.y = p.y - 1
    WHERE l.date_placed IS NOT NULL AND l.date_placed_ceased IS NULL AND p.date_placed IS DISTINCT FROM l.date_placed
      AND NOT EXISTS (SELECT 1 FROM s_placed_adoption q WHERE q.child_id = p.child_id AND q.y = p.y AND q.date_placed = l.date_placed)
    ORDER BY p.f, p.r, l.date_placed`),
  check('561', `SELECT p.f, p.r, p.y, p.child_id AS child, NULL AS field, '(reversed ' || coalesce(${dfe('l.date_placed_ceased')}, 'with no date') || ')' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM s_placed_adoption p JOIN s_placed_adoption l ON l.child_id = p.child_id AND l.y = p.y - 1 AND l.date_placed = p.date_placed
    WHERE l.date_placed_ceased IS NOT NULL OR l.reason_placed_ceased IS NOT NULL`),
  check('584', `SELECT DISTINCT ON (p.f, p.r) p.f, p.r, p.y, p.child_id AS child, NULL AS field,
      '(last year: ' || coalesce(${dfe('l.date_placed')}, 'no date') || ', reversed)' AS detail, ${vals('p', 'DATE_PLACED')} AS vals
    FROM s_placed_adoption p JOIN s_placed_adoption l ON l.child_id = p.child_id AND l.y = p.y - 1
    WHERE (l.date_placed_ceased IS NOT NULL OR l.reason_placed_ceased IS NOT NULL) AND (p.date_placed IS NULL OR p.date_placed <= l.date_placed)
    ORDER BY p.f, p.r, l.date_placed DESC`),
];

const OUTSIDE = [...ENGLISH_LA_CODES, ...OUTSIDE_ENGLAND].map(quote).join(', ');

const PREV_PERM_CHECKS: CrossCheck[] = [
  check('630', `SELECT DISTINCT ON (e.f, e.r) e.f, e.r, e.y, e.child_id AS child, NULL AS field,
      CASE WHEN x.child_id IS NULL THEN '(no previous permanence row)' ELSE '(' || coalesce('PREV_PERM=' || x.prev_perm, 'PREV_PERM blank') || ')' END AS detail,
      ${vals('e', 'DECOM', 'RNE')} AS vals
    FROM s_episodes e LEFT JOIN s_prev_perm x ON ${sameChild('e', 'x')}
    WHERE e.rne = 'S' AND e.decom >= ${yearStart('e.y')} AND ${sent('e', 'prev_perm')}
      AND (x.child_id IS NULL OR x.prev_perm IS NULL OR (x.prev_perm <> 'Z1' AND (x.la_perm IS NULL OR x.date_perm IS NULL)))
    ORDER BY e.f, e.r`),
  check('632', `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field, '(first episode began ' || ${dfe('s.decom')} || ')' AS detail, ${vals('x', 'DATE_PERM')} AS vals
    FROM s_prev_perm x JOIN ${episodeOf('prev_perm', 'true')} s ON ${sameChild('x', 's')} WHERE x.date_perm_by >= s.decom`),
  // Any English authority, or one outside England; also the council's own code (csinsight council), should it be newer than the list.
  check('633', `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field, NULL AS detail, ${vals('x', 'LA_PERM')} AS vals
    FROM s_prev_perm x WHERE upper(x.la_perm) NOT IN (${OUTSIDE}) AND NOT EXISTS (SELECT 1 FROM council_identity c WHERE c.old_la_code = x.la_perm)`),
  check('634', `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field, '(latest episode began ' || ${dfe('m.last_decom')} || ')' AS detail, ${vals('x', 'PREV_PERM')} AS vals
    FROM s_prev_perm x JOIN (SELECT y, child_id, max(decom) AS last_decom FROM ${episodesOf('prev_perm')} e GROUP BY y, child_id) m ON ${sameChild('x', 'm')}
    WHERE m.last_decom < ${yearStart('x.y')} AND (x.prev_perm IS NOT NULL OR x.la_perm IS NOT NULL OR x.date_perm IS NOT NULL)`),
];

export const ADOPTION_AREA_CHECKS: Partial<Record<Table903, readonly CrossCheck[]>> = {
  AD1: AD1_CHECKS,
  PlacedAdoption: PLACED_ADOPTION_CHECKS,
  PrevPerm: PREV_PERM_CHECKS,
  OC3: [
    check('187', `SELECT o.f, o.r, o.y, o.child_id AS child, NULL AS field, '(OC3)' AS detail, ${vals('o', 'IN_TOUCH')} AS vals
      FROM s_oc3 o JOIN ${lookedAfterAllYear('oc3')} c ON ${sameChild('o', 'c')} WHERE ${anyOc3('o')}`),
  ],
};
