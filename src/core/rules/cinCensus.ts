// The CIN census validation rules that look at a whole child (its episodes, assessments, plans,
// section 47 enquiries and child protection plans together), as a register: each entry has the
// DfE's rule code, the collection years it applies to, the element it is about, the DfE's message
// and its check. Codes and messages are those of the DfE's CIN census validation rules as the
// data-to-insight CIN validator implements them (csc-validator-be-cin, MIT). Query rules (codes
// ending Q, which ask for a reason rather than refuse the return) are not here: an import either
// stores a return or refuses it. Rules about single values (codes, dates, required elements) are
// the schema's (src/importers/xml/cin.ts maps schema problems to their codes); rules within one
// table row (1103, 1105, 2889, 4011, 4015, 8608, 8615, 8630, 8805, 8810, 8841, 8869, 8925) are the
// tables' own (./cin.ts, src/importers/tables/childProtection.ts), and rules 8565 and 8867 on
// assessments are checked across rows in SQL (src/importers/tables/cin.ts), so CSV gets them too.
import { NO_FACTORS } from '../cin.ts';
import { addDays, type IsoDate } from '../dates.ts';

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
}

export interface CensusChild {
  loc: Loc;
  id: string;
  birthDate: IsoDate | null;
  expectedBirthDate: IsoDate | null;
  deathDate: IsoDate | null;
  /** As in the file: Sex (M/F/U) from 2024-25, GenderCurrent (1/2/0/9) before. */
  sex: string;
  disabilities: { loc: Loc; code: string }[];
  episodes: CensusEpisode[];
}

export interface CensusContext {
  /** Header Year: the census ending 31 March of it. */
  year: number;
  start: IsoDate;
  end: IsoDate;
}

export interface CensusRule {
  code: string;
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
  return rules.flatMap((rule) => rule.check(child, c).map((loc) => ({ code: rule.code, line: loc.line, path: `${loc.path}/${rule.field}`, message: rule.message })));
}

