// One period of care as a chain of SSDA903 episodes: each change of legal status or placement
// ends one episode (REC X1) on the day the next begins (DECOM), and the last episode ends with
// the reason care ceased, or stays open when the child is still looked after on asOf.
import {
  ADOPTION_PLACEMENTS, FIRST_LEGAL_STATUS_TEEN, FIRST_LEGAL_STATUS_YOUNG, NEED, PLACEMENT_0_4, PLACEMENT_13_15,
  PLACEMENT_16_17, PLACEMENT_5_12, PLACEMENT_CHANGE_REASON, RESIDENTIAL, postcode, providerFor,
} from './distributions.ts';
import { birthday, YEAR_DAYS } from './days.ts';
import type { Random } from './random.ts';

export interface Episode {
  decom: number;
  dec: number | null;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  provider: string | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePost: string;
  plPost: string;
  urn: string | null;
}

export interface CarePlan {
  dob: number;
  start: number;
  /** When care ends (may lie after asOf: still looked after). Adoption sets its own end. */
  end: number;
  /** REC of the last episode. */
  ceaseReason: string;
  /** Infant on the adoption route: care order, placement order, adoptive placement, adoption. */
  adoption: boolean;
  /** First placement type, when it is not left to chance. */
  placement?: string;
}

function placementFor(r: Random, age: number): string {
  if (age < 5) return r.weighted(PLACEMENT_0_4);
  if (age < 13) return r.weighted(PLACEMENT_5_12);
  if (age < 16) return r.weighted(PLACEMENT_13_15);
  return r.weighted(PLACEMENT_16_17);
}

/** Ofsted-style URN, recorded only for children's homes. */
function urnFor(r: Random, place: string): string | null {
  return place === 'K1' || place === 'K2' ? `SC${r.int(100000, 999999)}` : null;
}

/** The placement, or a foster placement when the child, accommodated under section 20 (V2), cannot be placed with parents (rule 378). */
function allowedPlacement(ls: string, place: string): string {
  return ls === 'V2' && place === 'P1' ? 'U6' : place;
}

interface Change {
  day: number;
  ls?: string;
  place?: string;
  sameCarer?: boolean;
}

/** Legal status after a court or agreement step, from the temporary statuses. */
function nextLegalStatus(r: Random, ls: string): string | null {
  switch (ls) {
    case 'C1':
      return 'C2';
    case 'L1':
    case 'L2':
      return r.chance(0.6) ? 'C1' : 'V2';
    case 'J1':
      return 'V2';
    case 'V2':
      return r.chance(0.3) ? 'C1' : null;
    default:
      return null;
  }
}

function adoptionChanges(r: Random, start: number): Change[] {
  const careOrder = start + r.int(150, 300);
  const placementOrder = careOrder + r.int(60, 200);
  const placed = placementOrder + r.int(60, 180);
  const adoptive = r.weighted(ADOPTION_PLACEMENTS);
  return [
    { day: careOrder, ls: 'C2' },
    { day: placementOrder, ls: 'E1' },
    // With the current foster carers (A3, A5) the carer stays the same (rule 217: reason for new episode T).
    { day: placed, place: adoptive, sameCarer: adoptive === 'A3' || adoptive === 'A5' },
  ];
}

/**
 * The longest a temporary legal status lasts, in days (the DfE's rules 361 and 362): police
 * protection 72 hours, an emergency protection order 8 days, extended at most to 21.
 */
const TEMPORARY_LS_DAYS: Readonly<Record<string, number>> = { L1: 3, L2: 21 };

function ordinaryChanges(r: Random, plan: CarePlan, firstLs: string, firstPlace: string, asOf: number): Change[] {
  const out: Change[] = [];
  let ls = firstLs;
  let place = firstPlace;
  // Police protection or an emergency protection order gives way to another status in time, and by asOf:
  // the rules count a temporary status still open in the year's return to the end of the year.
  const limit = TEMPORARY_LS_DAYS[firstLs];
  if (limit !== undefined && (plan.end - plan.start > limit || plan.end > asOf)) {
    ls = nextLegalStatus(r, ls) as string;
    out.push({ day: Math.min(plan.start + r.int(1, limit), asOf), ls });
  }
  // Unsettled children move more often; placement moves every year or so on average.
  const gap = r.chance(0.25) ? 120 : 380;
  for (let day = plan.start + 30 + Math.round(r.exponential(gap)); day < plan.end - 1; day += 30 + Math.round(r.exponential(gap))) {
    const age = (day - plan.dob) / YEAR_DAYS;
    const newLs = r.chance(0.6) ? nextLegalStatus(r, ls) : null;
    const change: Change = { day };
    if (newLs) {
      change.ls = ls = newLs;
      if (r.chance(0.2)) change.place = place = placementFor(r, age);
    } else if ((place === 'U6' || place === 'U3') && r.chance(0.2)) {
      // Short-term foster carers become the long-term ones: same carer, new placement.
      change.place = place = place === 'U6' ? 'U4' : 'U1';
      change.sameCarer = true;
    } else {
      change.place = place = placementFor(r, age);
    }
    out.push(change);
  }
  return out;
}

