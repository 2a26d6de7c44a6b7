// Children missing from home or care (Statutory guidance on children who run away or go missing
// from home or care, DfE 2014): an independent return home interview is to be offered within
// 72 hours of the child's return. Dates in the 903 carry no time, so 72 hours is read as "no later
// than three days after the day of return".
import { addDays, daysBetween, type IsoDate } from './dates.ts';

export const RHI_DAYS = 3;
/** Repeat missing: three or more episodes in a rolling 12 months. */
export const REPEAT_EPISODES = 3;

/** MISSING codes in the SSDA903 Missing table. */
export const MISSING_TYPES = { M: 'Missing', A: 'Away from placement without authorisation' } as const;
export type MissingType = keyof typeof MISSING_TYPES;

export const EXPLOITATION_RISKS = {
  NONE: 'No exploitation concern recorded',
  CSE: 'Child sexual exploitation',
  CCE: 'Child criminal exploitation (including county lines)',
  BOTH: 'Sexual and criminal exploitation',
} as const;
export type ExploitationRisk = keyof typeof EXPLOITATION_RISKS;

export function rhiDueDate(returned: IsoDate): IsoDate {
  return addDays(returned, RHI_DAYS);
}

export function rhiOfferedInTime(returned: IsoDate, offered: IsoDate | null): boolean {
  return offered !== null && daysBetween(returned, offered) <= RHI_DAYS;
}
