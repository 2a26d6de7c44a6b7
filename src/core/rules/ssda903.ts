// Row rules of the SSDA903 tables: the rules that need more than one cell of a row, or the row and
// its collection year. Single cells (valid date, valid code) are checked while parsing; rules across
// rows, files and years run in SQL after staging (importers/tables/ssda903-checks.ts). Every rule is
// in the register (ssda903-register.ts), which gives its DfE code and message. A row whose cell was
// refused is still checked, with that cell blank (hence the nullable fields).
import { addDays, parseDate, type IsoDate } from '../dates.ts';
import { codesFor } from '../ssda903-years.ts';
import { appliesIn, fail903, rule903 } from './ssda903-register.ts';
import { placementRules } from './ssda903-placements.ts';
import type { RuleIssue } from './issue.ts';

export interface HeaderRow {
  child: string;
  sex: string | null;
  dob: IsoDate | null;
  ethnic: string;
  upn: string | null;
  mother: string | null;
  mcDob: IsoDate | null;
}

export interface EpisodeRow {
  child: string;
  decom: IsoDate | null;
  rne: string;
  ls: string;
  cin: string;
  place: string | null;
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
  dob: IsoDate | null;
  missing: string | null;
  misStart: IsoDate | null;
  misEnd: IsoDate | null;
}

export interface Oc3Row {
  child: string;
  dob: IsoDate | null;
  inTouch: string | null;
  activ: string | null;
  accom: string | null;
}

export interface ReviewRow {
  child: string;
  dob: IsoDate | null;
  review: IsoDate | null;
  reviewCode: string | null;
}

export interface UascRow {
  child: string;
  sex: string | null;
  dob: IsoDate | null;
  duc: IsoDate | null;
}

export interface Oc2Row {
  child: string;
  dob: IsoDate | null;
  sdqScore: number | null;
  sdqReason: string | null;
  convicted: string | null;
  healthCheck: string | null;
  immunisations: string | null;
  teethCheck: string | null;
  healthAssessment: string | null;
  substanceMisuse: string | null;
  interventionReceived: string | null;
  interventionOffered: string | null;
}

export interface Ad1Row {
  child: string;
  dob: IsoDate | null;
  dateInt: IsoDate | null;
  dateMatch: IsoDate | null;
  fosterCare: string | null;
  nbAdoptr: string | null;
  sexAdoptr: string | null;
  lsAdoptr: string | null;
}

export interface PlacedAdoptionRow {
  child: string;
  dob: IsoDate | null;
  datePlaced: IsoDate | null;
  datePlacedCeased: IsoDate | null;
  reasonPlacedCeased: string | null;
}

export interface PrevPermRow {
  child: string;
  dob: IsoDate | null;
  prevPerm: string | null;
  laPerm: string | null;
  datePerm: string | null;
}

export interface SwEpisodeRow {
  child: string;
  dob: IsoDate | null;
  swId: string | null;
  swDecom: IsoDate | null;
  swDec: IsoDate | null;
  swReason: string | null;
}

export interface DoloRow {
  child: string;
  dob: IsoDate | null;
  doloStart: IsoDate | null;
  doloEnd: IsoDate | null;
}

/** The first and last days of a collection year (2024 = 2024-25, 1 April 2024 to 31 March 2025). */
export function collectionYearStart(fy: number): IsoDate {
  return `${fy}-04-01`;
}

export function collectionYearEnd(fy: number): IsoDate {
  return `${fy + 1}-03-31`;
}

/** The day a person born on `dob` turns `years` (29 February birthdays on 1 March). */
export function birthday(dob: IsoDate, years: number): IsoDate {
  const y = Number(dob.slice(0, 4)) + years;
  const md = dob.slice(5);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return md === '02-29' && !leap ? `${y}-03-01` : `${y}-${md}`;
}

/** Collects the issues of one row, keeping only rules that apply in the row's collection year. */
class Issues {
  readonly list: RuleIssue[] = [];
  constructor(readonly fy: number | null) {}