export function careEpisodes(r: Random, plan: CarePlan, asOf: number): Episode[] {
  const ageAtStart = (plan.start - plan.dob) / YEAR_DAYS;
  const cin = r.weighted(NEED);
  const homePost = postcode(r);
  // Youth justice statuses (J1 ...) only for a child over 10 when the episode begins (rule 358).
  const drawnLs = plan.adoption ? 'C1' : r.weighted(plan.start <= birthday(plan.dob, 10) ? FIRST_LEGAL_STATUS_YOUNG : FIRST_LEGAL_STATUS_TEEN);
  // Entering care on asOf itself, a temporary status could not have given way by then (rules 361, 362).
  const firstLs = TEMPORARY_LS_DAYS[drawnLs] !== undefined && plan.start >= asOf ? (nextLegalStatus(r, drawnLs) as string) : drawnLs;
  const firstPlace = allowedPlacement(firstLs, plan.adoption ? 'U6' : (plan.placement ?? placementFor(r, ageAtStart)));
  const first = episode(r, plan.start, 'S', firstLs, cin, firstPlace, homePost);
  const episodes = [first];
  const changes = plan.adoption ? adoptionChanges(r, plan.start) : ordinaryChanges(r, plan, firstLs, firstPlace, asOf);
  // An adoption order follows the adoptive placement by six months to a year.
  const end = plan.adoption ? (changes[changes.length - 1] as Change).day + r.int(180, 360) : plan.end;
  for (const drawn of changes) {
    if (drawn.day > asOf || drawn.day >= end) break;
    const prev = episodes[episodes.length - 1] as Episode;
    // Placed with parents again is no change of placement (the DfE's rules 434 to 436 would say so).
    const same = drawn.place === 'P1' && prev.place === 'P1' ? { ...drawn, place: undefined } : drawn;
    // Accommodated under section 20 (V2), the child cannot be placed with parents (rule 378): a foster placement instead.
    const place = same.place ?? prev.place;
    const c = allowedPlacement(same.ls ?? prev.ls, place) !== place ? { ...same, place: allowedPlacement(same.ls ?? prev.ls, place), sameCarer: false } : same;
    if (!c.ls && !c.place) continue;
    prev.dec = c.day;
    prev.rec = 'X1';
    const rne = c.ls ? (c.place ? 'B' : 'L') : c.sameCarer ? 'T' : 'P';
    // The reason for a placement change is recorded on the episode that ends with it (rules 225, 233).
    if (c.place) prev.reasonPlaceChange = c.sameCarer ? 'CARPL' : r.weighted(PLACEMENT_CHANGE_REASON);
    const next = c.place
      ? episode(r, c.day, rne, c.ls ?? prev.ls, cin, c.place, homePost)
      : { ...prev, decom: c.day, dec: null, rec: null, rne, ls: c.ls as string, reasonPlaceChange: null };
    episodes.push(next);
  }
  if (end <= asOf) {
    const last = episodes[episodes.length - 1] as Episode;
    last.dec = end;
    // A special guardianship order to former foster carers (E45, E46) needs a foster placement (rule 516).
    last.rec = ['E45', 'E46'].includes(plan.ceaseReason) && !last.place.startsWith('U') ? 'E41' : plan.ceaseReason;
  }
  return episodes;
}

function episode(
  r: Random, decom: number, rne: string, ls: string, cin: string, place: string, homePost: string,
): Episode {
  return {
    decom, dec: null, rne, ls, cin, place, provider: providerFor(place, r), rec: null, reasonPlaceChange: null,
    homePost, plPost: place === 'P1' ? homePost : postcode(r), urn: urnFor(r, place),
  };
}

export function everResidential(episodes: readonly Episode[]): boolean {
  return episodes.some((e) => RESIDENTIAL.has(e.place));
}

/**
 * Day of the decision that the child should be placed for adoption: the placement order's
 * (the first episode with legal status E1), which comes before any adoptive placement (rules 552, 554);
 * null when the child has no placement order.
 */
export function adoptionDecision(episodes: readonly Episode[]): number | null {
  return episodes.find((e) => e.ls === 'E1')?.decom ?? null;
}
