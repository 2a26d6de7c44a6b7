// Child protection: children in need, section 47 enquiries, initial child protection conferences
// and child protection plans, with the DfE's definitions (Characteristics of children in need,
// tables A1, C1, D1-D5; Working Together to Safeguard Children for the timescales).
import { FIRST_REVIEW_MONTHS, ICPC_WORKING_DAYS, LATER_REVIEW_MONTHS, LONG_PLAN_YEARS } from '../childProtection.ts';
import { PERIOD_TYPES } from '../periods.ts';
import { per10kSource, POPULATION } from './frontDoor.ts';
import { periodsWithin } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

const COMMON = { area: 'child_protection', periodTypes: PERIOD_TYPES, suppress: true, dimensions: [] } as const;
/** A rate per 10,000 children: context for the caseload, compared with England, with no target. */
const CONTEXTUAL_RATE = { unit: 'ratio', polarity: 'neutral', target: null, tolerance: 0, benchmarkable: true, aggregate: 'ratio' } as const;
const PLAN_KEY = `c.la_child_id || '|' || c.start_date`;

/** Events of table `t` (alias x) dated by `col` within each period up to its reference date, per 10,000 children a year. */
const startedPer10k = (table: string, col: string, key: string) =>
  per10kSource(
    `SELECT p.period_start, ${key} AS unit_id FROM periods p JOIN ${table} c ON c.${col} >= p.period_start AND c.${col} <= p.ref_date`,
    `SELECT 1 FROM ${table} c WHERE c.${col} >= p.period_start AND c.${col} <= p.ref_date`,
  );

