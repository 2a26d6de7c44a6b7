// The social care workforce: the monthly figures a team returns, the rules a row must keep, and
// how two monthly series are compared (workforce stability beside timeliness). Definitions follow
// the DfE's Children's social work workforce collection (reporting year to 30 September):
//   turnover rate = leavers FTE in the year / FTE in post at the end of it
//   agency rate   = agency FTE / (agency FTE + FTE in post)
//   vacancy rate  = vacancies FTE / (vacancies FTE + FTE in post)
//   caseload      = cases / case-holding FTE
// England, year to September 2023: turnover 15.9%, agency 17.8%, vacancies 18.9%, caseload 16.0.
import type { IsoDate } from './dates.ts';
import type { RuleIssue } from './rules/issue.ts';

export interface WorkforceRow {
  /** First day of the month the figures describe. */
  month: IsoDate;
  team: string;
  employedFte: number;
  agencyFte: number;
  vacantFte: number;
  startersFte: number;
  leaversFte: number;
  cases: number;
  caseHoldingFte: number;
  trainingRequired: number;
  trainingCompleted: number;
}

/** CSV column of each figure, for messages. */
const WORKFORCE_FIELDS: Record<Exclude<keyof WorkforceRow, 'month' | 'team'>, string> = {
  employedFte: 'EmployedFTE',
  agencyFte: 'AgencyFTE',
  vacantFte: 'VacantFTE',
  startersFte: 'StartersFTE',
  leaversFte: 'LeaversFTE',
  cases: 'Cases',
  caseHoldingFte: 'CaseHoldingFTE',
  trainingRequired: 'TrainingRequired',
  trainingCompleted: 'TrainingCompleted',
};

const WHOLE_NUMBERS = new Set<keyof WorkforceRow>(['cases', 'trainingRequired', 'trainingCompleted']);

/** A team's month is rejected when a figure is negative, a count is fractional or the parts exceed the whole. */
export function workforceRules(r: WorkforceRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [key, field] of Object.entries(WORKFORCE_FIELDS) as [keyof typeof WORKFORCE_FIELDS, string][]) {
    const v = r[key];
    if (v < 0) issues.push({ field, rule: 'negative', message: `${field} must not be negative (it is ${v}).` });
    else if (WHOLE_NUMBERS.has(key) && !Number.isInteger(v)) issues.push({ field, rule: 'whole-number', message: `${field} must be a whole number (it is ${v}).` });
  }
  if (issues.length) return issues;
  // Rounding in a payroll export can leave a few hundredths over.
  if (r.caseHoldingFte > r.employedFte + r.agencyFte + 0.05) {
    issues.push({
      field: 'CaseHoldingFTE',
      rule: 'case-holders',
      message: `CaseHoldingFTE (${r.caseHoldingFte}) is more than the social workers in post and agency together (${round1(r.employedFte + r.agencyFte)}).`,
    });
  }
  if (r.cases > 0 && r.caseHoldingFte === 0) {
    issues.push({ field: 'CaseHoldingFTE', rule: 'no-case-holders', message: `The team holds ${r.cases} cases but CaseHoldingFTE is 0.` });
  }
  if (r.trainingCompleted > r.trainingRequired) {
    issues.push({
      field: 'TrainingCompleted',
      rule: 'training-over',
      message: `TrainingCompleted (${r.trainingCompleted}) is more than TrainingRequired (${r.trainingRequired}).`,
    });
  }
  return issues;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A month as `YYYY-MM`, `MM/YYYY` or any date in it; its first day, or null. */
export function parseMonth(text: string): IsoDate | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  let year: number;
  let month: number;
  let day = 1;
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  } else if ((m = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(s))) {
    [day, month, year] = [m[1] ? Number(m[1]) : 1, Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (month < 1 || month > 12 || year < 1900) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export interface Correlation {
  /** Pearson's r, -1 to 1. */
  r: number;
  /** Months in which both series have a figure. */
  months: number;
}

/** Fewer paired months than this say nothing worth reporting. */
export const MIN_PAIRED_MONTHS = 6;

/** Pearson correlation over the months where both have a value; null when too few or one is flat. */
export function correlation(xs: readonly (number | null)[], ys: readonly (number | null)[]): Correlation | null {
  const pairs: [number, number][] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x !== null && x !== undefined && y !== null && y !== undefined) pairs.push([x, y]);
  }
  if (pairs.length < MIN_PAIRED_MONTHS) return null;
  const mean = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0) / pairs.length;
  const [mx, my] = [mean(0), mean(1)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return { r: sxy / Math.sqrt(sxx * syy), months: pairs.length };
}

/** One comparison for describeCorrelations: the workforce measure's name and its correlation. */
export interface NamedCorrelation {
  name: string;
  correlation: Correlation | null;
}

/** The strength as a councillor reads it: "a weak link". */
const STRENGTH_WORD: Record<string, string> = { strongly: 'strong', moderately: 'moderate', weakly: 'weak' };

function strength(r: number): string | null {
  const size = Math.abs(r);
  return size >= 0.7 ? 'strongly' : size >= 0.4 ? 'moderately' : size >= 0.2 ? 'weakly' : null;
}

/**
 * How an outcome (e.g. "EHC plans within 20 weeks") moved with each workforce measure, in words a
 * councillor can weigh. It describes only: that they moved together is not that one caused the other.
 * `statistic`: give the correlation coefficient too ("r = 0.22"), for officers who analyse it; a
 * councillor reads the strength in words.
 */
export function describeCorrelations(outcome: string, comparisons: readonly NamedCorrelation[], options: { statistic?: boolean } = {}): string {
  const known = comparisons.filter((c): c is { name: string; correlation: Correlation } => c.correlation !== null);
  if (known.length === 0) {
    return `There are fewer than ${MIN_PAIRED_MONTHS} months with figures for both (some may be withheld because they rest on small numbers), so no comparison is made.`;
  }
  const parts = known.map(({ name, correlation: c }) => {
    const r = options.statistic ? `r = ${c.r.toFixed(2)} over ${c.months} months` : `over ${c.months} months`;
    const s = strength(c.r);
    if (!s) return `${outcome} and ${name} did not move together in any clear way (${r})`;
    return `when ${name} was higher, ${outcome} tended to be ${c.r < 0 ? 'lower' : 'higher'} (${options.statistic ? `${s} correlated` : `a ${STRENGTH_WORD[s]} link`}, ${r})`;
  });
  const missing = comparisons.length - known.length;
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.${missing ? ` Other measures have fewer than ${MIN_PAIRED_MONTHS} months to compare.` : ''}`;
}
