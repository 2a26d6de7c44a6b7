// Children looked after (SSDA903 Episodes): context for the missing and care-leaver measures.
import { PERIOD_TYPES } from '../periods.ts';
import { ageBandSql, childSexSql, periodsWithin, placementGroupSql } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

export const LOOKED_AFTER_INDICATORS: IndicatorDefinition[] = [
  {
    id: 'looked_after_children',
    title: 'Children looked after at the end of the period',
    description:
      'The number of children looked after on the last day of the period (today, for the current period), leaving out ' +
      'agreed series of short breaks (legal status V3 and V4) as the DfE does. It sets the scale for every other ' +
      'measure about children in care. Contextual: no target.',
    area: 'looked_after',
    unit: 'count',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    periodTypes: PERIOD_TYPES,
    suppress: true,
    benchmarkable: false,
    dimensions: ['age_band', 'sex', 'ethnicity', 'placement_type'],
    aggregate: 'count',
    source: {
      kind: 'snapshot',
      // Every episode has its child (a foreign key), so a left join counts the same and lets
      // PostgreSQL skip the child table when no breakdown needs it (the stored figures).
      sql: `SELECT p.period_start, e.child_id AS unit_id, 1 AS num, 1 AS den, NULL::float AS val,
        ${ageBandSql('c.dob', 'p.ref_date')} AS age_band, ${childSexSql('c.sex')} AS sex, c.ethnic AS ethnicity,
        ${placementGroupSql('e.place')} AS placement_type
      FROM la_episode e
      ${periodsWithin('e.decom', 'e.dec')}
      LEFT JOIN child c ON c.child_id = e.child_id
      WHERE e.ls NOT IN ('V3', 'V4')`,
      byRefDate: true,
    },
  },
];
