// Elective home education (EHE): the register's codes and the rules a row must keep. There is no
// statutory DfE return of individual children; the primary reasons are the categories of the DfE's
// EHE data collection (published as "Elective home education" statistics from autumn 2022), with
// short local codes. SEN provision uses the school census codes N, K and E.
import { ageOn, type IsoDate } from './dates.ts';
import type { RuleIssue } from './rules/issue.ts';

export const EHE_REASONS = {
  PHILOSOPHICAL: 'Philosophical or preferential reasons',
  LIFESTYLE: 'Lifestyle choice',
  RELIGIOUS: 'Religious grounds',
  MENTAL_HEALTH: 'Mental health',
  PHYSICAL_HEALTH: 'Physical health',
  COVID: 'Health concerns relating to COVID-19',
  DISSATISFIED: 'Dissatisfaction with the school',
  BULLYING: 'Bullying',
  SEN: 'Special educational needs',
  SCHOOL_PLACE: 'Unable to get a place at the chosen school',
  EXCLUDED: 'Permanent exclusion',
  EXCLUSION_RISK: 'To avoid exclusion',
  OTHER: 'Other',
  NOT_GIVEN: 'Parent did not provide a reason',
  UNKNOWN: 'Unknown to the local authority',
} as const;
export type EheReason = keyof typeof EHE_REASONS;

/** Why a child came off the register. */
export const EHE_END_REASONS = {
  SCHOOL: 'Returned to school',
  MOVED: 'Moved out of the area',
  AGE: 'Reached the end of compulsory school age',
  CME: 'Education not suitable (now children missing education or a school attendance order)',
  OTHER: 'Other',
} as const;
export type EheEndReason = keyof typeof EHE_END_REASONS;

/** The child's status with children's social care, as the register knows it now. */
export const SOCIAL_CARE_STATUS = {
  NONE: 'Not known to social care',
  CIN: 'Child in need',
  CP: 'Child protection plan',
  CLA: 'Looked after',
} as const;
export type SocialCareStatus = keyof typeof SOCIAL_CARE_STATUS;

/** School census SEN provision. */
export const SEN_PROVISION = { N: 'No special educational need', K: 'SEN support', E: 'Education, health and care plan' } as const;
export type SenProvision = keyof typeof SEN_PROVISION;

/**
 * Ages the register accepts at StartDate: compulsory school age is 5 to 16, and a family may tell
 * the council at 4 that a child will not start school.
 */
export const EHE_AGES = [4, 16] as const;

export interface EheRow {
  child: string;
  dob: IsoDate;
  sex: 'M' | 'F' | 'U' | null;
  start: IsoDate;
  end: IsoDate | null;
  endReason: EheEndReason | null;
  reason: EheReason;
  engaged: boolean;
  socialCare: SocialCareStatus;
  sen: SenProvision;
}

export function eheRules(r: EheRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (r.end !== null && r.end < r.start) issues.push({ field: 'EndDate', rule: 'end-before-start', message: 'EndDate is before StartDate.' });
  if (r.end !== null && r.endReason === null) issues.push({ field: 'EndReason', rule: 'end-reason', message: 'A child who has come off the register (EndDate given) needs an EndReason.' });
  if (r.end === null && r.endReason !== null) issues.push({ field: 'EndDate', rule: 'end-reason', message: 'EndReason is given but EndDate is blank.' });
  if (r.dob >= r.start) {
    issues.push({ field: 'DOB', rule: 'dob-after-start', message: 'DOB is on or after StartDate.' });
  } else {
    const age = ageOn(r.dob, r.start);
    if (age < EHE_AGES[0] || age > EHE_AGES[1]) {
      issues.push({
        field: 'StartDate',
        rule: 'school-age',
        message: `The child was ${age} at StartDate; the register holds children of compulsory school age (${EHE_AGES[0]} to ${EHE_AGES[1]} here).`,
      });
    }
  }
  return issues;
}
