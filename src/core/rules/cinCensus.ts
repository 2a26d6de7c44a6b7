// The CIN census validation rules that look at a whole child (its episodes, assessments, plans,
// section 47 enquiries and child protection plans together), as a register: each entry has the
// DfE's rule code, the collection years it applies to, the element it is about, the DfE's message
// and its check. Codes and messages are those of the DfE's CIN census validation rules as the
// data-to-insight CIN validator implements them (csc-validator-be-cin, MIT). Query rules (codes
// ending Q, severity 'query') ask the council for a reason rather than refuse the return: the import
// lists them and still stores the return. Rules across the whole return (a UPN given to two
// children, the share of children with no sex recorded) are CensusReturnTally's. Rules about single values (codes, dates, required elements) are
// the schema's (src/importers/xml/cin.ts maps schema problems to their codes); rules within one
// table row (1103, 1105, 2889, 4011, 4015, 8608, 8615, 8630, 8805, 8810, 8841, 8869, 8925) are the
// tables' own (./cin.ts, src/importers/tables/childProtection.ts), and rules 8565 and 8867 on
// assessments are checked across rows in SQL (src/importers/tables/cin.ts), so CSV gets them too.
import { isWorkingDay, NO_FACTORS } from '../cin.ts';
import { addDays, addMonths, type IsoDate } from '../dates.ts';

/** Where an item is in the file: its line and element path (e.g. .../CINdetails[2]/Section47[1]). */
export interface Loc {
  line: number;
  path: string;
}

export interface CensusAssessment { loc: Loc; start: IsoDate; review: IsoDate | null; authorised: IsoDate | null; factors: string[] }
export interface CensusPlan { loc: Loc; start: IsoDate; end: IsoDate | null }
export interface CensusS47 { loc: Loc; start: IsoDate; target: IsoDate | null; icpc: IsoDate | null; notRequired: boolean }
export interface CensusCpp {
  loc: Loc;
  start: IsoDate;
  end: IsoDate | null;
  initial: string;
  latest: string;
  previous: number;
  reviews: { loc: Loc; date: IsoDate }[];
}

/** Pre-proceedings (Public Law Outline) with family group decision making: from 2026-27. */
export interface CensusPreProceedings {
  loc: Loc;
  start: IsoDate;
  letterSent: IsoDate | null;
  fgdmOffered: boolean | null;
  fgdmFacilitated: boolean | null;
  initialMeeting: IsoDate | null;
  reviewMeetings: number | null;
  stepDecision: IsoDate | null;
  outcome: string | null;
  courtApplication: IsoDate | null;
  letterInitiatingProceedings: IsoDate | null;
}

/** The dates of pre-proceedings after it starts, by element. */
export const PRE_PROCEEDINGS_DATES = {
  LBPSentDate: 'letterSent', InitialPPMeetingDate: 'initialMeeting', StepDecisionDate: 'stepDecision', CourtAppDate: 'courtApplication',
  LetterInitCPDate: 'letterInitiatingProceedings',
} as const satisfies Record<string, keyof CensusPreProceedings>;

export interface CensusEpisode {
  loc: Loc;
  referralDate: IsoDate;
  source: string;
  closureDate: IsoDate | null;
  closureReason: string | null;
  primaryNeed: string | null;
  /** DateOfInitialCPC at CINdetails level: an ICPC whose section 47 was in an earlier year. */
  icpc: IsoDate | null;
  nfa: boolean;
  assessments: CensusAssessment[];
  plans: CensusPlan[];
  s47: CensusS47[];
  cpps: CensusCpp[];
  preProceedings: CensusPreProceedings[];
}

export interface CensusChild {
  loc: Loc;
  id: string;
  birthDate: IsoDate | null;
  expectedBirthDate: IsoDate | null;
  deathDate: IsoDate | null;
  /** As in the file: Sex (M/F/U) from 2024-25, GenderCurrent (1/2/0/9) before. */
  sex: string;
  upn: string | null;
  formerUpn: string | null;
  upnUnknown: string | null;
  disabilities: { loc: Loc; code: string }[];
  episodes: CensusEpisode[];
}

export interface CensusContext {
  /** Header Year: the census ending 31 March of it. */
  year: number;
  start: IsoDate;
  end: IsoDate;
}

/** An error refuses the return; a query (a code ending Q) asks for a reason and is listed beside a stored return. */
export type Severity = 'error' | 'query';

export interface CensusRule {
  code: string;
  /** 'query' for the DfE's query rules; errors otherwise. */
  severity?: 'query';
  /** First and last census Year the rule applies to (both inclusive; open when absent). */
  from?: number;
  until?: number;
  /** The element the rule is about, shown with the path of each failing item. */
  field: string;
  message: string;
  check(child: CensusChild, c: CensusContext): Loc[];
}

