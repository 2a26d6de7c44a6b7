// Front door: CIN census referrals and assessments (Working Together to Safeguard Children; DfE,
// Children in need). Volumes, rate per 10,000 children, re-referrals, no further action and the
// 45-working-day assessment clock.
import { ASSESSMENT_WORKING_DAYS, RE_REFERRAL_MONTHS, REFERRAL_SOURCE, sourceGroup, type ReferralSource } from '../cin.ts';
import { PERIOD_TYPES } from '../periods.ts';
import { ageBandSql, periodsWithin } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

/** A referral `r`'s source as the page groups it: its local partner (e.g. FIRE) where recorded, else its DfE group. */
export function referralSourceGroupSql(r: string): string {
  const byGroup = new Map<string, string[]>();
  for (const code of Object.keys(REFERRAL_SOURCE) as ReferralSource[]) {
    const g = sourceGroup(code);
    byGroup.set(g, [...(byGroup.get(g) ?? []), code]);
  }
  const whens = [...byGroup].map(([g, codes]) => `WHEN ${r}.referral_source IN (${codes.map((c) => `'${c}'`).join(', ')}) THEN '${g}'`);
  return `CASE WHEN ${r}.local_source IS NOT NULL THEN ${r}.local_source ${whens.join(' ')} ELSE 'UNKNOWN' END`;
}

/** Age band on a date; an unborn child (or one with no birth date) has a band of its own. */
export function ageBandOrUnbornSql(dob: string, on: string): string {
  return `CASE WHEN ${dob} IS NULL OR ${dob} > ${on} THEN 'Unborn or not recorded' ELSE ${ageBandSql(dob, on)} END`;
}

/** CIN GenderCurrent as words. */
export function genderSql(gender: string): string {
  return `CASE ${gender} WHEN '1' THEN 'Male' WHEN '2' THEN 'Female' WHEN '9' THEN 'Indeterminate' ELSE 'Not recorded' END`;
}

/** A re-referral: the child's previous referral `prev` is at most 12 months before `date` (as core/cin.ts isReReferral). */
export function reReferralSql(prev: string, date: string): string {
  return `(${prev} IS NOT NULL AND ${date} <= (${prev} + interval '${RE_REFERRAL_MONTHS} months')::date)`;
}

/** Each referral with the date of the same child's previous referral (any date stored). */
export const REFERRALS_WITH_PREVIOUS = `(SELECT c.*, lag(c.referral_date) OVER (PARTITION BY c.la_child_id ORDER BY c.referral_date) AS previous_referral
  FROM cin_referral c)`;

const DIMENSIONS = ['referral_source', 'age_band', 'sex', 'ethnicity'] as const;
const dims = (r: string) => `${referralSourceGroupSql(r)} AS referral_source, ${ageBandOrUnbornSql(`${r}.person_birth_date`, `${r}.referral_date`)} AS age_band,
  ${genderSql(`${r}.gender`)} AS sex, ${r}.ethnicity AS ethnicity`;
const REFERRAL_KEY = `r.la_child_id || '|' || r.referral_date`;

const COMMON = { area: 'front_door', periodTypes: PERIOD_TYPES, suppress: true } as const;

/** One row per referral, dated by its referral date. */
function referrals(num: string, from = 'cin_referral r'): string {
  return `SELECT r.referral_date AS at, ${REFERRAL_KEY} AS unit_id, (${num})::int AS num, 1 AS den, NULL::float AS val, ${dims('r')}
  FROM ${from}`;
}

// The population estimate for a period: the latest mid-year estimate for its financial year or
// before; failing that, the earliest there is.
export const POPULATION = `(SELECT cp.population FROM child_population cp
  ORDER BY CASE WHEN cp.year <= extract(year FROM p.period_start - interval '3 months') THEN extract(year FROM p.period_start - interval '3 months') - cp.year
    ELSE 1000 + cp.year END LIMIT 1)`;

/**
 * A rate per 10,000 children of the events `events` selects (period_start, unit_id, joined to
 * `periods p` and dated within the period to its reference date), scaled up to a full year: each
 * event adds 10,000 above the line; the population adds children × the share of a year the period
 * covers below it (only in periods with events, as before). `exists` is the events' condition alone.
 */
export function per10kSource(events: string, exists: string): string {
  return `SELECT e.period_start, e.unit_id, 10000 AS num, 0 AS den, NULL::float AS val FROM (${events}) e
      UNION ALL
      SELECT p.period_start, 'population' AS unit_id, 0 AS num, ${POPULATION} * ((p.ref_date - p.period_start + 1) / 365.25) AS den,
             NULL::float AS val
        FROM periods p
       WHERE EXISTS (${exists})`;
}

