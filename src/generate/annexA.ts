// A synthetic Annex A workbook (Ofsted ILACS lists 1-11, one sheet per list, headings as Ofsted's
// template words them) for the last 12 months, drawn as children's journeys: contact, referral,
// assessment, section 47 and conference, child protection plan, care, leaving care; with children
// in need, early help, adoption and adopters beside them. Rates are shaped on the DfE's children in
// need statistics (about 4 in 10 contacts become referrals, most assessments within 45 working
// days); they are not any council's figures. The Annex A SEND lists (EHC plans, SEN support)
// follow on two more sheets. Written with exceljs's streaming WorkbookWriter.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { addWorkingDays } from '../core/cin.ts';
import { fromEpochDay, toEpochDay } from '../core/dates.ts';
import { ANNEX_A_LISTS, type AnnexAList } from '../importers/annexA/lists.ts';
import { ANNEX_A_SEND_LISTS } from '../importers/annexA/send-lists.ts';
import { SEN_TYPE } from '../core/codes.ts';
import type { AreaGenerator } from './area.ts';
import { YEAR_DAYS } from './days.ts';
import type { Random } from './random.ts';
import type { ScaleName } from './scales.ts';

export const ANNEX_A_WORKBOOK = 'annex_a/annex_a.xlsx';

/** Contacts in the 12 months of the lists, per scale (national: Annex A is one council's). */
const CONTACTS: Record<ScaleName, number> = { small: 500, la: 6000, national: 0 };
const TEAMS = ['Assessment Team 1', 'Assessment Team 2', 'Safeguarding North', 'Safeguarding South', 'Children in Care', 'Leaving Care'];
const WORKERS = ['A. Khan', 'B. Okafor', 'C. Murphy', 'D. Patel', 'E. Williams', 'F. Nowak', 'G. Hughes', 'H. Begum', 'I. Clarke', 'J. Evans'];
const SOURCES = ['a) Individual', 'b) Schools', 'c) Education services', 'd) Health services', 'e) Housing', 'f) LA services', 'g) Police', 'i) Other'];
const GENDERS = ['a) Male', 'b) Female'];
const ETHNICITIES = ['a) WBRI', 'd) WOTH', 'f) MWBC', 'i) MOTH', 'k) APKN', 'o) BAFR', 'r) OOTH'];
const CATEGORIES = ['a) Neglect', 'b) Physical Abuse', 'c) Sexual Abuse', 'd) Emotional Abuse', 'e) Multiple'];

export type AnnexARows = Map<number, Record<string, string | number | Date | null>[]>;

type Day = number;
const wd = (day: Day, n: number): Day => toEpochDay(addWorkingDays(fromEpochDay(day), n));
const asDate = (day: Day | null): Date | null => (day === null ? null : new Date(day * 86_400_000));