  add(when: boolean, code: string, field?: string, detail?: string): void {
    if (when && appliesIn(rule903(code), this.fy)) this.list.push(fail903(code, field, detail));
  }
}

const before = (a: IsoDate | null, b: IsoDate | null) => a !== null && b !== null && a < b;
const onOrBefore = (a: IsoDate | null, b: IsoDate | null) => a !== null && b !== null && a <= b;

export function headerRules(r: HeaderRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  const codes = codesFor(fy);
  i.add(r.mcDob !== null && r.sex === codes.MALE, '174', 'MC_DOB');
  i.add(r.sex === 'U', '232');
  i.add(r.mother === '1' && r.mcDob === null, '611', 'MC_DOB');
  i.add(r.mcDob !== null && r.mother === '0', '612', 'MOTHER');
  i.add(r.dob !== null && r.mcDob !== null && r.mcDob <= r.dob, '621', 'MC_DOB');
  if (fy !== null && r.dob !== null) {
    i.add(r.dob > collectionYearEnd(fy), '301');
    i.add(birthday(r.dob, 25) < collectionYearStart(fy), '351');
    // School age: 4 by 31 August before the collection year began.
    i.add(r.upn === 'UN1' && birthday(r.dob, 4) <= `${fy - 1}-08-31`, '209');
    i.add(r.mother === '1' && birthday(r.dob, 11) > collectionYearStart(fy), '620', 'MOTHER');
  }
  return i.list;
}

export function episodeRules(r: EpisodeRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  const codes = codesFor(fy);
  const temporary = r.place !== null && /^T[0-4]$/.test(r.place);
  const noProvider213 = r.place !== null && (temporary || (fy !== null && fy >= 2025 && codes.PLACE_WITHOUT_PROVIDER.includes(r.place)));
  i.add(r.placeProvider !== null && noProvider213, '213', 'PLACE_PROVIDER', `(placement type ${r.place})`);
  // As the validator, 178 too reports a provider on a placement that takes none, temporary ones included.
  i.add(r.placeProvider !== null && r.place !== null && codes.PLACE_WITHOUT_PROVIDER.includes(r.place), '178', 'PLACE_PROVIDER', `(placement type ${r.place} takes none)`);
  i.add(before(r.dec, r.decom), '356', 'DEC');
  i.add((r.dec === null) !== (r.rec === null), '148', r.dec === null ? 'DEC' : 'REC');
  i.add(r.decom !== null && r.decom < '1991-10-14', '353');
  i.add(r.decom !== null && r.dec === r.decom, '355', 'DEC');
  i.add(r.ls === 'V3' && r.rne !== 'S', '366', 'RNE');
  i.add(r.ls === 'E1' && r.decom !== null && r.decom < PLACEMENT_ORDERS_FROM, '446', 'LS');
  if (fy !== null) {
    i.add(r.decom !== null && r.decom > collectionYearEnd(fy), '354');
    i.add(r.dec !== null && r.dec > collectionYearEnd(fy), '385');
    // An open short break counts to the end of the year.
    const breakEnd = r.dec ?? collectionYearEnd(fy);
    i.add(r.ls === 'V3' && r.decom !== null && breakEnd > addDays(r.decom, SHORT_BREAK_MAX_DAYS), '365', 'DEC', `(more than ${SHORT_BREAK_MAX_DAYS} days)`);
  }
  const noUrn = r.place !== null && (NO_URN.includes(r.place) || /^Z/.test(r.place) || (fy !== null && fy <= 2023 && r.place === 'P2'));
  i.add(r.urn !== null && r.urn.toUpperCase() !== 'XXXXXXX' && noUrn, '222', 'URN', `(placement type ${r.place})`);
  return [...i.list, ...placementRules(r, fy)];
}

