// Child protection in the CIN census (DfE; Working Together to Safeguard Children): section 47
// enquiries and initial child protection conferences (ICPC), child protection plans and their
// reviews. The timescales here are the ones the DfE's published measures use.
import { addMonths, type IsoDate } from './dates.ts';
import { addWorkingDays } from './cin.ts';

/** InitialCategoryOfAbuse / LatestCategoryOfAbuse (census code set). */
export const CATEGORY_OF_ABUSE = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple categories',
} as const;
export type CategoryOfAbuse = keyof typeof CATEGORY_OF_ABUSE;

/**
 * The ICPC is held within 15 working days of the strategy discussion that starts the section 47
 * enquiry (Working Together; the DfE's "ICPCs within 15 working days" counts from S47ActualStartDate).
 */
export const ICPC_WORKING_DAYS = 15;

export function icpcDueDate(s47Start: IsoDate): IsoDate {
  return addWorkingDays(s47Start, ICPC_WORKING_DAYS);
}

/** A plan open this long or longer counts in the DfE's "plans lasting two years or more". */
export const LONG_PLAN_YEARS = 2;

/** First review conference within 3 months of the plan starting, later ones within 6 months of the last. */
export const FIRST_REVIEW_MONTHS = 3;
export const LATER_REVIEW_MONTHS = 6;

/**
 * Whether every review a plan needed by `on` was held in time: the first within 3 months of the
 * start, each later one within 6 months of the one before (the DfE's measure is of children on a
 * plan at 31 March for at least 3 months). Reviews after `on` are not looked at.
 */
export function reviewsOnTime(start: IsoDate, reviews: readonly IsoDate[], on: IsoDate): boolean {
  let due = addMonths(start, FIRST_REVIEW_MONTHS);
  for (const r of [...reviews].filter((d) => d <= on).sort()) {
    if (r > due) return false;
    due = addMonths(r, LATER_REVIEW_MONTHS);
  }
  return due >= on;
}

/** The CIN census year ending 31 March `year` (the Header's Year): 1 April the year before to 31 March. */
export function censusYear(year: number): { year: number; start: IsoDate; end: IsoDate } {
  return { year, start: `${year - 1}-04-01`, end: `${year}-03-31` };
}
