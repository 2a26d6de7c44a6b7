// The DfE's yearly measures of the children's social work workforce, from its census (CSWW, as at
// 30 September; the year runs from 1 October), as the DfE's "Children's social work workforce"
// publication defines them:
//   turnover rate  = leavers' FTE in the year / FTE in post on 30 September
//   agency rate    = agency FTE / (agency FTE + FTE in post)
//   vacancy rate   = vacancies FTE / (vacancies FTE + FTE in post)
//   absence        = working days lost to sickness in the year per FTE in post, and the share of
//                    social workers in post absent on 30 September
//   caseload       = cases held on 30 September / FTE of the social workers holding them
// "In post" is a social worker employed by the authority (not agency) with no RoleEndDate.
import type { IsoDate } from './dates.ts';
import { checkOrder, type RuleIssue } from './rules/issue.ts';

export interface CswwWorkerRow {
  year: number;
  sweNo: string;
  agency: boolean;
  fte: number | null;
  orgRole: string | null;
  roleStart: IsoDate | null;
  roleEnd: IsoDate | null;
  reasonLeave: string | null;
  fte30: number | null;
  cases30: number | null;
  daysLost: number | null;
  absent: boolean;
}

export interface CswwVacancyRow {
  year: number;
  vacanciesFte: number;
  agencyFte: number;
  agencyHeadcount: number;
}

/** The census year's own dates: 1 October of the year before to 30 September. */
export function cswwYear(year: number): { start: IsoDate; end: IsoDate } {
  return { start: `${year - 1}-10-01`, end: `${year}-09-30` };
}

export function cswwWorkerRules(r: CswwWorkerRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [field, v] of [['FTE', r.fte], ['FTE30', r.fte30]] as const) {
    if (v !== null && (v < 0 || v > 1)) issues.push({ field, rule: 'fte', message: `${field} is a share of a full-time post, from 0 to 1 (it is ${v}).` });
  }
  if (r.cases30 !== null && (r.cases30 < 0 || !Number.isInteger(r.cases30))) issues.push({ field: 'Cases30', rule: 'whole-number', message: `Cases30 must be a whole number, not negative (it is ${r.cases30}).` });
  checkOrder(issues, r.roleStart, r.roleEnd, 'RoleEndDate', 'end-before-start', 'The role ended before it started.');
  if (r.roleEnd !== null && r.roleEnd > cswwYear(r.year).end) issues.push({ field: 'RoleEndDate', rule: 'after-census', message: `RoleEndDate ${r.roleEnd} is after the census date (${cswwYear(r.year).end}).` });
  if (r.reasonLeave !== null && r.roleEnd === null) issues.push({ field: 'ReasonLeave', rule: 'reason-without-leaving', message: 'A ReasonLeave is only given with a RoleEndDate.' });
  return issues;
}

/** What the measures are made of, summed over a year's records. */
export interface CswwSums {
  year: number;
  inPostFte: number;
  inPostHeadcount: number;
  leaversFte: number;
  absentHeadcount: number;
  daysLost: number;
  cases: number;
  caseHoldingFte: number;
  vacanciesFte: number | null;
  agencyFte: number | null;
}

export interface CswwMeasures {
  year: number;
  inPostFte: number;
  turnoverRate: number | null;
  agencyRate: number | null;
  vacancyRate: number | null;
  daysLostPerFte: number | null;
  absentRate: number | null;
  caseload: number | null;
}

const share = (part: number | null, whole: number) => (part === null || whole <= 0 ? null : (100 * part) / whole);

export function cswwMeasures(s: CswwSums): CswwMeasures {
  return {
    year: s.year,
    inPostFte: s.inPostFte,
    turnoverRate: share(s.leaversFte, s.inPostFte),
    agencyRate: s.agencyFte === null ? null : share(s.agencyFte, s.agencyFte + s.inPostFte),
    vacancyRate: s.vacanciesFte === null ? null : share(s.vacanciesFte, s.vacanciesFte + s.inPostFte),
    daysLostPerFte: s.inPostFte > 0 ? s.daysLost / s.inPostFte : null,
    absentRate: share(s.absentHeadcount, s.inPostHeadcount),
    caseload: s.caseHoldingFte > 0 ? s.cases / s.caseHoldingFte : null,
  };
}