export interface CensusFinding {
  code: string;
  line: number;
  /** Element path of the field the rule is about. */
  path: string;
  message: string;
  severity: Severity;
}

const within = (d: IsoDate | null, c: CensusContext) => d === null || (d >= c.start && d <= c.end);
const after = (a: IsoDate | null, b: IsoDate | null) => a !== null && b !== null && a > b;
const episodesOf = (ch: CensusChild) => ch.episodes;
const each = <T extends { loc: Loc }>(items: T[], bad: (t: T) => boolean): Loc[] => items.filter(bad).map((t) => t.loc);
const inEpisodes = <T extends { loc: Loc }>(ch: CensusChild, pick: (e: CensusEpisode) => T[], bad: (t: T, e: CensusEpisode) => boolean): Loc[] =>
  ch.episodes.flatMap((e) => pick(e).filter((t) => bad(t, e)).map((t) => t.loc));
const cpps = (e: CensusEpisode) => e.cpps;
const plans = (e: CensusEpisode) => e.plans;
const s47s = (e: CensusEpisode) => e.s47;
const assessments = (e: CensusEpisode) => e.assessments;
/** Any activity recorded on an episode. */
const hasActivity = (e: CensusEpisode) => e.assessments.length + e.plans.length + e.s47.length + e.cpps.length > 0 || e.icpc !== null;

/** Spans [start, end] (open end = ongoing) that overlap another of the list; each later one is reported. */
function overlapping<T extends { loc: Loc }>(items: T[], span: (t: T) => [IsoDate, IsoDate | null]): Loc[] {
  const sorted = [...items].sort((a, b) => span(a)[0].localeCompare(span(b)[0]));
  const out: Loc[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [, prevEnd] = span(sorted[i - 1]!);
    const [start] = span(sorted[i]!);
    if (prevEnd === null || prevEnd > start) out.push(sorted[i]!.loc);
  }
  return out;
}

/** More than one item with no end: every open one after the first. */
function severalOpen<T extends { loc: Loc }>(items: T[], isOpen: (t: T) => boolean): Loc[] {
  const open = items.filter(isOpen);
  return open.length > 1 ? open.slice(1).map((t) => t.loc) : [];
}

const ALNUM = /^[A-Za-z0-9]*$/;
/** Unborn in the validator's sense: an expected birth date and no birth date. */
const unborn = (ch: CensusChild) => ch.birthDate === null && ch.expectedBirthDate !== null;

/** Working days an assessment (45) or section 47 enquiry (15) may run by the census end before it is queried. */
const ASSESSMENT_QUERY_DAYS = 45;
const S47_QUERY_DAYS = 15;

/**
 * Items (of one episode) that start on or between the start and the end of another: `end` gives
 * the other's end, or null when it has none and so is not compared. Items with the same start and
 * end are one item given twice, not an overlap.
 */
function startsWithin<T extends { loc: Loc }>(items: T[], start: (t: T) => IsoDate, end: (t: T) => IsoDate | null): Loc[] {
  return items.filter((t) => items.some((o) => o !== t && !(start(o) === start(t) && end(o) === end(t)) && start(t) >= start(o) && end(o) !== null && start(t) <= end(o)!)).map((t) => t.loc);
}

const daysBefore = new Map<string, IsoDate>();
/** The date `n` working days before `date`; kept, as every child of a return asks for the same few. */
function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  const key = `${date}-${n}`;
  let d = daysBefore.get(key);
  if (d === undefined) {
    d = date;
    for (let left = n; left > 0; ) {
      d = addDays(d, -1);
      if (isWorkingDay(d)) left--;
    }
    daysBefore.set(key, d);
  }
  return d;
}

/** UPN check letter of characters 2 to 13 (DfE UPN guide): weights 2 to 13, remainder of 23. */
export function upnCheckLetter(upn: string): string {
  let sum = 0;
  for (let i = 1; i < 13; i++) sum += Number(upn[i]) * (i + 1);
  return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]!;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(3, '0'));
/** LA codes (post April 1998, and the pseudo LA codes) a UPN's characters 2 to 4 may hold; 942 and 943 from 2023-24. */
const UPN_LA_CODES = new Set([
  ...range(1, 5), ...range(201, 213), ...range(301, 320), ...range(330, 336), ...range(340, 344), ...range(350, 359), ...range(370, 373),
  ...range(380, 384), ...range(390, 394), ...range(660, 681), ...range(701, 708), ...range(800, 803), ...range(805, 808), ...range(810, 813),
  ...range(820, 823), ...range(835, 839), ...range(850, 852), ...range(855, 857), ...range(865, 896), ...range(935, 938), ...range(940, 941),
  ...[420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916, 919, 921, 925, 926, 928, 929, 931, 933].map(String),
]);
const UPN_LA_CODES_2024 = new Set([...UPN_LA_CODES, '942', '943']);