/** Placement orders (legal status E1) began on 1 December 2005 (rule 446). */
const PLACEMENT_ORDERS_FROM: IsoDate = '2005-12-01';
/** The longest an individual short break (V3) may last, in days (rule 365). */
const SHORT_BREAK_MAX_DAYS = 17;

/** Placements with no Ofsted URN (rule 222), besides the other placements (Z1, Z11 to Z14) and, until 2023-24, P2. */
const NO_URN: readonly string[] = ['P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4'];

export function missingRules(r: MissingRow, fy: number | null): RuleIssue[] {
  const i = new Issues(fy);
  i.add(before(r.misEnd, r.misStart), '567', 'MIS_END');
  i.add(onOrBefore(r.misStart, r.dob), '586', 'MIS_START');
  // A blank start or type is a row rule (a refused cell is not blank: its issue is dropped).
  i.add(r.misStart === null, '1004', 'MIS_START');
  i.add(r.misStart === null && (r.missing === 'M' || r.missing === 'A'), '564', 'MIS_START');
  i.add(r.misStart !== null && r.missing === null, '565', 'MISSING');
  i.add(r.misEnd !== null && r.missing === null, '566', 'MISSING');
  if (fy !== null) {
    i.add(r.misStart !== null && r.misStart > collectionYearEnd(fy), '570', 'MIS_START', `(${collectionYearEnd(fy)})`);
    i.add(r.misEnd !== null && (r.misEnd < collectionYearStart(fy) || r.misEnd > collectionYearEnd(fy)), '571', 'MIS_END', `(${collectionYearStart(fy)} to ${collectionYearEnd(fy)})`);
  }
  return i.list;
}

export function oc3Rules(r: Oc3Row, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  const blanks = [r.inTouch, r.activ, r.accom].filter((v) => v === null).length;
  if (blanks > 0 && blanks < 3) {
    i.add(true, '153', r.inTouch === null ? 'IN_TOUCH' : r.activ === null ? 'ACTIV' : 'ACCOM');
    return i.list;
  }
  i.add((r.inTouch === 'DIED' || r.inTouch === 'RHOM') && (r.activ !== '0' || r.accom !== '0'), '344', r.activ !== '0' ? 'ACTIV' : 'ACCOM');
  i.add(r.inTouch === 'YES' && (r.activ === '0' || r.accom === '0'), '345', r.activ === '0' ? 'ACTIV' : 'ACCOM');
  if (fy !== null && r.dob !== null) {
    const dob = r.dob;
    const inYear = (age: number) => birthday(dob, age) >= collectionYearStart(fy) && birthday(dob, age) <= collectionYearEnd(fy);
    i.add(birthday(dob, 17) > collectionYearEnd(fy), '391', 'DOB');
    i.add(inYear(17) && r.accom !== null && r.accom.startsWith('Z'), '3001', 'ACCOM');
  }
  return i.list;
}

export function reviewRules(r: ReviewRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  if (r.dob !== null && r.review !== null && r.reviewCode !== null) {
    const under4 = r.review < birthday(r.dob, 4);
    i.add(!under4 && r.reviewCode === 'PN0', '440', 'REVIEW_CODE');
    i.add(under4 && r.reviewCode !== 'PN0', '441', 'REVIEW_CODE');
  }
  return i.list;
}

export function uascRules(r: UascRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  i.add(r.dob !== null && r.duc !== null && r.duc > birthday(r.dob, 18), '304');
  return i.list;
}

