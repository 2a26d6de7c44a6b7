// SSDA903 checks across rows, files and years about placements (type, provider, reason for change, URN), in SQL over the staging tables
// (building blocks in ./ssda903-sql.ts; codes and messages from the rule register).
// The rules along each child's chain of episodes share one pass with those of ./ssda903-checks.ts
// (s_chain, built once per import: each return's episodes with their neighbours and the Header's date of birth).
import type { Table903 } from '../../core/rules/ssda903-register.ts';
import type { CrossCheck } from '../spec.ts';
import { check, vals, dfe, yearStart, age, EP } from './ssda903-sql.ts';

const TEMPORARY = `('T0', 'T1', 'T2', 'T3', 'T4')`;
const SHORT_BREAKS = `('V3', 'V4')`;

/** Youngest age for a placement type, on the day the episode began (372 to 374). */
const YOUNGEST: readonly (readonly [code: string, place: string, years: number])[] = [
  ['372', 'R5', 10], // youth custody or prison
  ['373', 'S1', 4], // school
  ['374', 'P3', 14], // residential employment
];

/** Children whose every episode in a return is on short breaks (V3, V4). */
const SHORT_BREAKS_ONLY = `(SELECT y, child_id FROM s_episodes GROUP BY y, child_id HAVING bool_and(ls IN ${SHORT_BREAKS}))`;

/** Rules along each child's chain of episodes (s_chain), run with those of ./ssda903-checks.ts in one pass over it (onePass). */
export const PLACEMENT_CHAIN_CHECKS: CrossCheck[] = [
  // The placement changed at the end of this episode: it needs the reason (on the episode that ends).
  check('225', `${EP()}, NULL AS field, '(next episode: ' || e.next_rne || ', ' || e.next_place || ')' AS detail, ${vals('e', 'REC', 'REASON_PLACE_CHANGE')} AS vals
    FROM chain e WHERE e.rec = 'X1' AND e.reason_place_change IS NULL AND e.place NOT IN ${TEMPORARY}
      AND e.next_rne IN ('P', 'B', 'T', 'U') AND e.next_place NOT IN ${TEMPORARY}`),
  check('336', `${EP()}, NULL AS field, '(previous placement ' || coalesce(e.prev_place, 'blank') || ')' AS detail, ${vals('e', 'PLACE')} AS vals
    FROM chain e WHERE e.n > 1 AND e.place IN ('A3', 'A4')
      AND (e.prev_place IS NULL OR e.prev_place NOT IN ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'))`),
  // The episode after a temporary one returns to the placement before it (from 2025-26 at the same postcode).
  check('383', `${EP()}, NULL AS field, '(before the temporary placement: ' || e.prev2_place || coalesce(', ' || e.prev2_post, '') || ')' AS detail,
      ${vals('e', 'RNE', 'PLACE', 'PL_POST')} AS vals
    FROM chain e WHERE e.n > 2 AND e.prev_place IN ${TEMPORARY}
      AND (e.rne <> 'P' OR e.place <> e.prev2_place OR (e.y >= 2025 AND e.pl_post IS DISTINCT FROM e.prev2_post))`),
  check('504', `${EP()}, NULL AS field, '(previous episode: ' || e.prev_cin || ')' AS detail, ${vals('e', 'CIN')} AS vals
    FROM chain e WHERE e.prev_rec = 'X1' AND e.prev_dec = e.decom AND e.cin <> e.prev_cin`),
  // Ceased episodes only, as the validator (its test of 374 passes an open one).
  ...YOUNGEST.map(([code, place, years]) =>
    check(code, `${EP()}, 'DECOM' AS field, '(born ' || ${dfe('e.hdob')} || ')' AS detail, ${vals('e', 'DECOM', 'PLACE')} AS vals
      FROM chain e WHERE e.place = '${place}' AND e.dec IS NOT NULL AND e.decom < ${age('e.hdob', years)}`)),
  check('234', `${EP()}, NULL AS field, '(born ' || ${dfe('e.hdob')} || ')' AS detail, ${vals('e', 'DECOM', 'REASON_PLACE_CHANGE')} AS vals
    FROM chain e WHERE e.reason_place_change = 'CUSTOD' AND e.decom < ${age('e.hdob', 10)}`),
];

const EPISODE_CHECKS: CrossCheck[] = [
  // More than two holidays (T3) in a return: counted over the T3 episodes of the chain only.
  check('377', `${EP()}, NULL AS field, '(' || e.holidays || ' in the year)' AS detail, ${vals('e', 'DECOM', 'PLACE')} AS vals
    FROM (SELECT c.*, count(*) OVER (PARTITION BY c.y, c.child_id) AS holidays FROM s_chain c WHERE c.place = 'T3') e WHERE e.holidays > 2`),
  // Children who are or were unaccompanied asylum seekers (in this or last year's UASC, in the import
  // or stored by an earlier one) need no postcodes.
  check('392b', `${EP()}, CASE WHEN e.home_post IS NULL THEN 'HOME_POST' ELSE 'PL_POST' END AS field, NULL AS detail,
      ${vals('e', 'LS', 'HOME_POST', 'PL_POST')} AS vals
    FROM s_episodes e WHERE (e.home_post IS NULL OR e.pl_post IS NULL) AND e.ls NOT IN ${SHORT_BREAKS}
      AND NOT EXISTS (SELECT 1 FROM s_uasc u WHERE u.child_id = e.child_id AND u.y IN (e.y, e.y - 1))
      AND NOT EXISTS (SELECT 1 FROM uasc u WHERE u.child_id = e.child_id AND u.fy IN (e.y, e.y - 1))`),
  // 503F (URN against last year's open episode) is with 503A-E in ./ssda903-checks.ts, sharing their pass.
];

export const PLACEMENT_AREA_CHECKS: Partial<Record<Table903, readonly CrossCheck[]>> = {
  Episodes: EPISODE_CHECKS,
  // A child looked after only on short breaks has no MOTHER item and no reviews in the return.
  Header: [
    check('399', `SELECT h.f, h.r, h.y, h.child_id AS child, 'MOTHER' AS field, NULL AS detail, ${vals('h', 'MOTHER')} AS vals
      FROM s_header h JOIN ${SHORT_BREAKS_ONLY} s ON s.child_id = h.child_id AND s.y = h.y WHERE h.mother IS NOT NULL`),
  ],
  Reviews: [
    check('399', `SELECT v.f, v.r, v.y, v.child_id AS child, 'REVIEW' AS field, NULL AS detail, ${vals('v', 'REVIEW', 'REVIEW_CODE')} AS vals
      FROM s_reviews v JOIN ${SHORT_BREAKS_ONLY} s ON s.child_id = v.child_id AND s.y = v.y`),
  ],
  OC3: [
    check('347', `SELECT o.f, o.r, o.y, o.child_id AS child, NULL AS field, '(turns 18 on ' || ${dfe(age('o.dob', 18))} || ')' AS detail, ${vals('o', 'DOB', 'ACCOM')} AS vals
      FROM s_oc3 o WHERE o.accom LIKE 'T_' AND ${age('o.dob', 18)} > ${yearStart('o.y')}`),
  ],
};
