// Row rules of an SEN2 request with its plan (the SEN2 XML's Person, Requests, Assessment,
// NamedPlan and ActivePlans, or the same as CSV): the request rules of the case-system file, and
// those of what SEN2 adds about the plan once issued (when and why it ceased, its last review).
import type { IsoDate } from '../dates.ts';
import { checkOrder, type RuleIssue } from './issue.ts';
import { ehcpRequestRules, type EhcpRequestRow } from './sen2.ts';

export interface Sen2RequestRow extends EhcpRequestRow {
  senSetting: string | null;
  ceaseDate: IsoDate | null;
  ceaseReason: string | null;
  lastReview: IsoDate | null;
}

/** SEN2 identifies a request by the child and the day it was received: the stored RequestID. */
export function sen2RequestId(personId: string, received: IsoDate): string {
  return `${personId}/${received}`;
}

export function sen2RequestRules(r: Sen2RequestRow): RuleIssue[] {
  const issues = ehcpRequestRules(r);
  const noPlan = r.startDate === null;
  if (noPlan && (r.ceaseDate !== null || r.lastReview !== null || r.senSetting !== null)) {
    const field = r.ceaseDate !== null ? 'CeaseDate' : r.lastReview !== null ? 'LastReview' : 'SENSetting';
    issues.push({ field, rule: 'plan-detail-without-plan', message: `${field} is only given for a plan that was issued (a StartDate).` });
  }
  checkOrder(issues, r.startDate, r.ceaseDate, 'CeaseDate', 'end-before-start', 'The plan ceased before it started.');
  checkOrder(issues, r.startDate, r.lastReview, 'LastReview', 'end-before-start', 'The last annual review is dated before the plan started.');
  checkOrder(issues, r.lastReview, r.ceaseDate, 'LastReview', 'review-after-cease', 'The last annual review is dated after the plan ceased.');
  if ((r.ceaseDate === null) !== (r.ceaseReason === null)) {
    issues.push({ field: r.ceaseDate === null ? 'CeaseDate' : 'CeaseReason', rule: 'cease-pair', message: 'A plan that ceased needs both CeaseDate and CeaseReason.' });
  }
  return issues;
}