export function oc2Rules(r: Oc2Row, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  i.add(r.sdqScore !== null && r.sdqReason !== null, '197a', 'SDQ_REASON');
  i.add(r.substanceMisuse === '1' && r.interventionReceived === null, '192', 'INTERVENTION_RECEIVED');
  i.add(r.substanceMisuse !== '1' && (r.interventionReceived !== null || r.interventionOffered !== null), '193',
    r.interventionReceived !== null ? 'INTERVENTION_RECEIVED' : 'INTERVENTION_OFFERED');
  const health = [r.immunisations, r.teethCheck, r.healthAssessment, r.substanceMisuse];
  const healthBlank = health.find((v) => v === null) !== undefined;
  const others = [r.convicted, r.healthCheck, r.interventionReceived, r.interventionOffered];
  i.add(healthBlank && others.some((v) => v !== null), '182', HEALTH_ITEMS[health.indexOf(null)]);
  i.add(r.interventionReceived === '1' && r.interventionOffered !== null, '158');
  i.add(r.substanceMisuse === '1' && r.interventionReceived === '0' && r.interventionOffered === null, '159');
  i.add(r.convicted === '1' && healthBlank, '544', HEALTH_ITEMS[health.indexOf(null)]);
  i.add(r.healthCheck === '1' && healthBlank, '547', HEALTH_ITEMS[health.indexOf(null)]);
  if (fy !== null && r.dob !== null) {
    const sdq = r.sdqScore !== null || r.sdqReason !== null;
    i.add(r.convicted !== null && birthday(r.dob, 10) > collectionYearEnd(fy), '542');
    i.add(sdq && birthday(r.dob, 4) > collectionYearEnd(fy), '188', r.sdqScore !== null ? 'SDQ_SCORE' : 'SDQ_REASON');
    i.add(sdq && birthday(r.dob, 17) < collectionYearStart(fy), '189', r.sdqScore !== null ? 'SDQ_SCORE' : 'SDQ_REASON');
  }
  return i.list;
}

/** The OC2 items every child looked after for 12 months has (rules 182, 544, 547). */
const HEALTH_ITEMS = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;

export function ad1Rules(r: Ad1Row, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  const items = { DATE_INT: r.dateInt, DATE_MATCH: r.dateMatch, FOSTER_CARE: r.fosterCare, NB_ADOPTR: r.nbAdoptr, SEX_ADOPTR: r.sexAdoptr, LS_ADOPTR: r.lsAdoptr };
  const blank = Object.entries(items).filter(([, v]) => v === null);
  i.add(blank.length > 0 && blank.length < 6, '151', blank[0]?.[0]);
  i.add(before(r.dateMatch, r.dateInt) || (r.dateMatch !== null && r.dateInt === null), '333');
  i.add(r.nbAdoptr === '2' && (r.sexAdoptr === 'M1' || r.sexAdoptr === 'F1'), '511', 'SEX_ADOPTR');
  // The adopters' legal status against their sex; a blank sex does not agree with any status.
  for (const [code, status, sexes] of ADOPTER_SEXES) i.add(r.lsAdoptr === status && !sexes.includes(r.sexAdoptr ?? ''), code, 'SEX_ADOPTR');
  return i.list;
}

/** The adopters' sexes each legal status allows (rules 514, 517 to 520, 524). */
const ADOPTER_SEXES: readonly (readonly [code: string, status: string, sexes: readonly string[]])[] = [
  ['514', 'L0', ['M1', 'F1']],
  ['517', 'L3', ['MF']],
  ['518', 'L4', ['MM', 'FF']],
  ['519', 'L2', ['MM', 'FF', 'MF']],
  ['520', 'L11', ['MF']],
  ['524', 'L12', ['MM', 'FF']],
];

export function placedAdoptionRules(r: PlacedAdoptionRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  i.add((r.datePlacedCeased === null) !== (r.reasonPlacedCeased === null), '119', r.datePlacedCeased === null ? 'DATE_PLACED_CEASED' : 'REASON_PLACED_CEASED');
  i.add(before(r.datePlacedCeased, r.datePlaced), '522', 'DATE_PLACED_CEASED');
  return i.list;
}

export function prevPermRules(r: PrevPermRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  i.add(r.prevPerm === null && (r.laPerm !== null || r.datePerm !== null), '635', r.laPerm !== null ? 'LA_PERM' : 'DATE_PERM');
  i.add(r.datePerm !== null && !permDateValid(r.datePerm), '632', 'DATE_PERM');
  return i.list;
}

