// Early help episodes: reach (children helped now, new episodes), how help ends (needs met,
// stepped up to children's social care) and whether it lasts (referred to social care within 12
// months of help ending well), plus step-downs from social care.
import { GOOD_ENDINGS, RETURN_MONTHS } from '../earlyHelp.ts';
import { PERIOD_TYPES } from '../periods.ts';
import { ageBandOrUnbornSql } from './frontDoor.ts';
import { periodsWithin } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

const DIMENSIONS = ['early_help_level', 'age_band'] as const;
const dims = (on: string) => `e.level AS early_help_level, ${ageBandOrUnbornSql('e.birth_date', on)} AS age_band`;
const GOOD = `(${GOOD_ENDINGS.map((o) => `'${o}'`).join(', ')})`;

const COMMON = { area: 'early_help', periodTypes: PERIOD_TYPES, suppress: true, benchmarkable: false, dimensions: DIMENSIONS } as const;

/** One row per episode, dated `at`. */
function episodes(at: string, num: string, den = '1', where = 'true'): string {
  return `SELECT ${at} AS at, e.episode_id AS unit_id, (${num})::int AS num, (${den})::int AS den, NULL::float AS val, ${dims(at)}
  FROM early_help_episode e WHERE ${where}`;
}

/** Closed episodes, dated by their end; moving away says nothing about whether help worked. */
const closed = (num: string) => episodes('e.end_date', num, `e.outcome <> 'MOVED_AWAY'`, 'e.end_date IS NOT NULL');

export const EARLY_HELP_INDICATORS: IndicatorDefinition[] = [
  {
    ...COMMON,
    id: 'early_help_children',
    title: 'Children receiving early help at the end of the period',
    description:
      'The number of children with an open early help episode on the last day of the period (today, for the current ' +
      'period), universal plus or targeted. It shows how many families the council and its partners reach before ' +
      'problems need children’s social care. Contextual: no target.',
    unit: 'count',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    aggregate: 'count',
    source: {
      kind: 'snapshot',
      sql: `SELECT p.period_start, e.child_id AS unit_id, 1 AS num, 1 AS den, NULL::float AS val, ${dims('p.ref_date')}
      FROM early_help_episode e ${periodsWithin('e.start_date', 'e.end_date')}`,
      since: 'SELECT min(start_date) FROM early_help_episode',
      byRefDate: true,
    },
  },
  {
    ...COMMON,
    id: 'early_help_new',
    title: 'New early help episodes',
    description:
      'The number of early help episodes that started in the period, whether a new request for help or a step-down ' +
      'from children’s social care. Contextual: no target.',
    unit: 'count',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    aggregate: 'count',
    source: { kind: 'event', sql: episodes('e.start_date', '1'), unitPerRow: true },
  },
  {
    ...COMMON,
    id: 'early_help_step_downs',
    title: 'Step-downs from children’s social care to early help',
    description:
      'The number of early help episodes that started in the period as a step-down from children’s social care: ' +
      'families who still need support once a social worker is no longer needed. Contextual: no target.',
    unit: 'count',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    aggregate: 'count',
    source: { kind: 'event', sql: episodes('e.start_date', `e.source = 'STEP_DOWN'`), unitPerRow: true },
  },
  {
    ...COMMON,
    id: 'early_help_needs_met',
    title: 'Early help ending well (needs met or stepped down to universal services)',
    description:
      'Of early help episodes that ended in the period, the percentage that ended with the family’s needs met ' +
      '(including those stepped down to universal services). Families who moved away are left out. Local target 75% ' +
      'with an amber band of 10 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 75,
    tolerance: 10,
    aggregate: 'rate',
    source: { kind: 'event', sql: closed(`e.outcome IN ${GOOD}`) },
  },
  {
    ...COMMON,
    id: 'early_help_step_up',
    title: 'Early help stepped up to children’s social care',
    description:
      'Of early help episodes that ended in the period, the percentage that ended because the family was stepped up ' +
      'to children’s social care. Some step-ups are the right response to rising risk, so this is contextual: no ' +
      'target. Families who moved away are left out.',
    unit: 'percent',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    aggregate: 'rate',
    source: { kind: 'event', sql: closed(`e.outcome = 'STEP_UP'`) },
  },
  {
    ...COMMON,
    id: 'early_help_returns_12m',
    title: `Referred to social care within ${RETURN_MONTHS} months of early help ending well`,
    description:
      `Of early help episodes that ended with needs met (or stepped down to universal services), the percentage whose ` +
      `child was referred to children’s social care within ${RETURN_MONTHS} months (matched on the child’s id in the CIN ` +
      `census). Counted in the period when the ${RETURN_MONTHS} months run out, so every episode has had the same time. ` +
      'It tests whether help lasted. Local target 10% with an amber band of 5 points.',
    unit: 'percent',
    polarity: 'lower',
    target: 10,
    tolerance: 5,
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: episodes(
        `(e.end_date + interval '${RETURN_MONTHS} months')::date`,
        `EXISTS (SELECT 1 FROM cin_referral c WHERE c.la_child_id = e.child_id AND c.referral_date > e.end_date
           AND c.referral_date <= (e.end_date + interval '${RETURN_MONTHS} months')::date)`,
        '1',
        `e.end_date IS NOT NULL AND e.outcome IN ${GOOD}`,
      ),
    },
  },
];
