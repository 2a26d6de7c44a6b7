// Social care workforce: headcount, vacancies, agency, turnover, caseloads, training. Figures are
// full-time equivalents (FTE), defined as in the DfE's Children's social work workforce collection
// (see core/workforce.ts). Stock measures are those of the latest month in the period that has a
// return; turnover counts the leavers of the 12 months to that month.
import { PERIOD_TYPES } from '../periods.ts';
import type { IndicatorDefinition } from './types.ts';

/**
 * Staff figures are not about children, but 1 to 5 leavers, agency workers or vacancies in a named
 * team could point to the people concerned, so small figures are withheld from councillors as
 * for children (a team breakdown mostly shows only its size to them).
 */
const COMMON = {
  area: 'workforce',
  periodTypes: PERIOD_TYPES,
  suppress: true,
  dimensions: ['team'],
} as const;

/** Agency and vacancy rates: published by the DfE; a local target of 10% or less, amber to 15%. */
const STAFFING_RATE = { unit: 'percent', polarity: 'lower', target: 10, tolerance: 5, benchmarkable: true, aggregate: 'rate' } as const;

/** Each team's row of the latest month in the period with a return (by the period's reference date). */
const LATEST_MONTH = `FROM periods p
  JOIN workforce_month w ON w.month = (SELECT max(m.month) FROM workforce_month m WHERE m.month >= p.period_start AND m.month <= p.ref_date)`;

/** One row per team at the period's latest month: num and den as given. */
function atPeriodEnd(num: string, den: string): string {
  return `SELECT p.period_start, w.team AS unit_id, (${num})::float AS num, (${den})::float AS den, NULL::float AS val, w.team AS team
  ${LATEST_MONTH}`;
}

export const WORKFORCE_INDICATORS: IndicatorDefinition[] = [
  {
    ...COMMON,
    id: 'workforce_fte',
    title: 'Social workers in post (FTE)',
    description:
      'The full-time equivalent of children and family social workers employed by the council (not agency staff) at the ' +
      'end of the period, from the latest monthly return in it. It sets the scale for the rates below. Contextual: no target.',
    unit: 'fte',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    aggregate: 'sum',
    source: { kind: 'snapshot', sql: atPeriodEnd('w.employed_fte', 'NULL') },
  },
  {
    ...COMMON,
    id: 'workforce_agency_rate',
    title: 'Agency social worker rate',
    description:
      'Agency social workers as a percentage of all social workers (agency and employed, FTE) at the end of the period, as ' +
      'the DfE defines it. Agency staff cost more and move on sooner, so children change social worker more often. ' +
      'England was 17.8% in September 2023 (DfE, Children\'s social work workforce); the local target is 10% or less, ' +
      'with an amber band of 5 points.',
    ...STAFFING_RATE,
    source: { kind: 'snapshot', sql: atPeriodEnd('w.agency_fte', 'w.agency_fte + w.employed_fte') },
  },
  {
    ...COMMON,
    id: 'workforce_vacancy_rate',
    title: 'Social worker vacancy rate',
    description:
      'Vacant social worker posts as a percentage of all posts (vacancies and social workers in post, FTE) at the end of the ' +
      'period, as the DfE defines it. Agency workers covering a vacancy still count it as vacant. England was 18.9% in ' +
      'September 2023; the local target is 10% or less, with an amber band of 5 points.',
    ...STAFFING_RATE,
    source: { kind: 'snapshot', sql: atPeriodEnd('w.vacant_fte', 'w.vacant_fte + w.employed_fte') },
  },
  {
    ...COMMON,
    id: 'workforce_turnover_rate',
    title: 'Social worker turnover (12 months)',
    description:
      'Social workers who left the council in the 12 months to the end of the period as a percentage of those in post at ' +
      'its end (FTE), as in the DfE\'s turnover rate (leavers in the year to 30 September over FTE at 30 September). ' +
      'Turnover breaks children\'s relationships with their social worker and loses experience. Shown only once there are ' +
      '12 months of returns. England was 15.9% in the year to September 2023; the local target is 15% or less, with an ' +
      'amber band of 3 points.',
    unit: 'percent',
    polarity: 'lower',
    target: 15,
    tolerance: 3,
    benchmarkable: true,
    aggregate: 'rate',
    source: {
      kind: 'snapshot',
      sql: `SELECT p.period_start, w.team AS unit_id, coalesce(l.leavers, 0)::float AS num, w.employed_fte::float AS den,
        NULL::float AS val, w.team AS team
      ${LATEST_MONTH}
      LEFT JOIN LATERAL (SELECT sum(x.leavers_fte) AS leavers FROM workforce_month x
        WHERE x.team = w.team AND x.month > (w.month - interval '12 months')::date AND x.month <= w.month) l ON true
      WHERE (SELECT min(month) FROM workforce_month) <= (w.month - interval '11 months')::date`,
    },
  },
  {
    ...COMMON,
    id: 'workforce_caseload',
    title: 'Average caseload per case-holding social worker',
    description:
      'Cases held at the end of the period divided by the full-time equivalent of social workers holding cases (employed ' +
      'and agency), as the DfE calculates average caseload. High caseloads leave less time for each child and drive ' +
      'staff away. England was 16.0 in September 2023; the local target is 18 or fewer, with an amber band of 2.',
    unit: 'ratio',
    polarity: 'lower',
    target: 18,
    tolerance: 2,
    benchmarkable: true,
    aggregate: 'ratio',
    source: { kind: 'snapshot', sql: atPeriodEnd('w.cases', 'w.case_holding_fte') },
  },
  {
    ...COMMON,
    id: 'workforce_training',
    title: 'Mandatory training completed',
    description:
      'Of the mandatory training each team\'s staff must hold (one item per person and course), the percentage complete ' +
      'and in date at the end of the period. New and agency staff without it are a safeguarding risk. Local target 90%, ' +
      'with an amber band of 10 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 90,
    tolerance: 10,
    benchmarkable: false,
    aggregate: 'rate',
    source: { kind: 'snapshot', sql: atPeriodEnd('w.training_completed', 'w.training_required') },
  },
];
