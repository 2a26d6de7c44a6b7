// The shape of an SSDA903 rule case for test/importers/ssda903-rules.test.ts: rows of this year's
// return that break the rule (fail) and rows that do not (pass). Each case's child is {c} in its
// rows (a second child {c}b); {n} is a number unique to the case (for UPNs). Per-area case lists
// (ssda903-cases-<area>.ts) are run together with the base ones, one import per collection year.
export type Table = 'header' | 'episodes' | 'missing' | 'oc3' | 'reviews' | 'uasc' | 'oc2' | 'ad1' | 'placed_adoption' | 'prev_perm' | 'sw_episodes' | 'dolo';
/** Rows of this year's return, and (key ending _last) of last year's. */
export type Rows = Partial<Record<Table | `${Table}_last`, string[]>>;
export interface Case { code: string; fy: number; fail: Rows; pass: Rows }


/** A `rule(code, fail, pass, fy = 2025)` that adds cases to `list`. */
export function caseList(list: Case[]) {
  return (code: string, fail: Rows, pass: Rows, fy = 2025) => void list.push({ code, fy, fail, pass });
}

/** Row templates shared by the case lists: a plain Header row and an open episode begun 01/05/2025. */
export const H = '{c},F,01/01/2010,WBRI,UN1,0,';
export const EP = '{c},01/05/2025,S,C2,N1,U4,PR1,,,,,,';
