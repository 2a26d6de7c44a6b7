// Comparator figures for England and the statistical neighbours, per financial year. Percentages
// are in the indicator's unit (0-100); levels echo published national figures (EHCPs within 20
// weeks around 50%, care leavers NEET around 38%) with small year-to-year movement.
// missing_children is a count: England's is the national total, the neighbours' their average.
import type { Cell } from './csv.ts';
import type { Random } from './random.ts';

const LEVELS: readonly (readonly [indicator: string, england: number, neighbours: number, drift: number])[] = [
  ['ehcp_20wk_incl', 48.5, 52, -1.2],
  ['ehcp_20wk_excl', 50.5, 54, -1.2],
  ['care_leavers_neet', 38, 40, 0.3],
  ['rhi_offered_72h', 72, 70, 1],
  ['missing_children', 16_000, 240, 150],
  // Children in need 2023-24: about 540 referrals per 10,000 children, 22% re-referred, 83% of
  // assessments within 45 working days.
  ['referrals_per_10k', 538, 565, -4],
  ['re_referrals_12m', 22.2, 21.5, 0.2],
  ['assessments_45_days', 82.8, 85.5, 0.4],
  // Children's social work workforce, year to September 2023: turnover 15.9%, agency 17.8%,
  // vacancies 18.9%, caseload 16.0. Elective home education: about 92,000 children on the autumn
  // 2023 census day and 126,000 in autumn 2025 (a count, like missing_children).
  ['workforce_turnover_rate', 15.9, 16.8, -0.4],
  ['workforce_agency_rate', 17.8, 16.2, -0.3],
  ['workforce_vacancy_rate', 18.9, 17.4, -0.5],
  ['workforce_caseload', 16, 16.4, -0.2],
  ['ehe_children', 112_000, 330, 11_000],
];
const COUNTS = new Set(['missing_children', 'ehe_children']);

/** Rows of Indicator, Area, Year, Value for each year given (financial year start). */
export function benchmarkRows(r: Random, years: readonly number[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const [indicator, england, neighbours, drift] of LEVELS) {
    const count = COUNTS.has(indicator);
    years.forEach((fy, i) => {
      const trend = drift * (i - years.length + 1);
      for (const [area, level] of [['England', england], ['Statistical neighbours', neighbours]] as const) {
        const wobble = count ? r.normal(0, level * 0.02) : r.normal(0, 0.6);
        const value = level + (count ? (trend * level) / england : trend) + wobble;
        rows.push([indicator, area, fy, count ? Math.round(value) : Math.round(value * 10) / 10]);
      }
    });
  }
  return rows;
}
