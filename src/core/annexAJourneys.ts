// Children's journeys across the Annex A lists (pure: rows in, figures out): contact, referral,
// assessment, section 47 enquiry, child protection plan, looked after, leaving care. A child
// reaches a step when a later list holds them with a date on or after the step before; the flow
// (for a Sankey chart) and the conversion at each step are of the children contacted in the last
// 6 or 12 months. Timeliness is measured on the lists' own dates, and drift is work open longer
// than its statutory clock with no next step.
import { ASSESSMENT_WORKING_DAYS, addWorkingDays, workingDaysBetween } from './cin.ts';
import { ICPC_WORKING_DAYS } from './childProtection.ts';
import { addMonths, type IsoDate } from './dates.ts';

export interface AnnexARecord {
  list: number;
  childId: string;
  data: Record<string, string | number | boolean | null>;
}

export interface JourneyStep {
  id: string;
  label: string;
  list: number;
  /** The column holding the step's date (none for leaving care: being on List 9 is the step). */
  date: string | null;
}

export const JOURNEY_STEPS: readonly JourneyStep[] = [
  { id: 'contact', label: 'Contact', list: 1, date: 'contact_date' },
  { id: 'referral', label: 'Referral', list: 3, date: 'referral_date' },
  { id: 'assessment', label: 'Assessment', list: 4, date: 'assessment_start' },
  { id: 's47', label: 'Section 47 enquiry', list: 5, date: 'strategy_date' },
  { id: 'cp', label: 'Child protection plan', list: 7, date: 'cp_start' },
  { id: 'cla', label: 'Looked after', list: 8, date: 'cla_start' },
  { id: 'leaving', label: 'Leaving care', list: 9, date: null },
];

/** A contact's decision is due within this many working days (the front door's standard). */
export const CONTACT_DECISION_WORKING_DAYS = 1;
/** A child protection plan open longer than this many months is listed as drift for review. */
export const LONG_PLAN_MONTHS = 18;

/** The Sankey node of children who went no further than a step. */
export function stopNode(step: JourneyStep): string {
  return `No further step after ${step.label.toLowerCase()}`;
}

export interface Journey {
  months: number;
  from: IsoDate;
  /** Children reaching each step (in JOURNEY_STEPS order). */
  reached: number[];
  /** Flow between steps, and from each step to "no further step", for a Sankey chart. */
  links: { source: string; target: string; value: number }[];
}

function dateOf(r: AnnexARecord, key: string | null): IsoDate | null {
  const v = key ? r.data[key] : null;
  return typeof v === 'string' ? v : null;
}

/** Each child's rows of each list, earliest date first. */
function byChild(records: readonly AnnexARecord[]): Map<string, Map<number, AnnexARecord[]>> {
  const out = new Map<string, Map<number, AnnexARecord[]>>();
  for (const r of records) {
    let lists = out.get(r.childId);
    if (!lists) out.set(r.childId, (lists = new Map()));
    (lists.get(r.list) ?? lists.set(r.list, []).get(r.list)!).push(r);
  }
  for (const lists of out.values()) {
    for (const [list, rows] of lists) {
      const step = JOURNEY_STEPS.find((s) => s.list === list);
      rows.sort((a, b) => (dateOf(a, step?.date ?? null) ?? '').localeCompare(dateOf(b, step?.date ?? null) ?? ''));
    }
  }
  return out;
}

export function journey(records: readonly AnnexARecord[], asOf: IsoDate, months: number): Journey {
  const from = addMonths(asOf, -months);
  const reached = JOURNEY_STEPS.map(() => 0);
  const flow = new Map<string, number>();
  const add = (a: string, b: string) => flow.set(`${a}\u0000${b}`, (flow.get(`${a}\u0000${b}`) ?? 0) + 1);
  for (const lists of byChild(records).values()) {
    const contact = (lists.get(1) ?? []).map((r) => dateOf(r, 'contact_date')).find((d) => d !== null && d > from && d <= asOf);
    if (!contact) continue;
    let at: IsoDate = contact;
    reached[0]! += 1;
    let k = 0;
    for (; k + 1 < JOURNEY_STEPS.length; k++) {
      const next = JOURNEY_STEPS[k + 1]!;
      const rows = lists.get(next.list) ?? [];
      const found = next.date === null ? (rows.length ? at : null) : rows.map((r) => dateOf(r, next.date)).find((d) => d !== null && d >= at);
      if (!found) break;
      add(JOURNEY_STEPS[k]!.label, next.label);
      reached[k + 1]! += 1;
      at = found;
    }
    if (k + 1 < JOURNEY_STEPS.length) add(JOURNEY_STEPS[k]!.label, stopNode(JOURNEY_STEPS[k]!));
  }
  const links = [...flow].map(([key, value]) => {
    const [source, target] = key.split('\u0000') as [string, string];
    return { source, target, value };
  });
  return { months, from, reached, links };
}