/** DATE_PERM's parts (DD/MM/YYYY; a day or month not known is ZZ, a year ZZZZ), or null when it is not of that form. */
function permDateParts(text: string): { d: number | null; m: number | null; y: number | null } | null {
  const p = /^(\d\d|ZZ)\/(\d\d|ZZ)\/(\d{4}|ZZZZ)$/.exec(text.trim().toUpperCase());
  if (!p) return null;
  const n = (s: string) => (s.startsWith('Z') ? null : Number(s));
  return { d: n(p[1]!), m: n(p[2]!), y: n(p[3]!) };
}

/** Whether DATE_PERM is a date that can exist: its known parts, with any day in January and any year a leap year. */
export function permDateValid(text: string): boolean {
  const p = permDateParts(text);
  const pad = (n: number | null, fallback: string) => (n === null ? fallback : String(n).padStart(2, '0'));
  return p !== null && parseDate(`${pad(p.d, '01')}/${pad(p.m, '01')}/${p.y ?? 2000}`) !== null;
}

/**
 * The latest day DATE_PERM can be (a day not known: the month's last; a month not known: December),
 * to compare with the first episode (rule 632); null when it is not valid or its year is not known.
 */
export function permDateLatest(text: string | null): IsoDate | null {
  const p = text === null || !permDateValid(text) ? null : permDateParts(text);
  if (!p || p.y === null) return null;
  const m = p.m ?? 12;
  const last = Number(addDays(`${m === 12 ? p.y + 1 : p.y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1).slice(8));
  return `${p.y}-${String(m).padStart(2, '0')}-${String(p.d ?? last).padStart(2, '0')}`;
}

export function swEpisodeRules(r: SwEpisodeRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  i.add(r.swId !== null && !/^(SW|XX)/i.test(r.swId), 'SW02STG1', 'SW_ID');
  i.add(r.swDecom !== null && r.swDec === r.swDecom, 'SW09STG2', 'SW_DEC');
  // From 2024-25 a blank start, ID or reason is reported by SW01a/SW01b (before, the cells are required).
  const beforeApril2023 = r.swDecom !== null && r.swDecom < SW_REASON_FROM;
  i.add(r.swDecom === null || (beforeApril2023 && r.swId === null), 'SW01aSTG1', r.swDecom === null ? 'SW_DECOM' : 'SW_ID');
  i.add(r.swDecom === null || (!beforeApril2023 && (r.swId === null || r.swReason === null)), 'SW01bSTG1',
    r.swDecom === null ? 'SW_DECOM' : r.swId === null ? 'SW_ID' : 'SW_REASON');
  if (fy !== null) {
    i.add(r.swDecom !== null && r.swDecom > collectionYearEnd(fy), 'SW06STG2');
    // From 2024-25 the reporting period begins a year before the collection year.
    const periodStart = collectionYearStart(fy >= 2024 ? fy - 1 : fy);
    i.add(r.swDec !== null && (r.swDec < periodStart || r.swDec > collectionYearEnd(fy)), 'SW07STG2', 'SW_DEC', `(${periodStart} to ${collectionYearEnd(fy)})`);
  }
  return i.list;
}

/** Social worker episodes from this day need an ID and a reason (SW01aSTG1, SW01bSTG1). */
const SW_REASON_FROM: IsoDate = '2023-04-01';

export function doloRules(r: DoloRow, fy: number | null = null): RuleIssue[] {
  const i = new Issues(fy);
  i.add(onOrBefore(r.doloEnd, r.doloStart), '702', 'DOLO_END');
  i.add(onOrBefore(r.doloStart, r.dob), '708', 'DOLO_START');
  if (fy !== null) {
    i.add(r.doloStart !== null && r.doloStart > collectionYearEnd(fy), '703', 'DOLO_START');
    i.add(r.doloEnd !== null && r.doloEnd > collectionYearEnd(fy), '704', 'DOLO_END');
  }
  return i.list;
}
