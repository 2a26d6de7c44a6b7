// Row rules of the case-system exports that are not DfE returns (see docs/formats.md).
import type { IsoDate } from '../dates.ts';
import { checkOrder, type RuleIssue } from './issue.ts';

export interface LeaverActivityRow {
  child: string;
  activ: string;
  start: IsoDate;
  end: IsoDate | null;
}

export function leaverActivityRules(r: LeaverActivityRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.start, r.end, 'END', 'end-before-start', 'The activity ends before it starts.');
  return issues;
}