/** Reasons a UPN is not known that 8770Q accepts (UN1, not of school age, is not one). */
const UPN_REASONS: ReadonlySet<string> = new Set(['UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7']);

/** A child born on or before `bornBy`, with an episode going on to further action, with neither UPN nor one of `reasons` why not. */
function needsUpn(ch: CensusChild, bornBy: IsoDate, reasons: ReadonlySet<string>): boolean {
  return ch.birthDate !== null && ch.birthDate <= bornBy && ch.episodes.some((e) => !e.nfa) && ch.upn === null && !(ch.upnUnknown !== null && reasons.has(ch.upnUnknown));
}

const preProceedings = (e: CensusEpisode) => e.preProceedings;
/**
 * Pre-proceedings (2026-27 on): csinsight's own rules, with csinsight's codes, until the DfE
 * publishes its rules for the group. Each date after the start must not be before it (the start
 * not before the referral is the table's row rule, src/importers/tables/preProceedings.ts).
 */
const PRE_PROCEEDINGS: readonly CensusRule[] = [
  { code: 'pp-start-after-census', from: 2027, field: 'PPStartDate', message: 'Pre-proceedings start date is after the census year', check: (ch, c) => inEpisodes(ch, preProceedings, (p) => p.start > c.end) },
  ...Object.entries(PRE_PROCEEDINGS_DATES).map(([field, key]): CensusRule => ({
    code: 'pp-date-before-start', from: 2027, field, message: `${field} cannot be before the pre-proceedings start date (PPStartDate)`,
    check: (ch) => inEpisodes(ch, preProceedings, (p) => p[key] !== null && p[key]! < p.start),
  })),
  { code: 'pp-fgdm-not-offered', from: 2027, field: 'FGDMMeetingFac', message: 'A family group decision making meeting is shown as facilitated but not as offered', check: (ch) => inEpisodes(ch, preProceedings, (p) => p.fgdmFacilitated === true && p.fgdmOffered === false) },
];