/** The rows of every list, keyed by list number, each row keyed by the list's column keys. */
export function annexARows(r: Random, asOf: Day, contacts: number): AnnexARows {
  const rows: AnnexARows = new Map(ANNEX_A_LISTS.map((l) => [l.list, []]));
  const add = (list: number, row: Record<string, string | number | Date | null>) => rows.get(list)!.push(row);
  const from = asOf - 365;
  const upTo = (d: Day | null) => (d !== null && d <= asOf ? d : null);
  for (let i = 1; i <= contacts; i++) {
    const id = `AA${String(i).padStart(6, '0')}`;
    const dob = asOf - r.int(30, 17 * 365);
    const person = { child_id: id, gender: r.pick(GENDERS), ethnicity: r.pick(ETHNICITIES), birth_date: asDate(dob), age: Math.floor((asOf - dob) / YEAR_DAYS) };
    const team = r.pick(TEAMS.slice(0, 4));
    const staff = { team, worker: r.pick(WORKERS) };
    const contact = r.dayBetween(from, asOf - 1);
    add(1, { ...person, contact_date: asDate(contact), contact_source: r.pick(SOURCES) });
    if (r.chance(0.12)) {
      // Early help starts days after the contact, never after the day the workbook is made.
      const ehStart = Math.min(contact + r.int(3, 20), asOf);
      add(2, { ...person, eh_start: asDate(ehStart), eh_end: asDate(upTo(contact + r.int(40, 120))), organisation: r.pick(['Family Hub', 'School', 'Health visiting']) });
    }
    if (!r.chance(0.42)) continue;
    // The contact decision: most within one working day, some late.
    const referral = upTo(wd(contact, r.chance(0.85) ? r.int(0, 1) : r.int(2, 5)));
    if (referral === null) continue;
    const nfa = r.chance(0.08);
    add(3, { ...person, referral_date: asDate(referral), referral_source: r.pick(SOURCES), nfa: nfa ? 'Y' : 'N', referrals_12m: r.chance(0.2) ? r.int(2, 4) : 1, ...staff });
    if (nfa) continue;
    const start = upTo(wd(referral, r.int(0, 3)));
    if (start === null) continue;
    // Most assessments authorised within 45 working days; some drift.
    const length = r.chance(0.84) ? r.int(8, 45) : r.int(46, 90);
    const authorised = upTo(wd(start, length));
    const needsSupport = authorised !== null && r.chance(0.55);
    add(4, { ...person, disability: r.chance(0.08) ? 'Yes' : 'No', assessment_start: asDate(start), seen: 'Yes', assessment_authorised: asDate(authorised), needs_support: authorised === null ? null : needsSupport ? 'Yes' : 'No', ...staff });
    const s47 = r.chance(0.22);
    let status = authorised === null ? 'd) Open assessment' : needsSupport ? 'c) Child in need plan' : 'e) Closed episode';
    let plan: Day | null = null;
    if (s47) {
      const strategy = upTo(wd(start, r.int(0, 5)));
      if (strategy !== null) {
        const conference = r.chance(0.42);
        const icpc = conference ? upTo(wd(strategy, r.chance(0.8) ? r.int(5, 15) : r.int(16, 30))) : null;
        const toPlan = icpc !== null && r.chance(0.88);
        add(5, { ...person, disability: 'No', strategy_date: asDate(strategy), icpc_unnecessary: conference ? 'N' : upTo(wd(strategy, 15)) === null ? null : 'Y', icpc_date: asDate(icpc), icpc_plan: icpc === null ? null : toPlan ? 'Y' : 'N', s47_12m: 1, icpc_12m: icpc === null ? 0 : 1, ...staff });
        if (toPlan) plan = icpc;
      }
    }
    if (plan !== null) {
      const end = r.chance(0.3) ? upTo(plan + r.int(90, 300)) : null;
      status = end === null ? 'b) Child Protection plan' : status;
      add(7, { ...person, disability: 'No', cp_start: asDate(plan), initial_category: r.pick(CATEGORIES), latest_category: r.pick(CATEGORIES), last_visit: asDate(Math.max(plan, asOf - r.int(1, 20))), seen_alone: r.chance(0.8) ? 'Y' : 'N', last_review: asDate(upTo(plan + 90)), cp_end: asDate(end), epo: 'N', previous_plans: r.chance(0.2) ? 1 : 0, ...staff, team: r.pick(TEAMS.slice(2, 4)) });
      if (r.chance(0.12)) {
        const care = upTo(plan + r.int(20, 200));
        if (care !== null) {
          status = 'a) Looked after child';
          add(8, lookedAfterRow(r, person, care, asOf));
        }
      }
    }
    if (authorised !== null || plan !== null) add(6, { ...person, disability: 'No', cin_start: asDate(referral), primary_need: 'a) Abuse or neglect', last_seen: asDate(Math.max(referral, asOf - r.int(1, 40))), cin_closure: status === 'e) Closed episode' ? asDate(authorised) : null, closure_reason: status === 'e) Closed episode' ? 'h) Child not in need after assessment' : null, case_status: status, ...staff });
  }
  // Children in care since before the 12 months, care leavers, adoption and adopters: by scale.
  const stock = Math.round(contacts / 20);
  for (let i = 1; i <= stock; i++) {
    const dob = asOf - r.int(365, 17 * 365);
    const person = { child_id: `LA${String(i).padStart(6, '0')}`, gender: r.pick(GENDERS), ethnicity: r.pick(ETHNICITIES), birth_date: asDate(dob), age: Math.floor((asOf - dob) / YEAR_DAYS) };
    const care = Math.max(dob, asOf - r.int(366, 6 * 365));
    add(8, lookedAfterRow(r, person, care, asOf));
    if (person.age < 6 && r.chance(0.3)) {
      const decision = care + r.int(100, 300);
      const placed = r.chance(0.6) ? upTo(decision + r.int(60, 300)) : null;
      add(10, { ...person, family_id: null, disability: 'No', entered_care: asDate(care), adoption_decision: asDate(Math.min(decision, asOf)), placement_order: asDate(upTo(decision + 30)), matched: asDate(placed === null ? null : placed - 14), placed: asDate(placed), adoption_order: asDate(placed === null ? null : upTo(placed + 200)), no_longer_decision: null, no_longer_reason: null, ffa_date: null });
    }
  }
  for (let i = 1; i <= Math.round(contacts / 40); i++) {
    const dob = asOf - r.int(17 * 365 + 200, 21 * 365);
    add(9, { child_id: `CL${String(i).padStart(6, '0')}`, gender: r.pick(GENDERS), ethnicity: r.pick(ETHNICITIES), birth_date: asDate(dob), age: Math.floor((asOf - dob) / YEAR_DAYS), uasc: r.chance(0.15) ? 'Y' : 'N', disability: 'No', team: 'Leaving Care', worker: r.pick(WORKERS), personal_adviser: r.pick(WORKERS), eligibility: r.pick(['a) Relevant', 'b) Former relevant', 'c) Qualifying']), pathway_review: asDate(asOf - r.int(10, 250)), in_touch: r.chance(0.9) ? 'a) In touch' : 'b) Not in touch', last_contact: asDate(asOf - r.int(1, 90)), accommodation: r.pick(['a) With parents or relatives', 'c) Semi-independent transitional accommodation', 'k) Independent living']), suitable: r.chance(0.88) ? 'a) Suitable' : 'b) Not suitable', activity: r.pick(['F2: Full time in education other than higher', 'F3: Full time in training or employment', 'G5: Not in education, employment or training - other']) });
  }
  for (let i = 1; i <= Math.max(2, Math.round(contacts / 250)); i++) {
    const enquiry = asOf - r.int(30, 400);
    add(11, { adopter_id: `AD${String(i).padStart(5, '0')}`, family_id: `FAM${i}`, gender: r.pick(GENDERS), ethnicity: r.pick(ETHNICITIES), disability: 'No', ffa: 'N', enquiry: asDate(enquiry), stage1_start: asDate(upTo(enquiry + 20)), stage1_end: asDate(upTo(enquiry + 80)), stage2_start: asDate(upTo(enquiry + 90)), stage2_end: asDate(upTo(enquiry + 200)), applied: asDate(upTo(enquiry + 85)), approved: asDate(upTo(enquiry + 210)), matched: null, placed: null, children_placed: null, adoption_order: null, left: null, left_reason: null });
  }
  return rows;
}

