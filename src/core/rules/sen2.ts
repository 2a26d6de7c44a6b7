// Row rules of the EHCP request and advice files (SEN2 items plus local milestones).
import type { IsoDate } from '../dates.ts';
import type { ExceptionReason, Partner, Sen2Outcome } from '../ehcp.ts';
import { checkOrder, type RuleIssue } from './issue.ts';

export interface EhcpRequestRow {
  requestId: string;
  personId: string;
  personBirthDate: IsoDate;
  sex: 'M' | 'F' | 'U' | null;
  receivedDate: IsoDate;
  requestOutcomeDate: IsoDate | null;
  requestOutcome: Sen2Outcome;
  assessmentOutcomeDate: IsoDate | null;
  assessmentOutcome: Sen2Outcome | null;
  week20: boolean;
  exceptionReason: ExceptionReason | null;
  draftPlanDate: IsoDate | null;
  startDate: IsoDate | null;
  senType: string | null;
}

export interface EhcpAdviceRow {
  requestId: string;
  partner: Partner;
  requestedDate: IsoDate;
  receivedDate: IsoDate | null;
}

export function ehcpRequestRules(r: EhcpRequestRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.personBirthDate, r.receivedDate, 'ReceivedDate', 'before-birth', 'The request was received before the date of birth.');
  checkOrder(issues, r.receivedDate, r.requestOutcomeDate, 'RequestOutcomeDate', 'end-before-start', 'The request outcome date is before the date the request was received.');
  if (r.requestOutcome !== 'A' && r.requestOutcomeDate === null) {
    issues.push({ field: 'RequestOutcomeDate', rule: 'required', message: `A request outcome of ${r.requestOutcome} needs the date of the decision.` });
  }
  if (r.assessmentOutcome !== null && r.requestOutcome !== 'Y') {
    issues.push({ field: 'AssessmentOutcome', rule: 'assessment-without-request', message: 'An assessment outcome is only given when the request outcome is Y (assessment agreed).' });
  }
  if (r.startDate !== null && r.assessmentOutcome !== 'Y') {
    issues.push({ field: 'StartDate', rule: 'plan-without-decision', message: 'A plan start date is only given when the assessment outcome is Y (plan to be issued).' });
  }
  checkOrder(issues, r.receivedDate, r.startDate, 'StartDate', 'end-before-start', 'The plan was issued before the request was received.');
  checkOrder(issues, r.receivedDate, r.draftPlanDate, 'DraftPlanDate', 'end-before-start', 'The draft plan is dated before the request was received.');
  checkOrder(issues, r.draftPlanDate, r.startDate, 'DraftPlanDate', 'draft-after-final', 'The draft plan is dated after the final plan was issued.');
  if (r.exceptionReason !== null && !r.week20) {
    issues.push({ field: 'ExceptionReason', rule: 'exception-without-week20', message: 'An exception reason is only given when Week20 is Y (an exception to the 20-week limit applies).' });
  }
  return issues;
}

export function ehcpAdviceRules(r: EhcpAdviceRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.requestedDate, r.receivedDate, 'ReceivedDate', 'end-before-start', 'The advice was received before it was requested.');
  return issues;
}
