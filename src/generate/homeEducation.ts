// Synthetic elective home education register. Registrations arrive through the window and the two
// years before it (so the register has children on it when the window opens), rising about 12% a
// year as in England; older children come on more often. A spell lasts about 18 months on average
// and ends with a return to school, a move, an unsuitable-education finding or the end of
// compulsory school age. Reasons follow the shares in the DfE's EHE statistics (philosophical or
// preferential and mental health the most given; about 40% other, not given or unknown). Child 1
// is on the register at asOf, not engaged and on a child protection plan, so the safeguarding list
// has someone in it at every scale.
import { EHE_END_REASONS, type EheReason, type SenProvision, type SocialCareStatus } from '../core/homeEducation.ts';
import type { AreaGenerator } from './area.ts';
import { dfe } from './csv.ts';
import { YEAR_DAYS, birthday } from './days.ts';
import { weights, type Random } from './random.ts';
import type { ScaleName } from './scales.ts';

export const EHE_FILE = 'education/elective_home_education.csv';
export const EHE_HEADER = ['ChildID', 'DOB', 'Sex', 'StartDate', 'EndDate', 'EndReason', 'ReasonCode', 'Engaged', 'SocialCareStatus', 'SENProvision'];

/** New registrations a year at asOf (England: about 60,000 a year across 152 councils). */
const NEW_PER_YEAR: Record<ScaleName, number> = { small: 16, la: 230, national: 60_000 };
const GROWTH = 1.12;
const YEARS_BEFORE_WINDOW = 2;
const MEAN_SPELL_DAYS = 1.5 * YEAR_DAYS;

const REASON = weights({
  PHILOSOPHICAL: 16, MENTAL_HEALTH: 14, LIFESTYLE: 8, DISSATISFIED: 9, SEN: 6, PHYSICAL_HEALTH: 3, BULLYING: 4, RELIGIOUS: 2,
  SCHOOL_PLACE: 2, EXCLUSION_RISK: 1.5, EXCLUDED: 0.5, COVID: 1, OTHER: 14, NOT_GIVEN: 12, UNKNOWN: 7,
} satisfies Record<EheReason, number>);
const SOCIAL_CARE = weights({ NONE: 88, CIN: 8, CP: 3.5, CLA: 0.5 } satisfies Record<SocialCareStatus, number>);
const SEN = weights({ N: 76, K: 17, E: 7 } satisfies Record<SenProvision, number>);
const SEN_WHEN_SEN_REASON = weights({ N: 20, K: 45, E: 35 } satisfies Record<SenProvision, number>);
const SEX = weights({ F: 51, M: 48, U: 1 });
/** Age at registration: more at secondary age (year group 11 the most). */
const AGE = weights({ '5': 3, '6': 4, '7': 5, '8': 6, '9': 7, '10': 8, '11': 9, '12': 11, '13': 12, '14': 14, '15': 15 });
const END = weights({ SCHOOL: 60, MOVED: 20, CME: 5, OTHER: 15 } satisfies Partial<Record<keyof typeof EHE_END_REASONS, number>>);

/** 30 June of the school year in which the child turns 16: the end of compulsory school age. */
function endOfSchoolAge(dob: number): number {
  const sixteen = new Date(birthday(dob, 16) * 86_400_000);
  const year = sixteen.getUTCFullYear() + (sixteen.getUTCMonth() >= 8 ? 1 : 0);
  return Date.UTC(year, 5, 30) / 86_400_000;
}

interface Spell {
  start: number;
  end: number | null;
  endReason: string | null;
  reason: string;
}

/** One spell from `start`; it ends by the end of school age, and not at all if that is after asOf. */
function spell(r: Random, dob: number, start: number, asOf: number): Spell {
  const reason = r.weighted(REASON);
  const natural = start + 1 + Math.round(r.exponential(MEAN_SPELL_DAYS));
  const ageEnd = endOfSchoolAge(dob);
  const [end, endReason] = natural < ageEnd ? [natural, r.weighted(END)] : [ageEnd, 'AGE'];
  return end > asOf ? { start, end: null, endReason: null, reason } : { start, end, endReason, reason };
}

export const generateHomeEducation: AreaGenerator = ({ scale, win, random: r, open }) => {
  const out = open(EHE_FILE, EHE_HEADER);
  const from = win.start - Math.round(YEARS_BEFORE_WINDOW * YEAR_DAYS);
  const years = (win.asOf - from) / YEAR_DAYS;
  // Registrations per year grow by GROWTH; spread them over the span in date order.
  const perYear = (t: number) => NEW_PER_YEAR[scale] * GROWTH ** (t - years);
  const total = Math.round((NEW_PER_YEAR[scale] * (1 - GROWTH ** -years)) / Math.log(GROWTH));
  let t = 0;
  for (let i = 1; i <= total; i++) {
    t += 1 / perYear(t);
    const first = i === 1;
    const start = first ? win.asOf - r.int(60, 200) : Math.min(win.asOf, from + Math.round(t * YEAR_DAYS));
    const age = first ? 12 : Number(r.weighted(AGE));
    let dob = start - Math.round((age + r.next()) * YEAR_DAYS);
    // A 15-year-old whose school days end before the start date is a year younger instead.
    if (endOfSchoolAge(dob) <= start + 30) dob += Math.round(YEAR_DAYS);
    const sex = r.weighted(SEX);
    const social: SocialCareStatus = first ? 'CP' : r.weighted(SOCIAL_CARE);
    const engaged = first ? false : r.chance(social === 'NONE' ? 0.8 : 0.6);
    const spells = [spell(r, dob, start, win.asOf)];
    if (first) spells[0] = { ...spells[0]!, end: null, endReason: null };
    // Some children go back to school and are home educated again later.
    const last = spells[0]!;
    if (last.endReason === 'SCHOOL' && r.chance(0.15)) {
      const again = last.end! + r.int(60, 400);
      if (again <= win.asOf && again < endOfSchoolAge(dob)) spells.push(spell(r, dob, again, win.asOf));
    }
    const id = `EHE${String(i).padStart(7, '0')}`;
    for (const s of spells) {
      const sen = r.weighted(s.reason === 'SEN' ? SEN_WHEN_SEN_REASON : SEN);
      out.write([id, dfe(dob), sex, dfe(s.start), dfe(s.end), s.endReason, s.reason, engaged ? 'Y' : 'N', social, sen]);
    }
  }
};
