// Elective home education register: counts, new registrations, engagement, vulnerability. A child
// is on the register from StartDate until the day before EndDate (EndDate is the day they came off).
import { PERIOD_TYPES } from '../periods.ts';
import { ageBandSql, periodsWithin, sen2SexSql } from './sql.ts';
import type { IndicatorDefinition } from './types.ts';

const COMMON = {
  area: 'home_education',
  periodTypes: PERIOD_TYPES,
  suppress: true,
  dimensions: ['ehe_reason', 'age_band', 'sex'],
} as const;

function dims(on: string): string {
  return `e.reason AS ehe_reason, ${ageBandSql('e.dob', on)} AS age_band, ${sen2SexSql('e.sex')} AS sex`;
}

/** Registration `e` is on the register on `on` (EndDate is the day the child came off). */
export function onRegisterSql(e: string, on: string): string {
  return `${e}.start_date <= ${on} AND (${e}.end_date IS NULL OR ${e}.end_date > ${on})`;
}

/** Children on the register at the period's reference date (onRegisterSql, read in one scan), with num as given. */
function onRegister(num: string): string {
  return `SELECT p.period_start, e.child_id AS unit_id, (${num})::int AS num, 1 AS den, NULL::float AS val, ${dims('p.ref_date')}
  FROM ehe_registration e ${periodsWithin('e.start_date', 'e.end_date')}`;
}

const SINCE = 'SELECT min(start_date) FROM ehe_registration';

/** A share of the children on the register at period end, contextual unless given a target. */
function shareOnRegister(id: string, title: string, description: string, num: string): IndicatorDefinition {
  return {
    ...COMMON,
    id,
    title,
    description,
    unit: 'percent',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    aggregate: 'rate',
    source: { kind: 'snapshot', sql: onRegister(num), since: SINCE, byRefDate: true },
  };
}

export const HOME_EDUCATION_INDICATORS: IndicatorDefinition[] = [
  {
    ...COMMON,
    id: 'ehe_children',
    title: 'Children electively home educated',
    description:
      'The number of children of compulsory school age on the council\'s elective home education register at the end of the ' +
      'period (today, for the current period). Parents may choose to educate at home; the council must check the ' +
      'education is suitable and that no child goes unseen. England had about 92,000 on the autumn 2023 census day and ' +
      '126,000 in autumn 2025 (DfE, Elective home education). Contextual: no target.',
    unit: 'count',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    aggregate: 'count',
    source: { kind: 'snapshot', sql: onRegister('1'), since: SINCE, byRefDate: true },
  },
  {
    ...COMMON,
    id: 'ehe_new_registrations',
    title: 'New elective home education registrations',
    description:
      'Children who came on to the elective home education register in the period. Most leave a school to be home ' +
      'educated; the reasons parents give show where schools could keep children on roll. Contextual: no target.',
    unit: 'count',
    polarity: 'neutral',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    aggregate: 'count',
    source: {
      kind: 'event',
      sql: `SELECT e.start_date AS at, e.child_id || '|' || e.start_date AS unit_id, 1 AS num, 1 AS den, NULL::float AS val,
        ${dims('e.start_date')}
      FROM ehe_registration e`,
      unitPerRow: true,
    },
  },
  {
    ...COMMON,
    id: 'ehe_engaged',
    title: 'Home-educated children whose family engages with the council',
    description:
      'Of the children on the register at the end of the period, the percentage whose family engages with the elective home ' +
      'education team (a visit, a report or samples of work), as the register records it now. Without engagement the ' +
      'council cannot judge whether the education is suitable. Local target 80%, with an amber band of 10 points.',
    unit: 'percent',
    polarity: 'higher',
    target: 80,
    tolerance: 10,
    benchmarkable: false,
    aggregate: 'rate',
    source: { kind: 'snapshot', sql: onRegister('e.engaged'), since: SINCE, byRefDate: true },
  },
  shareOnRegister(
    'ehe_social_care',
    'Home-educated children known to social care',
    'Of the children on the register at the end of the period, the percentage known to children\'s social care (a child in ' +
      'need, on a child protection plan or looked after), as the register records it now. These children are less visible ' +
      'to professionals out of school. Contextual: no target.',
    `e.social_care <> 'NONE'`,
  ),
  shareOnRegister(
    'ehe_ehcp',
    'Home-educated children with an EHC plan',
    'Of the children on the register at the end of the period, the percentage with an education, health and care plan, ' +
      'whose provision the council must still secure or review. A rise can mean plans are not meeting needs in school. ' +
      'Contextual: no target.',
    `e.sen = 'E'`,
  ),
  {
    ...COMMON,
    id: 'ehe_returned_to_school',
    title: 'Children leaving home education who returned to school',
    description:
      'Of the children who came off the elective home education register in the period, the percentage who went back to ' +
      'school (rather than moving away, reaching 16 or having their education found unsuitable). Contextual: no target.',
    unit: 'percent',
    polarity: 'higher',
    target: null,
    tolerance: 0,
    benchmarkable: false,
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: `SELECT e.end_date AS at, e.child_id || '|' || e.start_date AS unit_id, (e.end_reason = 'SCHOOL')::int AS num, 1 AS den,
        NULL::float AS val, ${dims('e.end_date')}
      FROM ehe_registration e WHERE e.end_date IS NOT NULL`,
    },
  },
];
