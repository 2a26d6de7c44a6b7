// Which published figures of Explore Education Statistics (EES) files stand for which csinsight
// indicators: one declarative mapping per publication's data set. A file is recognised by its
// leading geography columns (GEOGRAPHY_COLUMNS) and then by the mapping whose columns it has;
// a file with no mapping is refused, never imported as nothing. Each mapping says where its
// column names were checked: against a real file, or only against the DfE's published guidance.

/** The columns every EES data file begins with (in this order, or with new and old LA code swapped). */
export const GEOGRAPHY_COLUMNS = [
  'time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name',
  'region_code', 'region_name', 'new_la_code', 'old_la_code', 'la_name',
] as const;

/**
 * A measure: the column holding the figure (in the indicator's unit, 0-100 for a percentage),
 * optionally the count and total it is worked out from, and for a long ("filter, measure") file
 * or a breakdown, the filter values that pick the row.
 */
export interface EesMeasure {
  /** A csinsight indicator id, or a PUBLISHED_ONLY measure id. */
  indicator: string;
  value: string;
  numerator?: string;
  denominator?: string;
  where?: Readonly<Record<string, string>>;
}

export interface EesMapping {
  id: string;
  publication: string;
  dataSet: string;
  /** Where the column names and filter values come from. */
  checked: string;
  measures: readonly EesMeasure[];
}

/**
 * Measures the DfE publishes that csinsight does not compute yet: stored when imported, so an
 * indicator added later has its history, but shown nowhere until then.
 */
export const PUBLISHED_ONLY: Readonly<Record<string, string>> = {
  care_leavers_neet_17_18: 'Care leavers aged 17 to 18 not in education, employment or training',
  placements_3_or_more: 'Children looked after at 31 March with three or more placements during the year',
  long_term_placement_stability: 'Children looked after for 2.5 years or more, in the same placement for 2 years',
};

const EHCP = 'Education, health and care plans';
const CLA = 'Children looked after in England including adoptions';
const NOT_CHECKED = 'not checked against a real file';

export const EES_MAPPINGS: readonly EesMapping[] = [
  {
    id: 'ehcp_timeliness',
    publication: EHCP,
    dataSet: 'EHC plans issued within 20 weeks (calendar year), England, regions and local authorities',
    checked: 'checked against a real file: ehcp_timeliness_20_week.csv, calendar years 2019 to 2024 (test/fixtures/ees)',
    measures: [
      {
        indicator: 'ehcp_20wk_incl',
        value: 'pc_plans_issued_within_20_weeks',
        numerator: 'plans_issued_within_20_weeks',
        denominator: 'plans_issued_den',
        where: { breakdown_topic: 'All EHC plans issued', breakdown: 'All EHC plans issued' },
      },
      {
        indicator: 'ehcp_20wk_excl',
        value: 'PC_plans_issued_20_weeks_ex',
        numerator: 'plans_issued_20_weeks_ex',
        denominator: 'plans_issued_den_ex',
        where: { breakdown_topic: 'All EHC plans issued', breakdown: 'All EHC plans issued' },
      },
    ],
  },
  {
    id: 'ehcp_requests',
    publication: EHCP,
    dataSet: 'Requests for an EHC needs assessment and their outcomes (calendar year)',
    // The header is the data catalogue's preview of the 2019-2024 data set (breakdown "All requests
    // for EHC needs assessments"; the 2019-2025 one says "All requests for an EHC needs assessment").
    checked: `${NOT_CHECKED}: column names from the EES data catalogue's preview of the data set, not a downloaded file`,
    measures: [
      {
        indicator: 'ehcp_decision_6wk',
        value: 'request_outcome_six_weeks_pc',
        numerator: 'request_outcome_six_weeks',
        where: { breakdown_topic: 'All requests for EHC needs assessments', breakdown: 'All requests for EHC needs assessments' },
      },
    ],
  },
  {
    id: 'cla_missing',
    publication: CLA,
    dataSet: 'Children looked after who were missing or away from placement without authorisation, by local authority',
    // Columns (missing_status, number) from the data catalogue's preview; the filter values
    // below are the DfE's wording in the release tables and have not been seen in a file.
    checked: `${NOT_CHECKED}: columns from the EES data catalogue's preview, filter values from the release's tables`,
    measures: [
      { indicator: 'missing_children', value: 'number', where: { missing_status: 'Number of children who went missing' } },
    ],
  },
  {
    id: 'cla_care_leavers_activity',
    publication: CLA,
    dataSet: "Care leavers' activity at ages 17 to 18 and 19 to 21, by local authority",
    checked: `${NOT_CHECKED}: columns and filter values from the DfE's release tables`,
    measures: [
      {
        indicator: 'care_leavers_neet_oc3',
        value: 'percentage',
        where: { age: '19 to 21 years', activity: 'Total not in education, employment or training' },
      },
      {
        indicator: 'care_leavers_neet_17_18',
        value: 'percentage',
        where: { age: '17 to 18 years', activity: 'Total not in education, employment or training' },
      },
    ],
  },
  {
    id: 'cla_placement_stability',
    publication: CLA,
    dataSet: 'Placement stability of children looked after at 31 March, by local authority',
    checked: `${NOT_CHECKED}: columns and filter values from the DfE's release tables`,
    measures: [
      { indicator: 'placements_3_or_more', value: 'percentage', where: { placement_stability: 'Three or more placements during the year' } },
      { indicator: 'long_term_placement_stability', value: 'percentage', where: { placement_stability: 'Same placement for at least 2 years' } },
    ],
  },
];

const lower = (s: string) => s.trim().toLowerCase();

/** Every column a mapping reads: measure columns and filter columns. */
export function mappingColumns(m: EesMapping): string[] {
  const cols = m.measures.flatMap((x) => [x.value, x.numerator, x.denominator, ...Object.keys(x.where ?? {})]);
  return [...new Set(cols.filter((c): c is string => !!c).map(lower))];
}

/** Filter columns of a mapping: with the geography, they identify a row. */
export function filterColumns(m: EesMapping): string[] {
  return [...new Set(m.measures.flatMap((x) => Object.keys(x.where ?? {})).map(lower))];
}

/** True when a header starts like an EES data file (the geography columns, in any order). */
export function isEesHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(lower));
  return GEOGRAPHY_COLUMNS.every((c) => names.has(c));
}

/** The mapping for a file's header, or null. */
export function mappingFor(header: readonly string[]): EesMapping | null {
  const names = new Set(header.map(lower));
  return EES_MAPPINGS.find((m) => mappingColumns(m).every((c) => names.has(c))) ?? null;
}

/** The columns of an EES header other than the geography: what a mapping would have to read. */
export function measureColumns(header: readonly string[]): string[] {
  const geo = new Set<string>(GEOGRAPHY_COLUMNS);
  return header.filter((h) => !geo.has(lower(h)));
}
