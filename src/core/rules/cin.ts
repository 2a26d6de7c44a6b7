// Row rules of the CIN census tables and the early help export that need more than one field.
// Rule numbers are the DfE CIN census validation rules (docs/dfe-reference.md §3.5) where one exists.
import { LOCAL_SOURCE, NO_FACTORS, type LocalSource, type ReferralSource } from '../cin.ts';
import type { IsoDate } from '../dates.ts';
import { checkOrder, type RuleIssue } from './issue.ts';

export interface CinReferralRow {
  child: string;
  birthDate: IsoDate | null;
  gender: string;
  ethnicity: string | null;
  referralDate: IsoDate;
  source: ReferralSource;
  localSource: LocalSource | null;
  primaryNeed: string | null;
  nfa: boolean;
  closureDate: IsoDate | null;
  closureReason: string | null;
}

export interface CinAssessmentRow {
  child: string;
  referralDate: IsoDate;
  start: IsoDate;
  review: IsoDate | null;
  authorised: IsoDate | null;
  factors: string[];
}

export interface EarlyHelpRow {
  episode: string;
  child: string;
  birthDate: IsoDate | null;
  start: IsoDate;
  end: IsoDate | null;
  level: string;
  leadAgency: string;
  source: string;
  outcome: string | null;
}

export function cinReferralRules(r: CinReferralRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.referralDate, r.closureDate, 'CINclosureDate', '8630', 'The CIN closure date is before the referral date.');
  if (r.closureDate !== null && r.closureReason === null) {
    issues.push({ field: 'ReasonForClosure', rule: '8805', message: 'The case is closed (CINclosureDate) but ReasonForClosure is blank.' });
  }
  if (r.closureDate === null && r.closureReason !== null) {
    issues.push({ field: 'CINclosureDate', rule: '8810', message: `ReasonForClosure is ${r.closureReason} but CINclosureDate is blank.` });
  }
  if (r.localSource !== null && LOCAL_SOURCE[r.localSource].census !== r.source) {
    const local = LOCAL_SOURCE[r.localSource];
    issues.push({
      field: 'LocalReferralSource',
      rule: 'local-source',
      message: `${r.localSource} (${local.label}) is a sub-code of ReferralSource ${local.census}, but ReferralSource is ${r.source}.`,
    });
  }
  return issues;
}

export function cinAssessmentRules(r: CinAssessmentRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.referralDate, r.start, 'AssessmentActualStartDate', '1103', 'The assessment start date is before the referral date.');
  checkOrder(issues, r.start, r.authorised, 'AssessmentAuthorisationDate', '8608', 'The assessment authorisation date is before its start date.');
  checkOrder(issues, r.start, r.review, 'AssessmentInternalReviewDate', 'review-before-start', 'The internal review date is before the assessment started.');
  if (r.factors.includes(NO_FACTORS) && r.factors.length > 1) {
    issues.push({ field: 'AssessmentFactors', rule: '8869', message: 'Factor 21 (no factors identified) cannot be used with any other factor.' });
  }
  return issues;
}

export function earlyHelpRules(r: EarlyHelpRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.start, r.end, 'EndDate', 'end-before-start', 'The episode ends before it starts.');
  if (r.end !== null && r.outcome === null) issues.push({ field: 'Outcome', rule: 'outcome', message: 'The episode has ended (EndDate) but Outcome is blank.' });
  if (r.end === null && r.outcome !== null) issues.push({ field: 'EndDate', rule: 'outcome', message: `Outcome is ${r.outcome} but the episode has no EndDate.` });
  return issues;
}
