// Children missing from home or care, and return home interviews (DfE statutory guidance, 2014).
import { REPEAT_EPISODES } from '../missing.ts';
import { PERIOD_TYPES } from '../periods.ts';
import { RHI_DAYS, ageBandSql, childSexSql, lookedAfterSql, missingPlacementSql, periodsWithin } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

const DIMENSIONS = ['age_band', 'sex', 'ethnicity', 'looked_after', 'placement_type', 'exploitation_risk'] as const;
const EPISODE_DIMS = `${ageBandSql('c.dob', 'm.mis_start')} AS age_band, ${childSexSql('c.sex')} AS sex,
  c.ethnic AS ethnicity, ${lookedAfterSql('m')} AS looked_after, ${missingPlacementSql('m')} AS placement_type,
  m.exploitation_risk AS exploitation_risk`;

const COMMON = { area: 'missing', periodTypes: PERIOD_TYPES, suppress: true, benchmarkable: false, dimensions: DIMENSIONS } as const;

/** One row per missing episode, dated `at`, counting `unit`. */
function episodes(at: string, unit: string, num = '1', den = '1'): string {
  return `SELECT ${at} AS at, ${unit} AS unit_id, (${num})::int AS num, (${den})::int AS den, NULL::float AS val, ${EPISODE_DIMS}
  FROM missing_episode m JOIN child c ON c.child_id = m.child_id CROSS JOIN params`;
}

const EPISODE_KEY = `m.child_id || '|' || m.mis_start`;
const OFFERED_IN_TIME = `m.rhi_offered IS NOT NULL AND m.rhi_offered <= m.mis_end + ${RHI_DAYS} AND m.rhi_offered <= params.as_of`;

export const MISSING_INDICATORS: IndicatorDefinition[] = [
  {
    ...COMMON,
    id: 'missing_episodes',
    title: 'Missing episodes',
    description:
      'The number of episodes of children going missing (or away without authorisation) from home or care that ' +
      'started in the period. Every episode is a risk of harm, including exploitation. A contextual measure with no ' +
      'target: a rise can mean better reporting as well as more risk.',
    unit: 'count',
    polarity: 'lower',
    target: null,
    tolerance: 0,
    aggregate: 'count',
    source: { kind: 'event', sql: episodes('m.mis_start', EPISODE_KEY), unitPerRow: true },
  },
  {
    ...COMMON,
    id: 'missing_children',
    title: 'Children who went missing',
    description:
      'The number of different children with a missing episode starting in the period. Compared with the number of ' +
      'episodes it shows whether missing is spread widely or concentrated in a few children. Contextual: no target.',
    unit: 'count',
    polarity: 'lower',
    target: null,
    tolerance: 0,
    aggregate: 'count',
    source: { kind: 'event', sql: episodes('m.mis_start', 'm.child_id') },
  },
  {
    ...COMMON,
    id: 'rhi_offered_72h',
    title: 'Return home interviews offered within 72 hours',
    description:
      'Of missing episodes that ended in the period, the percentage where an independent return home interview was ' +
      'offered within 72 hours of the child coming back (no later than 3 days after the return date), as statutory ' +
      'guidance requires. Episodes whose 3 days have not yet passed are left out until they have. Local target 95% ' +
      'with an amber band of 10 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 95,
    tolerance: 10,
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: episodes('m.mis_end', EPISODE_KEY, OFFERED_IN_TIME, `(${OFFERED_IN_TIME}) OR m.mis_end + ${RHI_DAYS} < params.as_of`),
    },
  },
  {
    ...COMMON,
    id: 'rhi_completed',
    title: 'Return home interviews completed',
    description:
      'Of missing episodes that ended in the period, the percentage where the child took part in a return home ' +
      'interview. The interview is how the council learns why a child went missing and what would keep them safe. ' +
      'Local target 75% with an amber band of 15 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 75,
    tolerance: 15,
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: episodes('m.mis_end', EPISODE_KEY, 'm.rhi_completed IS NOT NULL AND m.rhi_completed <= params.as_of'),
    },
  },
  {
    ...COMMON,
    id: 'repeat_missing_children',
    dimensions: ['age_band', 'sex', 'ethnicity', 'looked_after', 'exploitation_risk'],
    title: 'Children missing 3 or more times in 12 months',
    description:
      `The number of children with ${REPEAT_EPISODES} or more missing episodes starting in the 12 months to the end of ` +
      'the period. Repeated missing is a strong sign of exploitation or of a placement or home that is not working. ' +
      'Contextual: no target.',
    unit: 'count',
    polarity: 'lower',
    target: null,
    tolerance: 0,
    aggregate: 'count',
    source: {
      kind: 'snapshot',
      // A child with episodes s1 < s2 < s3 < ... is a repeat on every date from s(k) until 12 months
      // after s(k-2): one short interval per episode instead of every episode joined to every period.
      // Looked-after status and exploitation risk are those of the latest episode.
      sql: `SELECT p.period_start, w.child_id AS unit_id, 1 AS num, 1 AS den, NULL::float AS val,
        ${ageBandSql('c.dob', 'p.ref_date')} AS age_band, ${childSexSql('c.sex')} AS sex, c.ethnic AS ethnicity,
        ${lookedAfterSql('w')} AS looked_after, w.exploitation_risk
      FROM (SELECT child_id, mis_start, looked_after, exploitation_risk,
                   (lag(mis_start, ${REPEAT_EPISODES - 1}) OVER (PARTITION BY child_id ORDER BY mis_start) + interval '12 months')::date AS until
              FROM missing_episode) w
      ${periodsWithin('w.mis_start', 'w.until')}
      JOIN child c ON c.child_id = w.child_id
      WHERE w.until IS NOT NULL`,
      since: 'SELECT min(mis_start) FROM missing_episode',
      byRefDate: true,
    },
  },
];