/** Query rules: each asks the council to amend the item or give a reason; a return with them is stored. */
const QUERIES: readonly CensusRule[] = ([
  { code: '1560Q', field: 'FormerUPN', message: 'Please check and either amend or provide a reason: Former UPN wrongly formatted', check: (ch) => (ch.formerUpn !== null && !/^[A-Za-z]\d{11}[A-Za-z0-9]$/.test(ch.formerUpn) ? [ch.loc] : []) },
  { code: '2991Q', field: 'Section47', message: 'Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode', check: (ch) => each(episodesOf(ch), (e) => e.s47.length > 0 && e.assessments.length === 0) },
  { code: '4009Q', field: 'CINPlanEndDate', message: 'CIN Plan cannot end after the child’s Date of Death', check: (ch) => inEpisodes(ch, plans, (p) => after(p.end, ch.deathDate)) },
  { code: '4012Q', field: 'CINPlanEndDate', message: 'Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day', check: (ch) => inEpisodes(ch, plans, (p) => p.end === p.start) },
  { code: '8525Q', field: 'PersonBirthDate', message: 'Either Date of Birth or Expected Date of Birth must be provided (but not both)', check: (ch) => ((ch.birthDate === null) === (ch.expectedBirthDate === null) ? [ch.loc] : []) },
  {
    code: '8530Q', field: 'ExpectedPersonBirthDate', message: 'Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)',
    check: (ch, c) => (ch.expectedBirthDate !== null && (ch.expectedBirthDate <= addDays(c.end, -30) || ch.expectedBirthDate >= addMonths(c.end, 9)) ? [ch.loc] : []),
  },
  { code: '8535Q', field: 'PersonDeathDate', message: 'Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth', check: (ch) => (ch.deathDate !== null && (ch.birthDate === null || ch.deathDate < ch.birthDate) ? [ch.loc] : []) },
  { code: '8545Q', field: 'PersonDeathDate', message: 'Please check and either amend data or provide a reason: Child\'s date of death should be within the census year', check: (ch, c) => (ch.deathDate !== null && !within(ch.deathDate, c) ? [ch.loc] : []) },
  { code: '8555Q', field: 'CINreferralDate', message: 'Child cannot be referred after its recorded date of death', check: (ch) => each(episodesOf(ch), (e) => after(e.referralDate, ch.deathDate)) },
  {
    code: '8569Q', field: 'ReferralNFA', message: 'A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case',
    check: (ch, c) => each(episodesOf(ch), (e) => e.nfa && e.referralDate < workingDaysBefore(c.start, 1)),
  },
  { code: '8585Q', field: 'ReasonForClosure', message: 'Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death', check: (ch) => (ch.deathDate === null ? each(episodesOf(ch), (e) => e.closureReason === 'RC2') : []) },
  {
    code: '8670Q', field: 'AssessmentActualStartDate', message: 'Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.',
    check: (ch, c) => inEpisodes(ch, assessments, (a) => a.authorised === null && a.start < workingDaysBefore(c.end, ASSESSMENT_QUERY_DAYS)),
  },
  {
    code: '8675Q', field: 'S47ActualStartDate', message: 'Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.',
    check: (ch, c) => inEpisodes(ch, s47s, (s) => s.icpc === null && !s.notRequired && s.start < workingDaysBefore(c.end, S47_QUERY_DAYS)),
  },
  {
    code: '8770Q', until: 2024, field: 'UPNunknown', message: 'Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old',
    check: (ch, c) => (needsUpn(ch, addMonths(c.end, -72), UPN_REASONS) ? [ch.loc] : []),
  },
  {
    code: '8770Q', from: 2025, field: 'UPNunknown', message: 'Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.',
    check: (ch, c) => (needsUpn(ch, `${c.year - 6}-08-31`, UPN_REASONS) ? [ch.loc] : []),
  },
  {
    code: '8775Q', field: 'PersonBirthDate', message: 'Please check and either amend data or provide a reason: Child is over 25 years old',
    check: (ch, c) => (ch.birthDate !== null && ch.birthDate < addMonths(c.end, -300) && ch.episodes.some((e) => e.closureDate === null || e.closureDate > addMonths(ch.birthDate!, 300)) ? [ch.loc] : []),
  },
  { code: '8825Q', field: 'ReasonForClosure', message: 'Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.', check: (ch) => each(episodesOf(ch), (e) => (e.closureReason === 'RC8' || e.closureReason === 'RC9') && e.assessments.length === 0) },
  {
    code: '8863Q', field: 'AssessmentActualStartDate', message: 'An Assessment is shown as starting when there is another Assessment ongoing.',
    check: (ch, c) => ch.episodes.flatMap((e) => startsWithin(e.assessments, (a) => a.start, (a) => a.authorised ?? c.end)),
  },
  { code: '8870Q', field: 'InitialCPCtarget', message: 'Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend', check: (ch) => inEpisodes(ch, s47s, (s) => s.target !== null && isWeekend(s.target)) },
  {
    code: '8873Q', field: 'ReasonForClosure', message: 'Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or \'RC9\' should be used.',
    check: (ch) => each(episodesOf(ch), (e) => e.assessments.length === 1 && e.assessments[0]!.factors.includes(NO_FACTORS) && e.closureReason !== 'RC8' && e.closureReason !== 'RC9'),
  },
  { code: '8897Q', field: 'AssessmentFactors', message: 'Parental or child factors at assessment information is missing from a completed assessment', check: (ch, c) => inEpisodes(ch, assessments, (a) => a.authorised !== null && a.authorised >= c.start && a.factors.length === 0) },
  { code: '8945Q', from: 2025, field: 'AssessmentFactors', message: 'Please check and either amend data or provide a reason: the assessment factors code \'18A\' should not be used (\'18B\' or \'18C\' should be used instead)', check: (ch) => inEpisodes(ch, assessments, (a) => a.factors.includes('18A')) },
  { code: '8950Q', from: 2025, field: 'AssessmentFactors', message: 'Please check and either amend data or provide a reason: the assessment factors code \'19A\' should not be used (\'19B\' or \'19C\' should be used instead)', check: (ch) => inEpisodes(ch, assessments, (a) => a.factors.includes('19A')) },
] as CensusRule[]).map((r) => ({ ...r, severity: 'query' as const }));

