// Early help: help for a family before (or instead of) children's social care, led by a school,
// family hub, health or the council's own early help team. There is no DfE return, so the codes
// are csinsight's own case-system layout (docs/formats.md); levels follow the usual "continuum of
// need" (universal plus, targeted).
import { addMonths, type IsoDate } from './dates.ts';

export const EARLY_HELP_LEVEL = {
  UNIVERSAL_PLUS: 'Universal plus (single agency)',
  TARGETED: 'Targeted early help (team around the family)',
} as const;
export type EarlyHelpLevel = keyof typeof EARLY_HELP_LEVEL;

/** Where the episode came from. */
export const EARLY_HELP_SOURCE = {
  NEW: 'New request for help',
  STEP_DOWN: 'Stepped down from children’s social care',
} as const;

/** How an episode ended. */
export const EARLY_HELP_OUTCOME = {
  NEEDS_MET: 'Needs met',
  STEP_UP: 'Stepped up to children’s social care',
  STEP_DOWN_UNIVERSAL: 'Stepped down to universal services',
  DISENGAGED: 'Family disengaged or declined',
  MOVED_AWAY: 'Moved away',
} as const;
export type EarlyHelpOutcome = keyof typeof EARLY_HELP_OUTCOME;

/** The agency of the lead professional. */
export const LEAD_AGENCY = {
  SCHOOL: 'School or college',
  FAMILY_HUB: 'Family hub',
  HEALTH: 'Health',
  EARLY_HELP_TEAM: 'Council early help team',
  VOLUNTARY: 'Voluntary sector',
  OTHER: 'Other',
} as const;

/** Outcomes that mean help ended well: the family's needs were met, or universal services carry on. */
export const GOOD_ENDINGS: readonly EarlyHelpOutcome[] = ['NEEDS_MET', 'STEP_DOWN_UNIVERSAL'];

/** A family whose early help ended well and who is referred to social care within this long is counted as returning. */
export const RETURN_MONTHS = 12;

/** Whether a referral to children's social care on `referral` is within 12 months after an episode closed on `closed`. */
export function referredWithinWindow(closed: IsoDate, referral: IsoDate): boolean {
  return referral > closed && referral <= addMonths(closed, RETURN_MONTHS);
}
