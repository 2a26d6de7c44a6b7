// The SSDA903 rule register: every DfE rule csinsight checks, with the DfE's code, the tables and
// fields it is about, a message in csinsight's words, how it is checked and the collection years it
// applies to. Row rules (ssda903.ts) and the SQL checks (importers/tables/ssda903-checks.ts) take
// their messages from here, and docs/ssda903-rules.md is generated from it
// (scripts/ssda903-rules-doc.ts), beside the validator's rules csinsight does not check and why.
import type { RuleIssue } from './issue.ts';
import { EPISODE_AREA_ENTRIES } from './ssda903-register-episodes.ts';
import { LEAVER_AREA_ENTRIES } from './ssda903-register-leavers.ts';
import { ADOPTION_AREA_ENTRIES } from './ssda903-register-adoption.ts';
import { PLACEMENT_AREA_ENTRIES } from './ssda903-register-placements.ts';

export type Table903 =
  | 'Header' | 'Episodes' | 'Reviews' | 'UASC' | 'OC2' | 'OC3' | 'AD1' | 'PlacedAdoption' | 'PrevPerm' | 'Missing' | 'SWEpisodes' | 'DoLo';

/**
 * How a rule is checked: a single cell while parsing; one row's fields together; rows of one table
 * (SQL after staging); rows of several tables; this return against last year's.
 */
export type How = 'cell' | 'row' | 'rows' | 'files' | 'last-year';

export interface Rule903 {
  code: string;
  tables: readonly Table903[];
  fields: readonly string[];
  message: string;
  how: How;
  /** First and last collection years (financial year start) the rule applies to. */
  from?: number;
  until?: number;
}

export type Entry = [code: string, tables: string, fields: string, how: How, message: string, years?: { from?: number; until?: number }];

const T = (s: string) => s.split(' ') as Table903[];
const F = (s: string) => s.split(' ');