/** EHC plans and children on SEN support per contact in the ILACS lists (about 1 in 4 and 1 in 2: shaped, not any council's). */
const SEND_PER_CONTACT = { plans: 0.25, support: 0.5 };
const PHASES = ['Nursery', 'Primary', 'Secondary', 'Special', 'Post-16', 'Alternative provision'];

/** Annex A SEND List 1 (EHC plans in force) and List 2 (SEN support), keyed by list number. */
export function annexASendRows(r: Random, asOf: Day, contacts: number): AnnexARows {
  const rows: AnnexARows = new Map(ANNEX_A_SEND_LISTS.map((l) => [l.list, []]));
  const school = () => ({ urn: String(r.int(100000, 149999)), phase: r.pick(PHASES), subsidiary_phase: null, suspensions: r.chance(0.1) ? r.int(1, 4) : 0, exclusions: 0, absence: String(r.int(2, 25)), pupil_premium: r.chance(0.3) ? 'Yes' : 'No' });
  const person = (prefix: string, i: number) => {
    const dob = asOf - r.int(3 * 365, 24 * 365);
    return { child_id: `${prefix}${String(i).padStart(6, '0')}`, upn: null, uln: null, birth_date: asDate(dob), gender: r.pick(GENDERS), ethnicity: r.pick(ETHNICITIES) };
  };
  const social = () => (r.chance(0.2) ? { known_to_csc: 'Yes', csc_team: r.pick(TEAMS), disability: r.chance(0.5) ? 'Yes' : 'No' } : { known_to_csc: 'No', csc_team: null, disability: r.chance(0.3) ? 'Yes' : 'No' });
  for (let i = 1; i <= Math.round(contacts * SEND_PER_CONTACT.plans); i++) {
    const issued = asOf - r.int(10, 8 * 365);
    // Most plans a year old or more were reviewed in the last 12 months; some are overdue.
    const review = issued > asOf - 365 ? null : r.chance(0.85) ? asOf - r.int(1, 364) : asOf - r.int(366, 600);
    rows.get(1)!.push({ ...person('SP', i), plan_issued: asDate(issued), plan_updated: review !== null && r.chance(0.3) ? asDate(review) : null, last_review: asDate(review), sen_need: r.pick(Object.keys(SEN_TYPE)), ...school(), ehe: r.chance(0.02) ? 'Yes' : 'No', ...social() });
  }
  for (let i = 1; i <= Math.round(contacts * SEND_PER_CONTACT.support); i++) {
    rows.get(2)!.push({ ...person('SS', i), sen_need: r.pick(Object.keys(SEN_TYPE)), ...school(), ...social() });
  }
  return rows;
}

