// Education, Health and Care plan timeliness (SEND Code of Practice 0-25, 2015).
import { PARTNER_LABEL, PARTNERS, type Partner } from '../ehcp.ts';
import { PERIOD_TYPES } from '../periods.ts';
import { ADVICE_DAYS, DECISION_DAYS, EHCP_DAYS, ageBandSql, sen2SexSql } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

// Breakdowns of a request `r`: the child's age when the request was made, sex, primary need.
const DIMS = `${ageBandSql('r.person_birth_date', 'r.received_date')} AS age_band,
  ${sen2SexSql('r.sex')} AS sex, r.sen_type AS primary_need`;
const DIMENSIONS = ['age_band', 'sex', 'primary_need'] as const;

const COMMON = {
  area: 'ehcp',
  periodTypes: PERIOD_TYPES,
  suppress: true,
  dimensions: DIMENSIONS,
} as const;

/** Statutory 6-week steps: a local target of 90% on time, amber down to 80%. */
const SIX_WEEK_RATE = { unit: 'percent', polarity: 'higher', target: 90, tolerance: 10, benchmarkable: false, aggregate: 'rate' } as const;

/** Plans issued (NamedPlan StartDate) in the period, one row per plan. */
function issuedPlans(where: string): string {
  return `SELECT r.start_date AS at, r.request_id AS unit_id,
    (r.start_date - r.received_date <= ${EHCP_DAYS})::int AS num, 1 AS den,
    (r.start_date - r.received_date) / 7.0 AS val, ${DIMS}
  FROM ehcp_request r WHERE r.start_date IS NOT NULL ${where}`;
}

function within20Weeks(id: string, title: string, excludeExceptions: boolean): IndicatorDefinition {
  return {
    ...COMMON,
    id,
    title,
    description:
      `Of the EHC plans issued in the period, the percentage issued within 20 weeks (140 days) of the request for assessment` +
      (excludeExceptions
        ? ', leaving out plans where an exception to the time limit applies (the DfE headline measure). '
        : ', counting every plan, including those where an exception to the time limit applied. ') +
      'Families wait for support while a plan is late, and councillors ask which step caused the delay. ' +
      'England managed about half in 2023 and 2024 (DfE, Education, health and care plans); the local target is 60% ' +
      'with an amber band of 10 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 60,
    tolerance: 10,
    benchmarkable: true,
    aggregate: 'rate',
    source: { kind: 'event', sql: issuedPlans(excludeExceptions ? 'AND NOT r.week20' : '') },
  };
}

function adviceWithin6Weeks(partner: Partner): IndicatorDefinition {
  const label = PARTNER_LABEL[partner];
  return {
    ...COMMON,
    id: `ehcp_advice_6wk_${partner}`,
    title: `${label} advice returned within 6 weeks`,
    description:
      `Of the requests for ${label.toLowerCase()} advice due in the period (6 weeks after being asked), the percentage ` +
      'returned on time. Advice still outstanding after its due date counts as late; advice not yet due is left out. ' +
      'Late advice is the most common cause of a late plan, and this shows which partner to hold to account. ' +
      'The SEND Regulations expect all advice within 6 weeks; the local target is 90% with an amber band of 10 points.',
    ...SIX_WEEK_RATE,
    source: {
      kind: 'event',
      sql: `SELECT a.requested_date + ${ADVICE_DAYS} AS at, a.request_id AS unit_id,
        (coalesce(a.received_date <= a.requested_date + ${ADVICE_DAYS} AND a.received_date <= params.as_of, false))::int AS num,
        (coalesce(a.received_date <= params.as_of, false) OR a.requested_date + ${ADVICE_DAYS} < params.as_of)::int AS den,
        NULL::float AS val, ${DIMS}
      FROM ehcp_advice a LEFT JOIN ehcp_request r ON r.request_id = a.request_id CROSS JOIN params
      WHERE a.partner = '${partner}'`,
    },
  };
}

export const EHCP_INDICATORS: IndicatorDefinition[] = [
  within20Weeks('ehcp_20wk_excl', 'EHC plans issued within 20 weeks (excluding exceptions)', true),
  within20Weeks('ehcp_20wk_incl', 'EHC plans issued within 20 weeks (including exceptions)', false),
  {
    ...COMMON,
    id: 'ehcp_mean_weeks',
    title: 'Average weeks from request to final EHC plan',
    description:
      'For EHC plans issued in the period, the mean number of weeks from the request for assessment to the final plan. ' +
      'It shows how long families wait, including the plans that missed 20 weeks by a long way. ' +
      'The statutory limit is 20 weeks; the amber band is 4 weeks over it.',
    unit: 'weeks',
    polarity: 'lower',
    target: 20,
    tolerance: 4,
    benchmarkable: false,
    aggregate: 'mean',
    source: { kind: 'event', sql: issuedPlans('') },
  },
  {
    ...COMMON,
    id: 'ehcp_decision_6wk',
    title: 'Decisions whether to assess made within 6 weeks',
    description:
      'Of the decisions whether to carry out an EHC needs assessment made in the period, the percentage made within ' +
      '6 weeks of the request, as the SEND Regulations require. A late decision puts the whole 20 weeks at risk. ' +
      'Local target 90% with an amber band of 10 points.',
    ...SIX_WEEK_RATE,
    // The DfE publishes it for every authority (EHC requests, outcome within 6 weeks).
    benchmarkable: true,
    source: {
      kind: 'event',
      sql: `SELECT r.request_outcome_date AS at, r.request_id AS unit_id,
        (r.request_outcome_date - r.received_date <= ${DECISION_DAYS})::int AS num, 1 AS den, NULL::float AS val, ${DIMS}
      FROM ehcp_request r WHERE r.request_outcome IN ('Y', 'N') AND r.request_outcome_date IS NOT NULL`,
    },
  },
  ...PARTNERS.map(adviceWithin6Weeks),
];