export interface Timeliness {
  id: 'contact' | 'assessment' | 'icpc';
  label: string;
  /** The indicator whose published figures (England, region, neighbours) measure the same thing, or null when none is published. */
  published: string | null;
  inTime: number;
  of: number;
}

/** Timeliness over the rows dated in the last 12 months. */
export function timeliness(records: readonly AnnexARecord[], asOf: IsoDate): Timeliness[] {
  const from = addMonths(asOf, -12);
  const children = byChild(records);
  let contactIn = 0, contactOf = 0, assessIn = 0, assessOf = 0, icpcIn = 0, icpcOf = 0;
  for (const lists of children.values()) {
    const referrals = (lists.get(3) ?? []).map((r) => dateOf(r, 'referral_date')).filter((d): d is IsoDate => d !== null);
    for (const c of lists.get(1) ?? []) {
      const contact = dateOf(c, 'contact_date');
      if (!contact || contact <= from) continue;
      // The decision shows as the referral that followed; a contact not referred has no date to time.
      const referral = referrals.find((d) => d >= contact);
      if (!referral) continue;
      contactOf += 1;
      if (referral <= addWorkingDays(contact, CONTACT_DECISION_WORKING_DAYS)) contactIn += 1;
    }
  }
  for (const r of records) {
    if (r.list === 4) {
      const start = dateOf(r, 'assessment_start');
      const done = dateOf(r, 'assessment_authorised');
      if (start && done && done > from) {
        assessOf += 1;
        if (workingDaysBetween(start, done) <= ASSESSMENT_WORKING_DAYS) assessIn += 1;
      }
    } else if (r.list === 5) {
      const strategy = dateOf(r, 'strategy_date');
      const icpc = dateOf(r, 'icpc_date');
      if (strategy && icpc && icpc > from) {
        icpcOf += 1;
        if (workingDaysBetween(strategy, icpc) <= ICPC_WORKING_DAYS) icpcIn += 1;
      }
    }
  }
  return [
    // The DfE publishes no contact figures (contacts are not in the CIN census).
    { id: 'contact', label: `Contacts referred within ${CONTACT_DECISION_WORKING_DAYS} working day`, published: null, inTime: contactIn, of: contactOf },
    { id: 'assessment', label: `Assessments authorised within ${ASSESSMENT_WORKING_DAYS} working days`, published: 'assessments_45_days', inTime: assessIn, of: assessOf },
    { id: 'icpc', label: `Initial conferences within ${ICPC_WORKING_DAYS} working days of the strategy discussion`, published: 'icpc_15_days', inTime: icpcIn, of: icpcOf },
  ];
}

export interface DriftCase {
  childId: string;
  what: string;
  since: IsoDate;
  workingDays: number;
  team: string | null;
  worker: string | null;
}

/** Work open past its clock with no next step: the officers' list, longest first. */
export function drift(records: readonly AnnexARecord[], asOf: IsoDate): DriftCase[] {
  const out: DriftCase[] = [];
  const text = (r: AnnexARecord, k: string) => (typeof r.data[k] === 'string' ? (r.data[k] as string) : null);
  const push = (r: AnnexARecord, what: string, since: IsoDate) =>
    out.push({ childId: r.childId, what, since, workingDays: workingDaysBetween(since, asOf), team: text(r, 'team'), worker: text(r, 'worker') });
  for (const r of records) {
    if (r.list === 4) {
      const start = dateOf(r, 'assessment_start');
      if (start && !dateOf(r, 'assessment_authorised') && workingDaysBetween(start, asOf) > ASSESSMENT_WORKING_DAYS) push(r, `Assessment open past ${ASSESSMENT_WORKING_DAYS} working days`, start);
    } else if (r.list === 5) {
      const strategy = dateOf(r, 'strategy_date');
      if (strategy && !dateOf(r, 'icpc_date') && r.data.icpc_unnecessary !== true && workingDaysBetween(strategy, asOf) > ICPC_WORKING_DAYS) push(r, `Section 47 with no conference after ${ICPC_WORKING_DAYS} working days`, strategy);
    } else if (r.list === 7) {
      const start = dateOf(r, 'cp_start');
      if (start && !dateOf(r, 'cp_end') && start <= addMonths(asOf, -LONG_PLAN_MONTHS)) push(r, `Child protection plan open over ${LONG_PLAN_MONTHS} months`, start);
    }
  }
  return out.sort((a, b) => b.workingDays - a.workingDays || a.childId.localeCompare(b.childId));
}
