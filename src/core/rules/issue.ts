// A broken rule on one row: the column it is about, the rule (the DfE rule number where the DfE has
// one, otherwise a short name) and a message in plain English.
import type { IsoDate } from '../dates.ts';

export interface RuleIssue {
  field: string;
  rule: string;
  message: string;
  /** Every field the rule is about (for the values in the report), when more than `field`. */
  fields?: readonly string[];
}

/** Adds an issue when `end` is before `start` (both known). */
export function checkOrder(
  issues: RuleIssue[],
  start: IsoDate | null,
  end: IsoDate | null,
  field: string,
  rule: string,
  message: string,
): void {
  if (start !== null && end !== null && end < start) issues.push({ field, rule, message });
}