export const CENSUS_RULES: readonly CensusRule[] = [
  { code: '1570', from: 2025, field: 'LAchildID', message: 'LA Child ID must not be longer than 20 characters', check: (ch) => (ch.id.length > 20 ? [ch.loc] : []) },
  { code: '1580', from: 2025, field: 'LAchildID', message: 'LA Child ID must not contain any non-alphanumeric characters', check: (ch) => (ALNUM.test(ch.id) ? [] : [ch.loc]) },
  { code: '8520', field: 'PersonBirthDate', message: 'Date of Birth is after data collection period (must be on or before the end of the census period)', check: (ch, c) => (after(ch.birthDate, c.end) ? [ch.loc] : []) },
  { code: '8750', until: 2024, field: 'GenderCurrent', message: 'Gender must equal 0 for an unborn child', check: (ch) => (unborn(ch) && ch.sex !== '0' ? [ch.loc] : []) },
  { code: '8750', from: 2025, field: 'Sex', message: 'Sex must equal U for an unborn child', check: (ch) => (unborn(ch) && ch.sex !== 'U' ? [ch.loc] : []) },
  { code: '8790', field: 'Disability', message: 'Disability information includes both None and other values', check: (ch) => (ch.disabilities.some((d) => d.code === 'NONE') && ch.disabilities.length > 1 ? [ch.disabilities[0]!.loc] : []) },
  { code: '8794', field: 'Disability', message: 'Child has two or more disabilities with the same code', check: (ch) => ch.disabilities.filter((d, i) => ch.disabilities.findIndex((o) => o.code === d.code) !== i).map((d) => d.loc) },
  { code: '8600', field: 'CINreferralDate', message: 'Child referral date missing or after data collection period', check: (ch, c) => each(episodesOf(ch), (e) => e.referralDate > c.end) },
  {
    code: '8606', field: 'CINreferralDate', message: 'Child referral date is more than 40 weeks before DOB or expected DOB',
    check: (ch) => {
      const dob = ch.birthDate ?? ch.expectedBirthDate;
      return dob === null ? [] : each(episodesOf(ch), (e) => e.referralDate < addDays(dob, -280));
    },
  },
  { code: '8610', field: 'PrimaryNeedCode', message: 'Primary Need code is missing for a referral which led to further action.', check: (ch) => each(episodesOf(ch), (e) => !e.nfa && e.primaryNeed === null) },
  { code: '8620', field: 'CINclosureDate', message: 'CIN Closure Date present and does not fall within the Census year', check: (ch, c) => each(episodesOf(ch), (e) => !within(e.closureDate, c)) },
  { code: '8815', field: 'CINclosureDate', message: 'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.', check: (ch) => severalOpen(episodesOf(ch), (e) => e.closureDate === null && !e.nfa) },
  { code: '8820', field: 'CINreferralDate', message: 'The dates on the CIN episodes for this child overlap', check: (ch) => overlapping(episodesOf(ch), (e) => [e.referralDate, e.closureDate]) },
  { code: '8831', field: 'ReferralNFA', message: 'Activity is recorded against a case marked as a referral with no further action', check: (ch) => each(episodesOf(ch), (e) => e.nfa && (e.assessments.length > 0 || e.s47.length > 0)) },
  { code: '8832', field: 'ChildProtectionPlans', message: 'Child Protection details provided for a referral with no further action.', check: (ch) => each(episodesOf(ch), (e) => e.nfa && (e.cpps.length > 0 || e.icpc !== null)) },
  { code: '4000', field: 'CINPlanDates', message: 'CIN Plan details provided for a referral with no further action', check: (ch) => each(episodesOf(ch), (e) => e.nfa && e.plans.length > 0) },
  {
    code: '2990', field: 'ReasonForClosure',
    message: 'Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or \'case closed after assessment, referred to early help\'.',
    check: (ch) => each(episodesOf(ch), (e) => (e.closureReason === 'RC8' || e.closureReason === 'RC9') && (e.plans.length + e.s47.length + e.cpps.length > 0 || e.icpc !== null)),
  },
  {
    code: '8565', field: 'CINclosureDate', message: 'Activity shown after a case has been closed',
    check: (ch) => each(episodesOf(ch), (e) => e.closureDate !== null && hasActivity(e) && [
      e.icpc, ...e.plans.flatMap((p) => [p.start, p.end]),
      ...e.s47.flatMap((s) => [s.start, s.icpc]), ...e.cpps.flatMap((p) => [p.start, p.end, ...p.reviews.map((r) => r.date)]),
    ].some((d) => after(d, e.closureDate))),
  },
  { code: '1104', field: 'DateOfInitialCPC', message: 'The date of the initial child protection conference cannot be before the referral date', check: (ch) => [...each(episodesOf(ch), (e) => e.icpc !== null && e.icpc < e.referralDate), ...inEpisodes(ch, s47s, (s, e) => s.icpc !== null && s.icpc < e.referralDate)] },
  { code: '8696', field: 'AssessmentAuthorisationDate', message: 'Assessment end date must fall within the census year', check: (ch, c) => inEpisodes(ch, assessments, (a) => !within(a.authorised, c)) },
  { code: '8736', field: 'AssessmentActualStartDate', message: 'For an Assessment that has not been completed, the start date must fall within the census year', check: (ch, c) => inEpisodes(ch, assessments, (a) => a.authorised === null && !within(a.start, c)) },
  { code: '8614', field: 'AssessmentFactors', message: 'Parental or child factors at assessment should only be present for a completed assessment.', check: (ch) => inEpisodes(ch, assessments, (a) => a.authorised === null && a.factors.length > 0) },
  { code: '8898', field: 'AssessmentFactors', message: ' The assessment has more than one parental or child factors with the same code', check: (ch) => inEpisodes(ch, assessments, (a) => new Set(a.factors).size < a.factors.length) },
  { code: '8896', field: 'AssessmentAuthorisationDate', message: 'Within one CINDetails group there are 2 or more open Assessments groups', check: (ch) => ch.episodes.flatMap((e) => severalOpen(e.assessments, (a) => a.authorised === null)) },
  { code: '4010', field: 'CINPlanStartDate', message: 'CIN Plan start date is missing or out of data collection period', check: (ch, c) => inEpisodes(ch, plans, (p) => p.start > c.end) },
  { code: '4013', field: 'CINPlanEndDate', message: 'CIN Plan end date must fall within the census year', check: (ch, c) => inEpisodes(ch, plans, (p) => !within(p.end, c)) },
  { code: '4004', field: 'CINPlanEndDate', message: 'This child is showing more than one open CIN Plan, i.e. with no End Date', check: (ch) => severalOpen(ch.episodes.flatMap(plans), (p) => p.end === null) },
  { code: '4014', field: 'CINPlanStartDate', message: 'CIN Plan data contains overlapping dates', check: (ch) => overlapping(ch.episodes.flatMap(plans), (p) => [p.start, p.end]) },
  { code: '4008', field: 'CINPlanStartDate', message: 'CIN Plan shown as starting after the child’s Date of Death.', check: (ch) => inEpisodes(ch, plans, (p) => after(p.start, ch.deathDate)) },
  {
    code: '4001', field: 'CINPlanStartDate', message: 'A CIN Plan cannot run concurrently with a Child Protection Plan',
    check: (ch) => {
      const cp = ch.episodes.flatMap(cpps);
      return inEpisodes(ch, plans, (p) => cp.some((c) => (c.end === null || c.end > p.start) && (p.end === null || p.end > c.start)));
    },
  },
  { code: '8715', field: 'DateOfInitialCPC', message: 'Date of Initial Child Protection Conference must fall within the census year', check: (ch, c) => [...each(episodesOf(ch), (e) => !within(e.icpc, c)), ...inEpisodes(ch, s47s, (s) => !within(s.icpc, c))] },
  { code: '8740', field: 'S47ActualStartDate', message: 'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year', check: (ch, c) => inEpisodes(ch, s47s, (s) => s.icpc === null && !s.notRequired && !within(s.start, c)) },
  { code: '8839', field: 'DateOfInitialCPC', message: 'Within one CINDetails group there are 2 or more open S47 Assessments', check: (ch) => ch.episodes.flatMap((e) => severalOpen(e.s47, (s) => s.icpc === null && !s.notRequired)) },
  { code: '8868', field: 'DateOfInitialCPC', message: 'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag', check: (ch) => inEpisodes(ch, s47s, (s, e) => e.closureDate !== null && s.icpc === null && !s.notRequired) },
  { code: '8875', field: 'DateOfInitialCPC', message: 'The Date of Initial Child Protection Conference cannot be a weekend', check: (ch) => [...each(episodesOf(ch), (e) => e.icpc !== null && isWeekend(e.icpc)), ...inEpisodes(ch, s47s, (s) => s.icpc !== null && isWeekend(s.icpc))] },
  { code: '2884', field: 'DateOfInitialCPC', message: 'An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one', check: (ch) => each(episodesOf(ch), (e) => e.icpc !== null && e.s47.some((s) => s.icpc !== null)) },
  {
    code: '2883', field: 'CPPstartDate', message: 'There are more child protection plans starting than initial conferences taking place',
    check: (ch, c) => each(episodesOf(ch), (e) => e.cpps.filter((p) => within(p.start, c)).length > e.s47.filter((s) => s.icpc !== null).length + (e.icpc !== null ? 1 : 0)),
  },
  {
    code: '2885', field: 'CPPstartDate', message: 'Child protection plan shown as starting a different day to the initial child protection conference.',
    check: (ch, c) => inEpisodes(ch, cpps, (p, e) => {
      const icpcs = [e.icpc, ...e.s47.map((s) => s.icpc)].filter((d): d is IsoDate => d !== null);
      return within(p.start, c) && icpcs.length > 0 && !icpcs.includes(p.start);
    }),
  },
  { code: '8720', field: 'CPPstartDate', message: 'Child Protection Plan Start Date missing or out of data collection period', check: (ch, c) => inEpisodes(ch, cpps, (p) => p.start > c.end) },
  { code: '8840', field: 'CPPendDate', message: 'Child Protection Plan cannot start and end on the same day', check: (ch) => inEpisodes(ch, cpps, (p) => p.end === p.start) },
  { code: '8930', field: 'CPPendDate', message: 'Child Protection Plan End Date must fall within the census year', check: (ch, c) => inEpisodes(ch, cpps, (p) => !within(p.end, c)) },
  { code: '8935', field: 'CPPendDate', message: 'This child is showing more than one open Child Protection plan, i.e. with no End Date', check: (ch) => severalOpen(ch.episodes.flatMap(cpps), (p) => p.end === null) },
  { code: '8940', field: 'CPPstartDate', message: 'Child Protection Plan data contains overlapping dates', check: (ch) => overlapping(ch.episodes.flatMap(cpps), (p) => [p.start, p.end]) },
  { code: '8915', field: 'CPPstartDate', message: 'Child Protection Plan shown as starting after the child’s Date of Death', check: (ch) => inEpisodes(ch, cpps, (p) => after(p.start, ch.deathDate)) },
  { code: '8920', field: 'CPPendDate', message: 'Child Protection Plan cannot end after the child’s Date of Death', check: (ch) => inEpisodes(ch, cpps, (p) => after(p.end, ch.deathDate)) },
  // UPN (the school census pupil number): check letter, LA code, digits, last character.
  { code: '1510', field: 'UPN', message: 'UPN invalid (wrong check letter at character 1)', check: (ch) => (ch.upn !== null && /^.\d{12}$/.test(ch.upn) && upnCheckLetter(ch.upn) !== ch.upn[0] ? [ch.loc] : []) },
  { code: '1530', until: 2023, field: 'UPN', message: 'UPN invalid (characters 2-4 not a recognised LA code)', check: (ch) => (ch.upn?.length === 13 && !UPN_LA_CODES.has(ch.upn.slice(1, 4)) ? [ch.loc] : []) },
  { code: '1530', from: 2024, field: 'UPN', message: 'UPN invalid (characters 2-4 not a recognised LA code)', check: (ch) => (ch.upn?.length === 13 && !UPN_LA_CODES_2024.has(ch.upn.slice(1, 4)) ? [ch.loc] : []) },
  { code: '1540', field: 'UPN', message: 'UPN invalid (characters 5-12 not all numeric)', check: (ch) => (ch.upn !== null && !/^\d+$/.test(ch.upn.slice(4, 12)) ? [ch.loc] : []) },
  { code: '1550', field: 'UPN', message: 'UPN invalid (character 13 not a recognised value)', check: (ch) => (ch.upn?.length === 13 && !/[A-HJ-NPQRTUVWXYZ0-9]/.test(ch.upn[12]!) ? [ch.loc] : []) },
  { code: '8772', field: 'UPNunknown', message: 'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action', check: (ch) => (ch.upnUnknown === 'UN7' ? each(episodesOf(ch), (e) => !e.nfa) : []) },
  {
    code: '8816', field: 'CINreferralDate', message: 'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
    check: (ch) => {
      const latest = ch.episodes.reduce<IsoDate>((m, e) => (e.referralDate > m ? e.referralDate : m), '');
      return each(episodesOf(ch), (e) => e.closureDate === null && !e.nfa && e.referralDate !== latest);
    },
  },
  {
    code: '8890', field: 'S47ActualStartDate', message: 'A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing',
    check: (ch, c) => ch.episodes.flatMap((e) => startsWithin(e.s47, (s) => s.start, (s) => s.icpc ?? (s.notRequired ? null : c.end))),
  },
  {
    code: '4003', field: 'CPPreviewDate', message: 'A CPP review date is shown as being held at the same time as an open CIN Plan.',
    check: (ch, c) => {
      const cinPlans = ch.episodes.flatMap(plans);
      return ch.episodes.flatMap(cpps).flatMap((p) => p.reviews.filter((r) => r.date !== p.end && cinPlans.some((q) => r.date >= q.start && r.date < (q.end ?? c.end))).map((r) => r.loc));
    },
  },
  {
    code: '4016', field: 'CINPlanStartDate', message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
    check: (ch, c) => {
      const cp = ch.episodes.flatMap(cpps);
      return inEpisodes(ch, plans, (p) => cp.some((q) => p.start >= q.start && (q.end === null ? p.start <= c.end : p.start < q.end)));
    },
  },
  {
    code: '4017', field: 'CPPstartDate', message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
    check: (ch, c) => {
      const cin = ch.episodes.flatMap(plans);
      return inEpisodes(ch, cpps, (p) => cin.some((q) => p.start >= q.start && (q.end === null ? p.start <= c.end : p.start < q.end)));
    },
  },
  ...QUERIES,
  ...PRE_PROCEEDINGS,
];

