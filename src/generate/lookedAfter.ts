// Looked-after children: who they are (903 Header), their care (Episodes), when they went
// missing (Missing, with the return home interview) and, for those who leave care at 16-18,
// their life as care leavers (activity timeline and OC3).
import { careEpisodes, everResidential, type CarePlan, type Episode } from './care.ts';
import { CEASE_16_17, CEASE_AT_18, CEASE_YOUNG, ETHNICITY } from './distributions.ts';
import { birthday, YEAR_DAYS } from './days.ts';
import { activityTimeline, oc3Records, type Activity, type Oc3 } from './leavers.ts';
import { addInterviews, missingEpisodes, missingRate, type MissingEpisode } from './missing.ts';
import { weights, type Random } from './random.ts';
import type { Window } from './scales.ts';
import { makeUpn } from './upn.ts';

/** A fictitious local authority code for UPNs. */
export const LA_CODE = 999;

export interface LookedAfterChild {
  id: string;
  sex: 1 | 2;
  dob: number;
  ethnic: string;
  upn: string;
  mother: string | null;
  mcDob: number | null;
  episodes: Episode[];
  /** Last day looked after, or null while still looked after on asOf. */
  careEnd: number | null;
  missing: MissingEpisode[];
  activities: Activity[];
  oc3: Oc3[];
}

const years = (n: number): number => Math.round(n * YEAR_DAYS);

/** Age (in years) of children looked after on a given day: mostly teenagers. */
function stockAge(r: Random): number {
  const band = r.weighted(AGE_BANDS);
  const [lo, hi] = AGE_RANGE[band];
  return lo + r.next() * (hi - lo);
}
const AGE_BANDS = weights({ infant: 5, '1-4': 13, '5-9': 17, '10-15': 39, '16-17': 26 });
const AGE_RANGE = { infant: [0, 1], '1-4': [1, 5], '5-9': [5, 10], '10-15': [10, 16], '16-17': [16, 17.9] } as const;
/** Age at entry: infants and teenagers enter care most. */
const ENTRY_BANDS = weights({ infant: 20, '1-4': 14, '5-9': 18, '10-15': 36, '16-17': 12 });

function ceaseReason(r: Random, dob: number, end: number): string {
  if (end >= birthday(dob, 18)) return r.weighted(CEASE_AT_18);
  return end >= birthday(dob, 16) ? r.weighted(CEASE_16_17) : r.weighted(CEASE_YOUNG);
}

/** A child already looked after when the window opens. */
export function stockPlan(r: Random, win: Window): CarePlan {
  const age = stockAge(r);
  const dob = win.start - years(age);
  // Infants on the adoption route came into care recently: adoption takes one to three years.
  const adoption = age < 3 && r.chance(0.45);
  const start = win.start - Math.min(adoption ? r.int(150, 800) : Math.round(r.exponential(900)), years(age));
  const u = r.next();
  const remaining = u < 0.3 ? 7 + Math.round(r.exponential(200)) : u < 0.7 ? r.int(365, 1460) : years(18);
  return plan(r, dob, start, win.start + remaining, adoption);
}

/** A child who starts to be looked after during the window. */
export function entrantPlan(r: Random, win: Window): CarePlan {
  const start = r.dayBetween(win.start, win.asOf);
  const [lo, hi] = AGE_RANGE[r.weighted(ENTRY_BANDS)];
  const dob = start - years(lo + r.next() * (hi - lo));
  const u = r.next();
  const stay = u < 0.25 ? 7 + Math.round(r.exponential(60)) : u < 0.65 ? r.int(200, 1100) : years(18);
  return plan(r, dob, start, start + stay, (start - dob) / YEAR_DAYS < 2 && r.chance(0.5));
}

function plan(r: Random, dob: number, start: number, end: number, adoption: boolean): CarePlan {
  const capped = Math.min(end, birthday(dob, 18));
  const ceased = adoption ? (r.chance(0.7) ? 'E11' : 'E12') : ceaseReason(r, dob, capped);
  return { dob, start, end: capped, ceaseReason: ceased, adoption };
}

/**
 * A teenager in a children's home throughout the window, who goes missing again and again: one
 * at every scale, so the repeat-missing views always have someone in every year.
 */
export function repeatMissingPlan(r: Random, win: Window): CarePlan {
  const dob = win.start - years(13.5 + r.next());
  const start = win.start - r.int(200, 400);
  return { dob, start, end: birthday(dob, 18), ceaseReason: r.weighted(CEASE_AT_18), adoption: false, placement: 'K2' };
}

/** A young person who leaves care at 16-18 with care-leaver birthdays inside the window. */
export function leaverPlan(r: Random, win: Window): CarePlan {
  const dob = win.start - years(17.5 + r.next() * 3.5);
  const start = birthday(dob, 11) + r.int(0, years(5.2));
  return plan(r, dob, start, r.chance(0.8) ? birthday(dob, 18) : Math.max(start + 120, birthday(dob, 16) + r.int(180, 540)), false);
}

/** `repeatMissing` makes the child go missing about once a month, whatever the odds. */
export function lookedAfterChild(
  r: Random, serial: number, plan: CarePlan, win: Window, missingScale: number, repeatMissing = false,
): LookedAfterChild {
  const sex = r.chance(0.56) ? 1 : 2;
  const { dob } = plan;
  const episodes = careEpisodes(r, plan, win.asOf);
  const careEnd = (episodes[episodes.length - 1] as Episode).dec;
  const ageAtAsOf = (win.asOf - dob) / YEAR_DAYS;
  const mother = sex === 2 && (win.start - dob) / YEAR_DAYS >= 16 && r.chance(0.04);

  const child: LookedAfterChild = {
    id: `C${String(serial).padStart(6, '0')}`,
    sex, dob, ethnic: r.weighted(ETHNICITY),
    upn: ageAtAsOf >= 5 ? makeUpn(LA_CODE, serial, new Date((dob + years(4)) * 86_400_000).getUTCFullYear()) : 'UN1',
    mother: sex === 2 && ageAtAsOf >= 12 ? (mother ? '1' : '0') : null,
    mcDob: mother ? r.dayBetween(birthday(dob, 15), win.start - 1) : null,
    episodes, careEnd, missing: [], activities: [], oc3: [],
  };

  // Missing: children of 11 and over, far more often (and more often again) from residential care.
  const from = Math.max(plan.start, win.start, birthday(dob, 11));
  const to = Math.min(careEnd ?? win.asOf, win.asOf);
  const residential = everResidential(episodes);
  if (from <= to && (repeatMissing || r.chance(residential ? 0.45 : 0.1))) {
    const rate = repeatMissing ? 12 : missingRate(r) * missingScale * (residential ? 1.8 : 1);
    child.missing = missingEpisodes(r, from, to, rate, 0.3, win.asOf);
    addInterviews(r, child.missing, win.asOf, 'PUSH_PLACEMENT');
    // Missing on the day care ceased at 18: the reason it ceased is E8 (rule 580).
    if (careEnd === birthday(dob, 18) && child.missing.some((m) => m.end === careEnd)) (episodes[episodes.length - 1] as Episode).rec = 'E8';
  }

  // Care leavers: relevant children who leave care after their 16th birthday after 13 weeks since 14 (rule 1001).
  if (careEnd !== null && careEnd > birthday(dob, 16) && careEnd - Math.max(plan.start, birthday(dob, 14)) >= 91
    && !['E11', 'E12'].includes(plan.ceaseReason)) {
    child.activities = activityTimeline(r, dob, careEnd, win.asOf);
    child.oc3 = oc3Records(r, dob, careEnd, child.activities, win);
  }
  return child;
}