export const CHILD_PROTECTION_INDICATORS: IndicatorDefinition[] = [
  {
    ...COMMON,
    id: 'children_in_need_per_10k',
    title: 'Children in need per 10,000 children',
    description:
      'Children in need at the end of the period (a CIN census episode open on that day: referred, not closed, and not ' +
      'a referral with no further action) for every 10,000 children aged 0 to 17 in the area, as the DfE counts them ' +
      'at 31 March (England about 330 in 2023-24). It is the size of the social work caseload against the population. ' +
      'Contextual: no target.',
    ...CONTEXTUAL_RATE,
    source: {
      kind: 'snapshot',
      sql: `SELECT p.period_start, r.la_child_id AS unit_id, 10000 AS num, 0 AS den, NULL::float AS val
        FROM cin_referral r ${periodsWithin('r.referral_date', 'r.closure_date')}
       WHERE NOT r.referral_nfa
      UNION ALL
      SELECT p.period_start, 'population', 0, ${POPULATION}, NULL::float FROM periods p
       WHERE EXISTS (SELECT 1 FROM cin_referral r WHERE r.referral_date <= p.ref_date AND (r.closure_date IS NULL OR r.closure_date > p.ref_date))`,
      since: 'SELECT min(referral_date) FROM cin_referral',
    },
  },
  {
    ...COMMON,
    id: 's47_per_10k',
    title: 'Section 47 enquiries per 10,000 children',
    description:
      'Section 47 enquiries started in the period (S47ActualStartDate: the strategy discussion decided the child may be ' +
      'suffering significant harm) for every 10,000 children in the area, scaled up to a full year so months and quarters ' +
      'compare with the DfE’s annual figure (England about 190 in 2023-24). Contextual: no target.',
    ...CONTEXTUAL_RATE,
    source: { kind: 'snapshot', sql: startedPer10k('cin_section47', 'start_date', PLAN_KEY) },
  },
  {
    ...COMMON,
    id: 'icpc_15_days',
    title: `Initial child protection conferences within ${ICPC_WORKING_DAYS} working days`,
    description:
      `Of initial child protection conferences held in the period after a section 47 enquiry, the percentage held within ` +
      `${ICPC_WORKING_DAYS} working days of the strategy discussion that started it (the DfE measure; Working Together). ` +
      'Weekends and bank holidays are not working days. A late conference leaves a child at risk without an agreed plan. ' +
      'England was 78% in 2023-24; the local target is 85% with an amber band of 5 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 85,
    tolerance: 5,
    benchmarkable: true,
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: `SELECT c.icpc_date AS at, ${PLAN_KEY} AS unit_id, (c.icpc_date <= c.icpc_due)::int AS num, 1 AS den, NULL::float AS val
        FROM cin_section47 c WHERE c.icpc_date IS NOT NULL`,
    },
  },
  {
    ...COMMON,
    id: 'cp_plans_per_10k',
    title: 'Child protection plans starting per 10,000 children',
    description:
      'Children who became the subject of a child protection plan in the period (CPPstartDate) for every 10,000 children ' +
      'in the area, scaled up to a full year (England about 42 in 2023-24). Contextual: no target.',
    ...CONTEXTUAL_RATE,
    source: { kind: 'snapshot', sql: startedPer10k('cin_cp_plan', 'start_date', PLAN_KEY) },
  },
  {
    ...COMMON,
    id: 'cp_second_plan',
    title: 'Child protection plans for a second or subsequent time',
    description:
      'Of child protection plans starting in the period, the percentage for a child who had been on a plan before, at any ' +
      'time (NumberOfPreviousCPP above 0; the DfE measure). Many can mean plans end before the risk has gone. England was ' +
      'about 24% in 2023-24; the local target is 20% with an amber band of 3 points.',
    unit: 'percent',
    polarity: 'lower',
    target: 20,
    tolerance: 3,
    benchmarkable: true,
    aggregate: 'rate',
    source: { kind: 'event', sql: `SELECT c.start_date AS at, ${PLAN_KEY} AS unit_id, (c.previous_plans > 0)::int AS num, 1 AS den, NULL::float AS val FROM cin_cp_plan c` },
  },
  {
    ...COMMON,
    id: 'cp_two_years',
    title: `Child protection plans ending after ${LONG_PLAN_YEARS} years or more`,
    description:
      `Of child protection plans that ended in the period, the percentage that had lasted ${LONG_PLAN_YEARS} years or more ` +
      '(the DfE measure). A plan this long means the child stayed at risk without the situation being resolved. England was ' +
      'about 4% in 2023-24; the local target is 4% with an amber band of 1 point.',
    unit: 'percent',
    polarity: 'lower',
    target: 4,
    tolerance: 1,
    benchmarkable: true,
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: `SELECT c.end_date AS at, ${PLAN_KEY} AS unit_id, (c.end_date >= (c.start_date + interval '${LONG_PLAN_YEARS} years')::date)::int AS num, 1 AS den,
        NULL::float AS val FROM cin_cp_plan c WHERE c.end_date IS NOT NULL`,
    },
  },
  {
    ...COMMON,
    id: 'cp_reviews_on_time',
    title: 'Child protection plans reviewed on time',
    description:
      `Of children on a child protection plan at the end of the period who had been on it for at least ${FIRST_REVIEW_MONTHS} ` +
      `months, the percentage whose review conferences were all on time: the first within ${FIRST_REVIEW_MONTHS} months of the ` +
      `plan starting and each later one within ${LATER_REVIEW_MONTHS} months of the one before (the DfE measure, Working ` +
      'Together). England was about 91% in 2023-24; the local target is 95% with an amber band of 3 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 95,
    tolerance: 3,
    benchmarkable: true,
    aggregate: 'rate',
    source: {
      kind: 'snapshot',
      // Each plan's reviews up to the reference date, each with the date it was due by; the plan
      // is on time when none was late and the next one is not yet overdue.
      sql: `SELECT x.period_start, x.unit_id, (bool_and(x.on_time) AND max(x.next_due) >= x.ref_date)::int AS num, 1 AS den, NULL::float AS val
        FROM (
          SELECT p.period_start, p.ref_date, ${PLAN_KEY} AS unit_id,
                 v.review_date IS NULL OR v.review_date <= COALESCE(
                   (lag(v.review_date) OVER w + interval '${LATER_REVIEW_MONTHS} months')::date,
                   (c.start_date + interval '${FIRST_REVIEW_MONTHS} months')::date) AS on_time,
                 COALESCE((v.review_date + interval '${LATER_REVIEW_MONTHS} months')::date, (c.start_date + interval '${FIRST_REVIEW_MONTHS} months')::date) AS next_due
            FROM periods p
            JOIN cin_cp_plan c ON c.start_date <= (p.ref_date - interval '${FIRST_REVIEW_MONTHS} months')::date AND (c.end_date IS NULL OR c.end_date > p.ref_date)
            LEFT JOIN cin_cp_review v ON v.la_child_id = c.la_child_id AND v.referral_date = c.referral_date AND v.plan_start = c.start_date AND v.review_date <= p.ref_date
          WINDOW w AS (PARTITION BY p.period_start, c.la_child_id, c.start_date ORDER BY v.review_date)
        ) x
       GROUP BY x.period_start, x.unit_id, x.ref_date`,
    },
  },
];