function isWeekend(d: IsoDate): boolean {
  const day = new Date(`${d}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The rules of a census year. */
export function censusRulesFor(year: number): CensusRule[] {
  return CENSUS_RULES.filter((r) => (r.from === undefined || year >= r.from) && (r.until === undefined || year <= r.until));
}

/** Every rule of the year a child breaks, each failing item once. */
export function checkCensusChild(child: CensusChild, c: CensusContext, rules = censusRulesFor(c.year)): CensusFinding[] {
  return rules.flatMap((rule) => rule.check(child, c).map((loc) => finding(rule, loc)));
}


function finding(rule: CensusRule, loc: Loc): CensusFinding {
  return { code: rule.code, line: loc.line, path: `${loc.path}/${rule.field}`, message: rule.message, severity: rule.severity ?? 'error' };
}

/** Share of children with no sex recorded (and no expected birth date) above which 2886Q asks why. */
export const NO_SEX_SHARE = 0.02;
/** 2887Q asks why when a return uses this many different disability codes or fewer. */
export const FEW_DISABILITY_CODES = 7;

/**
 * The rules across a whole return, fed one child at a time as the file streams: a UPN given to two
 * children (1520, at once), and, when the file ends, the queries about the return as a whole
 * (2886Q, 2887Q, 2888Q). Holds a UPN per child, not the children.
 */
export class CensusReturnTally {
  private readonly upns = new Map<string, number>();
  private children = 0;
  private noSex = 0;
  private readonly disabilityCodes = new Set<string>();
  private mostDisabilities = 0;

  constructor(private readonly year: number) {}

  /**
   * Counts a child for the shares of the whole return: every Child of the file, the ones its schema
   * refused too (whose sex, expected birth date and disability codes are read as they are).
   */
  count(sex: string | null, expectedBirthDate: string | null, disabilities: readonly string[]): void {
    this.children += 1;
    if ((sex === null || sex === '0' || sex === 'U') && expectedBirthDate === null) this.noSex += 1;
    const codes = disabilities.filter((d) => d !== 'NONE');
    for (const d of codes) this.disabilityCodes.add(d);
    this.mostDisabilities = Math.max(this.mostDisabilities, codes.length);
  }

  /** Adds a schema-valid child; gives its findings across the return so far (a UPN another child has). */
  add(ch: CensusChild): CensusFinding[] {
    this.count(ch.sex, ch.expectedBirthDate, ch.disabilities.map((d) => d.code));
    if (ch.upn === null) return [];
    const before = this.upns.get(ch.upn);
    if (before === undefined) {
      this.upns.set(ch.upn, ch.loc.line);
      return [];
    }
    return [{ ...finding(UPN_TWICE, ch.loc), message: `${UPN_TWICE.message.replace(/\.$/, '')}: ${ch.upn} is also on line ${before}.` }];
  }

  /** The queries about the return as a whole, at `loc` (the Children element). */
  end(loc: Loc): CensusFinding[] {
    const out: CensusFinding[] = [];
    if (this.children === 0) return out;
    const sexRule = this.year >= 2025 ? NO_SEX_2025 : NO_SEX;
    if (this.noSex / this.children > NO_SEX_SHARE) out.push({ ...finding(sexRule, loc), message: `${sexRule.message} (${this.noSex} of ${this.children} children).` });
    if (this.disabilityCodes.size <= FEW_DISABILITY_CODES) out.push({ ...finding(FEW_CODES, loc), message: `${FEW_CODES.message} (${this.disabilityCodes.size} codes, FEW_DISABILITY_CODES is ${FEW_DISABILITY_CODES}).` });
    if (this.mostDisabilities <= 1) out.push(finding(ONE_EACH, loc));
    return out;
  }
}

const never = () => [];
const UPN_TWICE: CensusRule = { code: '1520', field: 'UPN', message: 'More than one record with the same UPN.', check: never };
const NO_SEX: CensusRule = { code: '2886Q', severity: 'query', until: 2024, field: 'GenderCurrent', message: 'Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)', check: never };
const NO_SEX_2025: CensusRule = { ...NO_SEX, from: 2025, until: undefined, field: 'Sex', message: 'Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)' };
const FEW_CODES: CensusRule = { code: '2887Q', severity: 'query', field: 'Disability', message: 'Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return', check: never };
const ONE_EACH: CensusRule = { code: '2888Q', severity: 'query', field: 'Disability', message: 'Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.', check: never };

/** The rules across a whole return (CensusReturnTally), for the register and its documentation. */
export const RETURN_RULES: readonly CensusRule[] = [UPN_TWICE, NO_SEX, NO_SEX_2025, FEW_CODES, ONE_EACH];