function lookedAfterRow(r: Random, person: Record<string, string | number | Date | null>, care: Day, asOf: Day): Record<string, string | number | Date | null> {
  const placement = Math.min(asOf, care + r.int(0, 400));
  return {
    ...person, uasc: 'N', disability: 'No', cla_start: asDate(care), category_of_need: 'a) Abuse or neglect', subsequent: 'N',
    legal_status_start: asDate(care), legal_status: r.pick(['a) Interim care orders', 'b) Full care orders', 'e) Accommodated under S20']),
    last_review: asDate(Math.max(care, asOf - r.int(5, 200))), last_visit: asDate(Math.max(care, asOf - r.int(1, 60))), permanence_plan: r.pick(['a) Return to family', 'f) Long-term fostering', 'b) Adoption']),
    last_iro: asDate(Math.max(care, asOf - r.int(5, 150))), last_health: asDate(Math.max(care, asOf - r.int(5, 400))), last_dental: asDate(Math.max(care, asOf - r.int(5, 400))),
    placements_12m: r.int(1, 3), cla_end: null, reason_ceased: null, placement_start: asDate(placement), placement_type: r.pick(['a) Foster placement', 'h) Children’s Homes']),
    placement_provider: r.pick(['a) Own LA', 'b) Private']), placement_postcode: r.pick(['AB1 2CD', 'EF3 4GH', 'JK5 6LM']), placement_urn: null,
    placement_location: r.chance(0.7) ? 'a) In' : 'b) Out', placement_la: 'Own LA', missing_12m: r.chance(0.1) ? r.int(1, 5) : 0, absent_12m: 0,
    ri_offered: null, ri_accepted: null, team: 'Children in Care', worker: r.pick(WORKERS),
  };
}

/**
 * Writes a workbook (to a file or a stream) with exceljs's streaming writer and resolves once the
 * file is closed (the stream finished): the
 * writer's commit resolves when the zip is finished, which can be before the file holds its end
 * (shared strings, workbook.xml), and a reader then sees a workbook without them.
 */
export async function writeWorkbook(to: string | Writable, fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<void> {
  const stream = typeof to === 'string' ? createWriteStream(to) : to;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  fill(wb);
  await wb.commit();
  await finished(stream);
}

/**
 * Writes rows as an Annex A workbook: a sheet per list, Ofsted's headings, dates as date cells;
 * with `send`, the two Annex A SEND lists after them on sheets "SEND List 1" and "SEND List 2".
 */
export function writeAnnexAWorkbook(path: string, rows: AnnexARows, lists: readonly AnnexAList[] = ANNEX_A_LISTS, send: AnnexARows | null = null): Promise<void> {
  const sheets = [...lists.map((l) => ({ list: l, name: `List ${l.list}`, rows })), ...(send ? ANNEX_A_SEND_LISTS.map((l) => ({ list: l, name: `SEND List ${l.list}`, rows: send })) : [])];
  return writeWorkbook(path, (wb) => {
    for (const { list, name, rows: from } of sheets) {
      const ws = wb.addWorksheet(name);
      ws.columns = list.columns.map((c) => ({ header: c.name, key: c.key, width: 18, style: c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {} }));
      for (const row of from.get(list.list) ?? []) ws.addRow(row).commit();
      ws.commit();
    }
  });
}

export const generateAnnexA: AreaGenerator = async (ctx) => {
  const contacts = CONTACTS[ctx.scale];
  if (contacts === 0) return;
  // Opened as a text file only to be listed with the run's files (and its folder made); exceljs writes it.
  const path = ctx.openText(ANNEX_A_WORKBOOK).path;
  const rows = annexARows(ctx.random, ctx.win.asOf, contacts);
  await writeAnnexAWorkbook(path, rows, ANNEX_A_LISTS, annexASendRows(ctx.random, ctx.win.asOf, contacts));
};