export const FRONT_DOOR_INDICATORS: IndicatorDefinition[] = [
  {
    ...COMMON,
    id: 'referrals',
    title: 'Referrals to children’s social care',
    description:
      'The number of referrals to children’s social care received in the period (CIN census CINreferralDate): requests ' +
      'for help for a child not already in need. Broken down by source, it shows which partners refer, and whether a ' +
      'partnership (the fire service, family hubs) is growing or fading. Contextual: no target.',
    unit: 'count',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    dimensions: DIMENSIONS,
    aggregate: 'count',
    source: { kind: 'event', sql: referrals('1'), unitPerRow: true },
  },
  {
    ...COMMON,
    id: 'referrals_per_10k',
    title: 'Referrals per 10,000 children',
    description:
      'Referrals received in the period for every 10,000 children aged 0 to 17 living in the area (ONS mid-year ' +
      'estimate), scaled up to a full year for months, quarters and the year so far, so every period compares with the ' +
      'DfE’s annual figure for England (about 540 in 2023-24) and statistical neighbours. A high rate can mean a front ' +
      'door that draws in families who need help elsewhere; a low one, that need goes unseen. Contextual: no target.',
    unit: 'ratio',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    benchmarkable: true,
    dimensions: [],
    aggregate: 'ratio',
    source: {
      kind: 'snapshot',
      sql: per10kSource(
        `SELECT p.period_start, ${REFERRAL_KEY} AS unit_id FROM periods p JOIN cin_referral r ON r.referral_date >= p.period_start AND r.referral_date <= p.ref_date`,
        'SELECT 1 FROM cin_referral r WHERE r.referral_date >= p.period_start AND r.referral_date <= p.ref_date',
      ),
    },
  },
  {
    ...COMMON,
    id: 're_referrals_12m',
    title: 'Re-referrals within 12 months',
    description:
      `Of referrals received in the period, the percentage that came within ${RE_REFERRAL_MONTHS} months of a previous ` +
      'referral of the same child (the DfE definition). Many re-referrals can mean cases closed before change lasted. ' +
      'England was 22% in 2023-24 (DfE, Children in need: a focus on re-referrals); the local target is 20% with an ' +
      'amber band of 3 points.',
    unit: 'percent',
    polarity: 'lower',
    target: 20,
    tolerance: 3,
    benchmarkable: true,
    dimensions: DIMENSIONS,
    aggregate: 'rate',
    source: { kind: 'event', sql: referrals(reReferralSql('r.previous_referral', 'r.referral_date'), `${REFERRALS_WITH_PREVIOUS} r`) },
  },
  {
    ...COMMON,
    id: 'referrals_nfa',
    title: 'Referrals leading to no further action',
    description:
      'Of referrals received in the period, the percentage recorded as no further action (CIN census ReferralNFA): ' +
      'the front door decided children’s social care did not need to act. A rising share can mean partners refer ' +
      'families who need help from elsewhere, such as early help. Contextual: no target.',
    unit: 'percent',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    dimensions: DIMENSIONS,
    aggregate: 'rate',
    source: { kind: 'event', sql: referrals('r.referral_nfa') },
  },
  {
    ...COMMON,
    id: 'assessments_45_days',
    title: `Assessments completed within ${ASSESSMENT_WORKING_DAYS} working days`,
    description:
      `Of social work assessments completed (authorised) in the period, the percentage completed within ` +
      `${ASSESSMENT_WORKING_DAYS} working days of starting, as Working Together to Safeguard Children requires. ` +
      'Weekends and England and Wales bank holidays are not working days. A late assessment keeps a family waiting ' +
      'to know what help they will get. England is about 83%; the local target is 85% with an amber band of 5 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 85,
    tolerance: 5,
    benchmarkable: true,
    dimensions: DIMENSIONS,
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: `SELECT a.authorisation_date AS at, a.la_child_id || '|' || a.start_date AS unit_id,
        (a.authorisation_date <= a.due_date)::int AS num, 1 AS den, NULL::float AS val, ${dims('r')}
      FROM cin_assessment a JOIN cin_referral r ON r.la_child_id = a.la_child_id AND r.referral_date = a.referral_date
      WHERE a.authorisation_date IS NOT NULL`,
    },
  },
  {
    ...COMMON,
    id: 'assessments_overdue',
    title: `Open assessments past ${ASSESSMENT_WORKING_DAYS} working days`,
    description:
      `The number of assessments still open at the end of the period (today, for the current period) that started ` +
      `more than ${ASSESSMENT_WORKING_DAYS} working days earlier. Each is a family still waiting for a decision. ` +
      'Contextual: no target, but every one should have a reason.',
    unit: 'count',
    polarity: 'lower',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    dimensions: DIMENSIONS,
    aggregate: 'count',
    source: {
      kind: 'snapshot',
      // Overdue from the day after its due date until the day it is authorised.
      sql: `SELECT p.period_start, a.la_child_id || '|' || a.start_date AS unit_id, 1 AS num, 1 AS den, NULL::float AS val, ${dims('r')}
      FROM cin_assessment a
      ${periodsWithin('a.due_date + 1', 'a.authorisation_date')}
      JOIN cin_referral r ON r.la_child_id = a.la_child_id AND r.referral_date = a.referral_date`,
      since: 'SELECT min(start_date) FROM cin_assessment',
      byRefDate: true,
    },
  },
];