// [code, tables, fields, how, message]
const ENTRIES: readonly Entry[] = [
  // Header
  ['101', 'Header', 'SEX', 'cell', "The child's sex is not one of this collection year's codes."],
  ['102', 'Header', 'DOB', 'cell', 'The date of birth is missing or not a valid date.'],
  ['103', 'Header', 'ETHNIC', 'cell', 'The ethnicity code is missing or not valid.'],
  ['165', 'Header', 'MOTHER', 'cell', 'MOTHER must be 1 (the child is a mother), 0 or blank.'],
  ['168', 'Header', 'UPN', 'cell', 'The UPN is not valid: a check letter and 12 digits, or UN1 to UN5 when it is not known.'],
  ['171', 'Header', 'MC_DOB', 'cell', "The date of birth of the mother's child is not a valid date."],
  ['174', 'Header', 'SEX MC_DOB', 'row', "A date of birth of the child's own child is recorded but the child is male."],
  ['232', 'Header', 'SEX', 'row', "The child's sex is recorded as not known: check it.", { from: 2024 }],
  ['301', 'Header', 'DOB', 'row', 'The date of birth is after the end of the collection year.'],
  ['351', 'Header', 'DOB', 'row', 'The child was over 25 at the start of the collection year.'],
  ['611', 'Header', 'MOTHER MC_DOB', 'row', "The child is recorded as a mother but the date of birth of her child is blank."],
  ['612', 'Header', 'SEX MOTHER MC_DOB', 'row', "A date of birth of the child's own child is recorded but MOTHER says the child is not a mother."],
  ['621', 'Header', 'DOB MC_DOB', 'row', "The mother's date of birth is on or after the date of birth of her child."],
  ['444', 'Header', 'UPN', 'rows', 'The same UPN is recorded for more than one child.', { from: 2025 }],
  ['INT32', 'Header', 'CHILD', 'rows', 'The child appears more than once in the Header.'],
  ['202', 'Header', 'SEX', 'last-year', "The child's sex differs from last year's return."],
  ['203', 'Header', 'DOB', 'last-year', "The date of birth differs from last year's return."],
  ['204', 'Header', 'ETHNIC', 'last-year', "The ethnicity differs from last year's return."],
  ['208', 'Header', 'UPN', 'last-year', "The UPN differs from last year's return (and neither is an unknown code UN1 to UN5)."],
  ['624', 'Header', 'MC_DOB', 'last-year', "The date of birth of the mother's child differs from last year's return."],
  // Episodes
  ['141', 'Episodes', 'DECOM', 'cell', 'The date the episode began is missing or not a valid date.'],
  ['143', 'Episodes', 'RNE', 'cell', 'The reason for new episode is missing or not a valid code.'],
  ['144', 'Episodes', 'LS', 'cell', 'The legal status is missing or not a valid code.'],
  ['145', 'Episodes', 'CIN', 'cell', 'The category of need is missing or not a valid code.'],
  ['146', 'Episodes', 'PLACE', 'cell', "The placement type is missing or not one of this collection year's codes."],
  ['147', 'Episodes', 'DEC', 'cell', 'The date the episode ceased is not a valid date.'],
  ['149', 'Episodes', 'REC', 'cell', 'The reason the episode ceased is not a valid code.'],
  ['1009', 'Episodes', 'REASON_PLACE_CHANGE', 'cell', 'The reason for the placement change is not a valid code.'],
  ['178', 'Episodes', 'PLACE_PROVIDER', 'row', 'The placement provider is not a valid code, or is given for a placement that takes none.'],
  ['213', 'Episodes', 'PLACE_PROVIDER', 'row', 'A placement provider is given for a temporary placement, which takes none.'],
  ['148', 'Episodes', 'DEC REC', 'row', 'The date and the reason the episode ceased must both be given, or both left blank.'],
  ['356', 'Episodes', 'DEC', 'row', 'The episode ceased before it began.'],
  ['353', 'Episodes', 'DECOM', 'row', 'The episode began before 14 October 1991.'],
  ['354', 'Episodes', 'DECOM', 'row', 'The episode began after the end of the collection year.'],
  ['385', 'Episodes', 'DEC', 'row', 'The episode ceased after the end of the collection year.'],
  ['226', 'Episodes', 'REASON_PLACE_CHANGE PLACE', 'rows', 'A temporary placement (T0 to T4) has a reason for a placement change, on its own episode or the one before.'],
  ['222', 'Episodes', 'URN', 'row', 'An Ofsted URN is given for a placement type that has none.'],
  ['302', 'Episodes Header', 'DECOM', 'files', 'The episode began before the child was born.'],
  ['386', 'Episodes Header', 'REC', 'files', 'The episode ceased with an adoption but the child was 18 or over.'],
  ['387', 'Episodes Header', 'REC', 'files', 'The episode ceased with a move to independent living but the child was under 14.'],
  ['389', 'Episodes Header', 'REC', 'files', 'The episode ceased with a move to adult social care but the child was under 16.'],
  ['371', 'Episodes Header', 'DECOM PLACE', 'files', 'The child is in supported accommodation (K3) but was under 16 when the episode began.', { from: 2024 }],
  ['393', 'Episodes Header', 'MOTHER', 'files', 'The child is a girl looked after (not only on short breaks, V3 or V4), so MOTHER must be 0 or 1.', { from: 2024 }],
  ['607', 'Episodes Header', 'MOTHER', 'files', 'The girl ceased to be looked after in the year, so MOTHER must be 0 or 1.', { from: 2024 }],
  ['INT03', 'Episodes Header', 'CHILD', 'files', 'The child has episodes but no row in the Header.'],
  ['388', 'Episodes', 'REC', 'rows', 'Episodes do not chain: an episode ceasing with X1 must be followed by one beginning that day, and an episode followed by one beginning the day it ceased must cease with X1.'],
  ['142', 'Episodes', 'DEC', 'rows', 'A later episode has begun but this one has no end date or no reason it ceased.'],
  ['357', 'Episodes', 'RNE', 'rows', "The child's first episode began this year, so its reason for new episode must be S (started to be looked after)."],
  ['431', 'Episodes', 'RNE DECOM', 'rows', 'The reason for new episode is S (started to be looked after) but the previous episode ended that same day.'],
  ['432', 'Episodes', 'RNE', 'rows', 'The child ceased to be looked after at the end of the previous episode, so this one must have reason for new episode S.'],
  ['433', 'Episodes', 'RNE DECOM', 'rows', 'The reason for new episode says the episode continues the last one, but it does not begin the day the last one ceased.'],
  ['434', 'Episodes', 'RNE LS PLACE', 'rows', 'The reason for new episode is L (legal status changed only), but the legal status is unchanged or the placement changed.'],
  ['435', 'Episodes', 'RNE LS', 'rows', 'The reason for new episode is P or T (placement changed only), but the legal status changed, or the placement (type, provider, postcode, URN) did not.'],
  ['436', 'Episodes', 'RNE LS PLACE', 'rows', 'The reason for new episode is B or U (legal status and placement changed), but one of them is unchanged.'],
  ['437', 'Episodes', 'REC', 'rows', 'The episode ceased because the child died or was found to be 18 or over (E2, E15), yet there are later episodes.'],
  ['501', 'Episodes', 'DECOM', 'rows', 'The episode began before the previous episode ceased.'],
  ['502', 'Episodes', 'DECOM', 'last-year', "Last year's return ended with an open episode, but this year's first episode does not begin on the same date."],
  ['503A', 'Episodes', 'RNE', 'last-year', "The first episode's reason for new episode differs from the episode open at the end of last year."],
  ['503B', 'Episodes', 'LS', 'last-year', "The first episode's legal status differs from the episode open at the end of last year."],
  ['503C', 'Episodes', 'CIN', 'last-year', "The first episode's category of need differs from the episode open at the end of last year."],
  ['503D', 'Episodes', 'PLACE', 'last-year', "The first episode's placement type differs from the episode open at the end of last year."],
  ['503E', 'Episodes', 'PLACE_PROVIDER', 'last-year', "The first episode's placement provider differs from the episode open at the end of last year."],
  // Missing
  ['1004', 'Missing', 'MIS_START', 'cell', 'The date the child went missing is blank or not a valid date.'],
  ['1005', 'Missing', 'MIS_END', 'cell', 'The date the child returned is not a valid date.'],
  ['1006', 'Missing', 'MISSING', 'cell', 'The missing type is missing or not valid (M or A).'],
  ['567', 'Missing', 'MIS_END', 'row', 'The child returned before going missing.'],
  ['570', 'Missing', 'MIS_START', 'row', 'The child went missing after the end of the collection year.'],
  ['571', 'Missing', 'MIS_END', 'row', 'The child returned before the start or after the end of the collection year.'],
  ['586', 'Missing', 'MIS_START', 'row', 'The child went missing on or before the date of birth.'],
  ['574', 'Missing', 'MIS_START', 'rows', 'This missing period begins before the previous one for the child (in order of ending) ended, or the previous one has no end date.'],
  ['575', 'Missing Episodes', 'MIS_END', 'files', 'The placement the child went missing from has ended, but this missing period has no end date.'],
  ['576', 'Missing', 'MIS_START', 'last-year', "The child's first missing period this year does not begin on the date of the missing period still open at the end of last year's return."],
  ['INT04', 'Missing Header', 'CHILD', 'files', 'The child has missing periods but no row in the Header.'],
  ['INT13', 'Missing Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  ['577', 'Missing Episodes', 'MIS_END', 'files', 'This missing period lies outside every period of care of the child (or has no end date though the period of care has ended).'],
  ['578', 'Missing Episodes', 'MIS_START', 'files', 'The child went missing before or after every period of care in the return.'],
  ['581', 'Missing Episodes', 'MIS_START', 'files', 'The child went missing on a day not within any of their episodes (before, between or after them).'],
  // OC3
  ['131', 'OC3', 'IN_TOUCH', 'cell', 'Being in touch is missing or not a valid code.'],
  ['132', 'OC3', 'ACTIV', 'cell', 'The activity is not a valid code.'],
  ['133', 'OC3', 'ACCOM', 'cell', 'The accommodation is not a valid code.'],
  ['153', 'OC3', 'IN_TOUCH ACTIV ACCOM', 'row', 'Being in touch, activity and accommodation must all be coded, or all left blank.'],
  ['344', 'OC3', 'IN_TOUCH ACTIV ACCOM', 'row', 'The young person has died or returned home, so activity and accommodation must be 0.'],
  ['345', 'OC3', 'IN_TOUCH ACTIV ACCOM', 'row', 'The authority is in touch with the young person, so activity and accommodation cannot be 0.'],
  ['INT06', 'OC3 Header', 'CHILD', 'files', 'The care leaver has no row in the Header.'],
  ['INT15', 'OC3 Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  ['391', 'OC3', 'DOB IN_TOUCH', 'row', 'The young person was under 17 at the end of the collection year, so is not in the OC3 cohort.'],
  ['3001', 'OC3', 'ACCOM', 'row', 'The young person turned 17 this year, so cannot be staying put with former foster carers (accommodation Z).'],
  ['1000', 'OC3 Episodes', 'IN_TOUCH', 'files', 'The child died in care (an episode ceased with E2), so there must be no care leaver information.'],
  ['1007', 'OC3 Episodes', 'IN_TOUCH', 'files', 'The young person was still looked after on their 17th or 18th birthday this year, so no care leaver information is due.'],
  ['1011', 'OC3 Episodes', 'IN_TOUCH', 'files', "The child's last episode ceased with care taken over by another authority (E3), so there must be no care leaver information."],
  ['INT34', 'OC3', 'CHILD', 'rows', 'The care leaver appears more than once in OC3.'],
  ['348', 'OC3', 'IN_TOUCH', 'last-year', 'Last year the care leaver was reported as having died.', { from: 2025 }],
  // Reviews
  ['166', 'Reviews', 'REVIEW', 'cell', 'The review date is blank or not a valid date.'],
  ['167', 'Reviews', 'REVIEW_CODE', 'cell', 'The way the child took part is missing or not a valid code.'],
  ['440', 'Reviews', 'DOB REVIEW REVIEW_CODE', 'row', 'PN0 (under 4) is given but the child was 4 or over at the review.'],
  ['441', 'Reviews', 'DOB REVIEW REVIEW_CODE', 'row', 'The child was under 4 at the review, so the way they took part must be PN0.'],
  ['INT08', 'Reviews Header', 'CHILD', 'files', 'The child has reviews but no row in the Header.'],
  ['INT17', 'Reviews Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  // UASC
  ['104', 'UASC', 'DUC', 'cell', 'The date UASC status ceased is not a valid date.'],
  ['304', 'UASC', 'DUC', 'row', 'UASC status ceased after the 18th birthday.'],
  ['INT09', 'UASC Header', 'CHILD', 'files', 'The child is in UASC but has no row in the Header.'],
  ['INT18', 'UASC Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  ['INT21', 'UASC Header', 'SEX', 'files', 'The sex differs from the Header.'],
  ['INT36', 'UASC', 'CHILD', 'rows', 'The child appears more than once in UASC.'],
  // OC2
  ['180', 'OC2', 'SDQ_SCORE', 'cell', 'The SDQ score is not a whole number from 0 to 40.'],
  ['196', 'OC2', 'SDQ_REASON', 'cell', 'The reason for no SDQ score is not a valid code.'],
  ['181', 'OC2', 'CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED', 'cell', 'Items about children looked after for 12 months must be 0 or 1.'],
  ['197a', 'OC2', 'SDQ_SCORE SDQ_REASON', 'row', 'A reason for no SDQ score is given although there is a score.'],
  ['192', 'OC2', 'SUBSTANCE_MISUSE INTERVENTION_RECEIVED', 'row', 'A substance misuse problem is recorded but not whether an intervention was received.'],
  ['193', 'OC2', 'SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED', 'row', 'No substance misuse problem is recorded (0 or blank), so the intervention items must be blank.'],
  ['INT05', 'OC2 Header', 'CHILD', 'files', 'The child is in OC2 but has no row in the Header.'],
  ['INT14', 'OC2 Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  ['INT33', 'OC2', 'CHILD', 'rows', 'The child appears more than once in OC2.'],
  // AD1
  ['112', 'AD1', 'DATE_INT', 'cell', 'The date of the decision that the child should be placed for adoption is not a valid date.'],
  ['113', 'AD1', 'DATE_MATCH', 'cell', 'The date the child was matched with the adopters is not a valid date.'],
  ['114', 'AD1', 'FOSTER_CARE', 'cell', 'Whether the adopters were the foster carers must be 0 or 1.'],
  ['175', 'AD1', 'NB_ADOPTR', 'cell', 'The number of adopters must be 1 or 2.'],
  ['176', 'AD1', 'SEX_ADOPTR', 'cell', "The adopters' sex is not a valid code."],
  ['177', 'AD1', 'LS_ADOPTR', 'cell', "The adopters' legal status is not a valid code."],
  ['151', 'AD1', 'DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR', 'row', 'The adoption items must all be given, or all left blank.'],
  ['333', 'AD1', 'DATE_INT', 'row', 'The decision that the child should be placed for adoption is after the match with the adopters, or is blank though the match is given.'],
  ['511', 'AD1', 'NB_ADOPTR SEX_ADOPTR', 'row', "Two adopters are recorded but their sex is that of one (M1 or F1)."],
  ['514', 'AD1', 'LS_ADOPTR SEX_ADOPTR', 'row', "The legal status says a single adopter (L0), so the adopters' sex must be M1 or F1."],
  ['INT01', 'AD1 Header', 'CHILD', 'files', 'The child is in AD1 but has no row in the Header.'],
  ['INT11', 'AD1 Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  ['INT31', 'AD1', 'CHILD', 'rows', 'The child appears more than once in AD1.'],
  // PlacedAdoption
  ['115', 'PlacedAdoption', 'DATE_PLACED', 'cell', 'The date of the decision to place for adoption is blank or not a valid date.'],
  ['116', 'PlacedAdoption', 'DATE_PLACED_CEASED', 'cell', 'The date of the decision no longer to place for adoption is not a valid date.'],
  ['120', 'PlacedAdoption', 'REASON_PLACED_CEASED', 'cell', 'The reason the decision was reversed is not a valid code.'],
  ['119', 'PlacedAdoption', 'REASON_PLACED_CEASED DATE_PLACED_CEASED', 'row', 'The date and the reason the decision to place for adoption was reversed must both be given, or both left blank.'],
  ['522', 'PlacedAdoption', 'DATE_PLACED DATE_PLACED_CEASED', 'row', 'The decision to place for adoption is dated after its reversal.'],
  ['184', 'PlacedAdoption Header', 'DATE_PLACED DOB', 'files', 'The decision to place for adoption is dated before the child was born.'],
  ['INT02', 'PlacedAdoption Header', 'CHILD', 'files', 'The child is in PlacedAdoption but has no row in the Header.'],
  ['INT12', 'PlacedAdoption Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  // PrevPerm
  ['631', 'PrevPerm', 'PREV_PERM', 'cell', 'The previous permanence option is missing or not a valid code.'],
  ['635', 'PrevPerm', 'LA_PERM DATE_PERM PREV_PERM', 'row', 'A date or authority of the previous permanence order is given, but the previous permanence option is blank.'],
  ['INT07', 'PrevPerm Header', 'CHILD', 'files', 'The child is in PrevPerm but has no row in the Header.'],
  ['INT16', 'PrevPerm Header', 'DOB', 'files', 'The date of birth differs from the Header.'],
  ['INT35', 'PrevPerm', 'CHILD', 'rows', 'The child appears more than once in PrevPerm.'],
  // SWEpisodes
  ['SW04STG1', 'SWEpisodes', 'SW_DECOM', 'cell', 'The date the social worker episode began is blank or not a valid date.'],
  ['SW05STG1', 'SWEpisodes', 'SW_DEC', 'cell', 'The date the social worker episode ended is not a valid date.'],
  ['SW13STG1', 'SWEpisodes', 'SW_REASON', 'cell', 'The reason the social worker changed is not a valid code.'],
  ['SW02STG1', 'SWEpisodes', 'SW_ID', 'row', "The social worker ID does not begin with SW or XX."],
  ['SW09STG2', 'SWEpisodes', 'SW_DECOM SW_DEC', 'row', 'The social worker episode ended the day it began.'],
  ['SW10STG2', 'SWEpisodes', 'SW_DECOM', 'rows', "A social worker episode does not begin within 7 days of the end of the child's previous one (from 2024-25, unless the family asked for the change, FCONTA)."],
  // DoLo (from 2026-27)
  ['700', 'DoLo', 'DOLO_START', 'cell', 'The start of the deprivation of liberty order is blank or not a valid date.', { from: 2026 }],
  ['701', 'DoLo', 'DOLO_END', 'cell', 'The end of the deprivation of liberty order is not a valid date.', { from: 2026 }],
  ['702', 'DoLo', 'DOLO_START DOLO_END', 'row', 'The deprivation of liberty order ended on or before the day it started.', { from: 2026 }],
  ['703', 'DoLo', 'DOLO_START', 'row', 'The deprivation of liberty order started after the end of the collection year.', { from: 2026 }],
  ['704', 'DoLo', 'DOLO_END', 'row', 'The deprivation of liberty order ended after the end of the collection year.', { from: 2026 }],
  ['705', 'DoLo', 'DOLO_START DOLO_END', 'rows', 'A deprivation of liberty order starts before the previous one (in order of ending) ended, or the previous one has no end date.', { from: 2026 }],
  ['708', 'DoLo', 'DOLO_START', 'row', 'The deprivation of liberty order started on or before the day the child was born.', { from: 2026 }],
];

export const RULES_903: readonly Rule903[] = [...ENTRIES, ...EPISODE_AREA_ENTRIES, ...LEAVER_AREA_ENTRIES, ...ADOPTION_AREA_ENTRIES, ...PLACEMENT_AREA_ENTRIES].map(([code, tables, fields, how, message, years]) => ({
  code, tables: T(tables), fields: F(fields), how, message, ...years,
}));

const BY_CODE = new Map(RULES_903.map((r) => [r.code, r]));

export function rule903(code: string): Rule903 {
  const r = BY_CODE.get(code);
  if (!r) throw new Error(`SSDA903 rule ${code} is not in the register`);
  return r;
}

/** Whether a rule applies in a collection year. */
export function appliesIn(r: Rule903, fy: number | null): boolean {
  return fy === null || ((r.from ?? 0) <= fy && fy <= (r.until ?? 9999));
}

/** An issue of a registered rule, on its first field unless told, with an optional detail. */
export function fail903(code: string, field?: string, detail?: string): RuleIssue {
  const r = rule903(code);
  return { field: field ?? r.fields[0]!, rule: code, message: detail ? `${r.message} ${detail}` : r.message, fields: r.fields };
}
