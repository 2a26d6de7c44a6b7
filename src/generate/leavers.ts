// Care leavers: a dated timeline of activity from leaving care (case system) and the OC3 record
// around each 17th to 21st birthday that falls in a collection year. NEET and EET spells
// alternate; NEET spells run from weeks to over a year, so at any time about 35-40% of 19-21
// year olds are NEET.
import { ACCOM_SUITABLE, ACCOM_UNSUITABLE, EET_19_PLUS, EET_UNDER_19, IN_TOUCH, NEET } from './distributions.ts';
import { birthday, fyStart, fyEnd } from './days.ts';
import type { Random } from './random.ts';
import type { Window } from './scales.ts';

export interface Activity {
  start: number;
  end: number | null;
  activ: string;
}

export interface Oc3 {
  fy: number;
  inTouch: string;
  activ: string;
  accom: string;
}

const MONTH = 30.44;

function neetSpell(r: Random): number {
  const u = r.next();
  if (u < 0.3) return r.int(20, 90);
  if (u < 0.7) return r.int(91, 365);
  return r.int(366, 900);
}

/** Activity from the day after care ends until asOf (the last period continuing). */
export function activityTimeline(r: Random, dob: number, careEnd: number, asOf: number): Activity[] {
  const out: Activity[] = [];
  // Some young people are never NEET, others rarely anything else.
  const eetMean = r.chance(0.2) ? 36 * MONTH : 13 * MONTH;
  let neet = r.chance(0.35);
  for (let day = careEnd + 1; day <= asOf; ) {
    const length = neet ? neetSpell(r) : 60 + Math.round(r.exponential(eetMean));
    const activ = neet ? r.weighted(NEET) : r.weighted(day < birthday(dob, 19) ? EET_UNDER_19 : EET_19_PLUS);
    const end = day + length - 1;
    out.push({ start: day, end: end < asOf ? end : null, activ });
    day = end + 1;
    neet = !neet;
  }
  return out;
}

function activityOn(timeline: readonly Activity[], day: number): string {
  const a = timeline.find((t) => t.start <= day && (t.end === null || t.end >= day));
  return a?.activ ?? '0';
}

/**
 * OC3 rows for the collection years in the window: one per year in which a 17th-21st birthday
 * falls after the young person left care (rules 391, 1007, 1016), on or before asOf.
 */
export function oc3Records(r: Random, dob: number, careEnd: number, timeline: readonly Activity[], win: Window): Oc3[] {
  const out: Oc3[] = [];
  for (const fy of win.years) {
    for (let age = 17; age <= 21; age++) {
      const b = birthday(dob, age);
      if (b < fyStart(fy) || b > fyEnd(fy) || b > win.asOf || b <= careEnd) continue;
      const inTouch = r.weighted(IN_TOUCH);
      if (inTouch !== 'YES') {
        out.push({ fy, inTouch, activ: '0', accom: '0' });
        continue;
      }
      const suitable = r.chance(0.88);
      let accom = r.weighted(suitable ? ACCOM_SUITABLE : ACCOM_UNSUITABLE);
      if (age === 17 && accom === 'Z') accom = 'D'; // rule 3001: no staying put at 17
      if (accom === 'T' && (age === 17 || (age === 18 && b > fyStart(fy)))) accom = 'D'; // rule 347: no foyer under 18 at the year's start
      const activ = activityOn(timeline, b);
      out.push({ fy, inTouch, activ: activ === '0' ? r.weighted(NEET) : activ, accom: `${accom}${suitable ? 1 : 2}` });
    }
  }
  return out;
}
