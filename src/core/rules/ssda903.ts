// Row rules of the SSDA903 tables that need more than one field. Single-field rules (valid date,
// valid code) are checked while parsing; rules across rows and files run in SQL after staging.
import type { IsoDate } from '../dates.ts';
import { PLACE_WITHOUT_PROVIDER } from '../codes.ts';
import { checkOrder, type RuleIssue } from './issue.ts';

export interface HeaderRow {
  child: string;
  sex: number;
  dob: IsoDate;
  ethnic: string;
  upn: string;
  mother: string | null;
  mcDob: IsoDate | null;
}

export interface EpisodeRow {
  child: string;
  decom: IsoDate;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  placeProvider: string | null;
  dec: IsoDate | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePost: string | null;
  plPost: string | null;
  urn: string | null;
}

export interface MissingRow {
  child: string;
  dob: IsoDate;
  missing: string;
  misStart: IsoDate;
  misEnd: IsoDate | null;
}

export interface Oc3Row {
  child: string;
  dob: IsoDate;
  inTouch: string;
  activ: string | null;
  accom: string | null;
}

/** The last day of a collection year (2024 = 2024-25, ending 31 March 2025). */
export function collectionYearEnd(fy: number): IsoDate {
  return `${fy + 1}-03-31`;
}

export function headerRules(r: HeaderRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (r.mother === '1' && r.mcDob === null) {
    issues.push({ field: 'MC_DOB', rule: '611', message: "The child is a mother but the date of birth of her child is blank." });
  }
  checkOrder(issues, r.dob, r.mcDob, 'MC_DOB', '171', "The date of birth of the mother's child is before the mother's own date of birth.");
  return issues;
}

export function episodeRules(r: EpisodeRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.decom, r.dec, 'DEC', '356', 'The date the episode ceased is before the date it started.');
  if ((r.dec === null) !== (r.rec === null)) {
    issues.push({
      field: r.dec === null ? 'DEC' : 'REC',
      rule: '148',
      message: 'The date and the reason the episode ceased must both be given, or both left blank.',
    });
  }
  if (r.placeProvider !== null && PLACE_WITHOUT_PROVIDER.includes(r.place)) {
    issues.push({ field: 'PLACE_PROVIDER', rule: '213', message: `No placement provider is recorded for placement type ${r.place}.` });
  }
  return issues;
}

export function missingRules(r: MissingRow, fy: number | null): RuleIssue[] {
  const issues: RuleIssue[] = [];
  checkOrder(issues, r.misStart, r.misEnd, 'MIS_END', '567', 'The missing episode ended before it started.');
  checkOrder(issues, r.dob, r.misStart, 'MIS_START', 'before-birth', 'The missing episode starts before the date of birth.');
  if (fy !== null && r.misStart > collectionYearEnd(fy)) {
    issues.push({ field: 'MIS_START', rule: '570', message: `The missing episode starts after the end of the collection year (${collectionYearEnd(fy)}).` });
  }
  return issues;
}

export function oc3Rules(r: Oc3Row): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (r.activ === null || r.accom === null) {
    issues.push({
      field: r.activ === null ? 'ACTIV' : 'ACCOM',
      rule: '153',
      message: 'Being in touch, activity and accommodation must all be coded, or all left blank.',
    });
    return issues;
  }
  if ((r.inTouch === 'DIED' || r.inTouch === 'RHOM') && (r.activ !== '0' || r.accom !== '0')) {
    issues.push({
      field: r.activ !== '0' ? 'ACTIV' : 'ACCOM',
      rule: '344',
      message: 'The young person has died or returned home, so activity and accommodation must be 0.',
    });
  }
  if (r.inTouch === 'YES' && (r.activ === '0' || r.accom === '0')) {
    issues.push({
      field: r.activ === '0' ? 'ACTIV' : 'ACCOM',
      rule: '345',
      message: 'The authority is in touch with the young person, so activity and accommodation cannot be 0.',
    });
  }
  return issues;
}
