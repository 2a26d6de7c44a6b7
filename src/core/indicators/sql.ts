// SQL fragments shared by indicator row sources and the analytical queries, so a rule (who is a
// care leaver, what counts as NEET, how placements are grouped) is written once.
import { ADVICE_WEEKS, DECISION_WEEKS, EHCP_WEEKS } from '../ehcp.ts';
import { RHI_DAYS } from '../missing.ts';

export const EHCP_DAYS = EHCP_WEEKS * 7;
export const DECISION_DAYS = DECISION_WEEKS * 7;
export const ADVICE_DAYS = ADVICE_WEEKS * 7;
export { RHI_DAYS };

/** 903 ACTIV codes for not in education, employment or training. */
export const NEET_CODES = ['G4', 'G5', 'G6'] as const;
export const NEET_IN = `(${NEET_CODES.map((c) => `'${c}'`).join(', ')})`;

/** Care leavers counted in the NEET measures are aged 17 to 21, as in the 903 OC3. */
export const CARE_LEAVER_AGES = [17, 21] as const;

/** Whole years of age, as core/dates.ts ageOn (29 February birthdays fall on 1 March). */
export function ageSql(dob: string, on: string): string {
  return `extract(year FROM age((${on})::timestamp, (${dob})::timestamp))::int`;
}

export const AGE_BANDS = ['Under 1', '1-4', '5-9', '10-15', '16-17', '18-21', '22-25', '26 and over'] as const;

/** DfE looked-after age bands, extended to 25 for EHCPs and care leavers. */
export function ageBandSql(dob: string, on: string): string {
  const age = ageSql(dob, on);
  return `CASE WHEN ${age} < 1 THEN 'Under 1' WHEN ${age} < 5 THEN '1-4' WHEN ${age} < 10 THEN '5-9'
    WHEN ${age} < 16 THEN '10-15' WHEN ${age} < 18 THEN '16-17' WHEN ${age} < 22 THEN '18-21'
    WHEN ${age} < 26 THEN '22-25' ELSE '26 and over' END`;
}

export function careLeaverAgeSql(dob: string, on: string): string {
  // One age() per row: BETWEEN would work it out twice.
  const ages = Array.from({ length: CARE_LEAVER_AGES[1] - CARE_LEAVER_AGES[0] + 1 }, (_, i) => CARE_LEAVER_AGES[0] + i);
  return `${ageSql(dob, on)} = ANY ('{${ages.join(',')}}'::int[])`;
}

/** 903 SEX (1, 2) as words. */
export function childSexSql(sex: string): string {
  return `CASE ${sex} WHEN 1 THEN 'Male' WHEN 2 THEN 'Female' ELSE 'Not recorded' END`;
}

/** SEN2 Sex (M, F, U) as words. */
export function sen2SexSql(sex: string): string {
  return `CASE ${sex} WHEN 'M' THEN 'Male' WHEN 'F' THEN 'Female' ELSE 'Not recorded' END`;
}

export const PLACEMENT_GROUPS = [
  'Foster care',
  "Residential and children's homes",
  'Placed with parents',
  'Independent or semi-independent living',
  'Other',
] as const;
/** For episodes of children missing from home, who have no placement. */
export const NOT_LOOKED_AFTER = 'Not looked after (missing from home)';

/** 903 PLACE codes in plain-English groups (docs/dfe-reference.md 1.6, "useful groupings"). */
export function placementGroupSql(place: string): string {
  return `CASE WHEN ${place} IN ('U1','U2','U3','U4','U5','U6','Q1','Q2') THEN 'Foster care'
    WHEN ${place} IN ('K1','K2','R1','S1') THEN 'Residential and children''s homes'
    WHEN ${place} = 'P1' THEN 'Placed with parents'
    WHEN ${place} IN ('H5','K3','P2') THEN 'Independent or semi-independent living'
    ELSE 'Other' END`;
}

/**
 * The placement group of a missing episode `m`: the 903 PLACE of the episode of care open on
 * MIS_START (the latest one starting by then, so a same-day placement move picks the new one).
 */
export function missingPlacementSql(m: string): string {
  return `CASE WHEN NOT ${m}.looked_after THEN '${NOT_LOOKED_AFTER.replaceAll("'", "''")}' ELSE coalesce((
    SELECT ${placementGroupSql('e.place')} FROM la_episode e
     WHERE e.child_id = ${m}.child_id AND e.decom <= ${m}.mis_start AND (e.dec IS NULL OR e.dec >= ${m}.mis_start)
     ORDER BY e.decom DESC LIMIT 1), 'Other') END`;
}

export function lookedAfterSql(m: string): string {
  return `CASE WHEN ${m}.looked_after THEN 'Looked after (missing from care)' ELSE 'Missing from home' END`;
}

/**
 * NEET spells: runs of NEET activity (G4-G6) for one young person, where one activity period
 * starts the day after the previous NEET one ends (an illness spell turning into "other" NEET
 * is one spell). spell_end is null while the spell continues. end_date is the last day.
 */
export const NEET_SPELLS = `(SELECT child_id, min(start_date) AS spell_start,
    CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS spell_end
  FROM (SELECT child_id, start_date, end_date,
               sum(new_spell) OVER (PARTITION BY child_id ORDER BY start_date) AS spell_no
          FROM (SELECT child_id, start_date, end_date, activ,
                       CASE WHEN lag(activ) OVER w IN ${NEET_IN} AND lag(end_date) OVER w + 1 = start_date
                            THEN 0 ELSE 1 END AS new_spell
                  FROM leaver_activity
                WINDOW w AS (PARTITION BY child_id ORDER BY start_date)) marked
         WHERE activ IN ${NEET_IN}) numbered
  GROUP BY child_id, spell_no)`;

/**
 * The periods `p` whose ref_date falls on or after `from` and before `until` (exclusive; null when
 * open), for a row covering a span of dates: the row is expanded to exactly those periods by binary
 * search in the sorted ref_dates (period_refs), so PostgreSQL scans the range table once instead of
 * running a range join per period. A FROM-list item: `FROM la_episode e ${periodsWithin(...)}`.
 */
export function periodsWithin(from: string, until: string): string {
  // Each array is read once per query (an InitPlan), not carried along with every row.
  const [starts, ends, lastDays, refs] = ['starts', 'ends', 'last_days', 'ref_dates'].map((a) => `(SELECT ${a} FROM period_refs)`);
  return `CROSS JOIN LATERAL (SELECT ${starts}[i] AS period_start, ${ends}[i] AS period_end, ${lastDays}[i] AS last_day,
                                    ${refs}[i] AS ref_date
      FROM generate_series(width_bucket((${from}) - 1, ${refs}) + 1,
                           coalesce(width_bucket((${until}) - 1, ${refs}), cardinality(${refs}))) AS i) p`;
}
