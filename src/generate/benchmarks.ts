// Comparator figures for England and the statistical neighbours, per financial year. Percentages
// are in the indicator's unit (0-100); levels echo published national figures (EHCPs within 20
// weeks around 50%, care leavers NEET around 38%) with small year-to-year movement. Only rates and
// averages: a count (children missing, the home education register) depends on the size of the
// area, so England's total says nothing about one council's (those indicators are not benchmarkable);
// nor return home interviews, which the DfE does not collect.
import type { Cell } from './csv.ts';
import type { Random } from './random.ts';

const LEVELS: readonly (readonly [indicator: string, england: number, neighbours: number, drift: number])[] = [
  ['ehcp_20wk_incl', 48.5, 52, -1.2],
  ['ehcp_20wk_excl', 50.5, 54, -1.2],
  ['care_leavers_neet', 38, 40, 0.3],
  // Children in need 2023-24: about 540 referrals per 10,000 children, 22% re-referred, 83% of
  // assessments within 45 working days.
  ['referrals_per_10k', 538, 565, -4],
  ['re_referrals_12m', 22.2, 21.5, 0.2],
  ['assessments_45_days', 82.8, 85.5, 0.4],
  // Children's social work workforce, year to September 2023: turnover 15.9%, agency 17.8%,
  // vacancies 18.9%, caseload 16.0.
  ['workforce_turnover_rate', 15.9, 16.8, -0.4],
  ['workforce_agency_rate', 17.8, 16.2, -0.3],
  ['workforce_vacancy_rate', 18.9, 17.4, -0.5],
  ['workforce_caseload', 16, 16.4, -0.2],
];

/** Rows of Indicator, Area, Year, Value for each year given (financial year start). */
export function benchmarkRows(r: Random, years: readonly number[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const [indicator, england, neighbours, drift] of LEVELS) {
    years.forEach((fy, i) => {
      const trend = drift * (i - years.length + 1);
      for (const [area, level] of [['England', england], ['Statistical neighbours', neighbours]] as const) {
        rows.push([indicator, area, fy, Math.round((level + trend + r.normal(0, 0.6)) * 10) / 10]);
      }
    });
  }
  return rows;
}
