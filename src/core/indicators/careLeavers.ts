// Care leavers aged 17 to 21: education, employment or training, contact and accommodation.
import { PERIOD_TYPES } from '../periods.ts';
import { CARE_LEAVER_AGES, NEET_IN, NEET_SPELLS, ageBandSql, careLeaverAgeSql, childSexSql, periodsWithin } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

const DIMENSIONS = ['age_band', 'sex', 'ethnicity'] as const;
const dims = (on: string) => `${ageBandSql('c.dob', on)} AS age_band, ${childSexSql('c.sex')} AS sex, c.ethnic AS ethnicity`;

const COMMON = { area: 'care_leavers', suppress: true, dimensions: DIMENSIONS } as const;

// OC3 rows of a collection year count in that financial year; ages are taken at its end.
const OC3_YEAR_START = 'make_date(o.fy, 4, 1)';
const OC3_YEAR_END = 'make_date(o.fy + 1, 3, 31)';
function oc3Rate(num: string, den: string): string {
  return `SELECT ${OC3_YEAR_START} AS at, o.child_id AS unit_id, (${num})::int AS num, (${den})::int AS den,
    NULL::float AS val, ${dims(OC3_YEAR_END)}
  FROM oc3 o JOIN child c ON c.child_id = o.child_id`;
}

/**
 * Care leavers aged 17 to 21 on each period's reference date, one row per row of `from` (alias `a`)
 * covering it: from `start` up to `until` (exclusive; null when open). Each row is expanded only
 * to the periods that fall within the ages too (a day wider than age() either side); the age
 * rule itself decides.
 */
function atPeriodEnd(columns: string, from: string, start: string, until: string): string {
  const [youngest, oldest] = CARE_LEAVER_AGES;
  const aged = `(c.dob + interval '${youngest} years')::date`;
  const tooOld = `(c.dob + interval '${oldest + 1} years')::date + 1`;
  return `SELECT p.period_start, a.child_id AS unit_id, ${columns}, ${dims('p.ref_date')}
  FROM ${from}
  JOIN child c ON c.child_id = a.child_id
  ${periodsWithin(`greatest(${start}, ${aged})`, `least(${until}, ${tooOld})`)}
  WHERE ${careLeaverAgeSql('c.dob', 'p.ref_date')}`;
}

export const CARE_LEAVER_INDICATORS: IndicatorDefinition[] = [
  {
    ...COMMON,
    id: 'care_leavers_neet',
    title: 'Care leavers aged 17 to 21 not in education, employment or training',
    description:
      'Of care leavers aged 17 to 21 with an activity recorded at the end of the period (or today, for the current ' +
      'period), the percentage who are not in education, employment or training (NEET), from what the leaving care ' +
      'service records as it changes. It differs from the figure returned to the DfE once a year, which takes each ' +
      'young person around their birthday. Being NEET at 19 to 21 is linked to poorer outcomes for years. England ' +
      'reports about 38% of ' +
      'care leavers aged 19 to 21 NEET (DfE, Children looked after in England 2024); the local target is 35% with ' +
      'an amber band of 5 points.',
    unit: 'percent',
    polarity: 'lower',
    target: 35,
    tolerance: 5,
    periodTypes: PERIOD_TYPES,
    benchmarkable: true,
    aggregate: 'rate',
    source: {
      kind: 'snapshot',
      // end_date is the activity's last day.
      sql: atPeriodEnd(`(a.activ IN ${NEET_IN})::int AS num, 1 AS den, NULL::float AS val`, 'leaver_activity a', 'a.start_date', 'a.end_date + 1'),
      byRefDate: true,
    },
  },
  {
    ...COMMON,
    id: 'care_leavers_neet_oc3',
    title: 'Care leavers NEET around their birthday (yearly return to the DfE)',
    description:
      'Of care leavers in the year\'s return to the DfE (aged 17 to 21, each recorded around their birthday), the ' +
      'percentage who were not in education, employment or training (NEET). Calculated the way the DfE publishes it (everyone in the return ' +
      'counts, including those not in touch), so it can sit beside the England and statistical-neighbour figures. ' +
      'Target as for the monthly measure: 35% with an amber band of 5 points.',
    unit: 'percent',
    polarity: 'lower',
    target: 35,
    tolerance: 5,
    periodTypes: ['year'],
    benchmarkable: true,
    aggregate: 'rate',
    source: { kind: 'event', sql: oc3Rate(`coalesce(o.activ IN ${NEET_IN}, false)`, 'true') },
  },
  {
    ...COMMON,
    id: 'neet_spell_median_days',
    title: 'Median length of current NEET spells (days)',
    description:
      'For care leavers aged 17 to 21 who are NEET at the end of the period, the median number of days their current ' +
      'NEET spell has lasted so far (consecutive NEET activities count as one spell). Long spells are the hardest to ' +
      'end, and tell councillors whether young people are being helped back quickly. Local target 90 days, amber ' +
      'up to 180.',
    unit: 'days',
    polarity: 'lower',
    target: 90,
    tolerance: 90,
    periodTypes: PERIOD_TYPES,
    benchmarkable: false,
    aggregate: 'median',
    source: {
      kind: 'snapshot',
      sql: atPeriodEnd('NULL::int AS num, NULL::int AS den, (p.ref_date - a.spell_start)::float AS val', `${NEET_SPELLS} a`, 'a.spell_start', 'a.spell_end + 1'),
      byRefDate: true,
    },
  },
  {
    ...COMMON,
    id: 'care_leavers_in_touch',
    title: 'Care leavers the council is in touch with (yearly return to the DfE)',
    description:
      'Of care leavers in the year\'s return to the DfE (each recorded around their birthday), the percentage the ' +
      'council was in touch with; young people who have died are left out. Staying in touch is the basis of every other kind of help. England is ' +
      'about 90%; the local target is 95% with an amber band of 5 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 95,
    tolerance: 5,
    periodTypes: ['year'],
    benchmarkable: true,
    aggregate: 'rate',
    source: { kind: 'event', sql: oc3Rate(`o.in_touch = 'YES'`, `o.in_touch <> 'DIED'`) },
  },
  {
    ...COMMON,
    id: 'care_leavers_suitable_accom',
    title: 'Care leavers in suitable accommodation (yearly return to the DfE)',
    description:
      'Of care leavers in the year\'s return to the DfE (each recorded around their birthday), the percentage whose ' +
      'accommodation was judged suitable; young people who have died are left out. Unsuitable or unknown accommodation is a ' +
      'warning sign of homelessness and exploitation. England is close to 90%; local target 90% with an amber band ' +
      'of 5 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 90,
    tolerance: 5,
    periodTypes: ['year'],
    benchmarkable: true,
    aggregate: 'rate',
    source: { kind: 'event', sql: oc3Rate(`coalesce(o.accom LIKE '_1', false)`, `o.in_touch <> 'DIED'`) },
  },
];
