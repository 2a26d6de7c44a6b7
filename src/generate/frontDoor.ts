// Synthetic CIN census referrals and assessments, and the child population. Volumes are shaped on
// the DfE's Children in need statistics (about 540 referrals a year per 10,000 children, a fifth
// of them re-referrals, about 83% of assessments within 45 working days); the fire service's
// referrals grow through the window so the partnership shows on the front-door page.
import { ASSESSMENT_FACTORS, isWorkingDay, type LocalSource, type ReferralSource } from '../core/cin.ts';
import { fromEpochDay } from '../core/dates.ts';
import type { AreaContext, AreaGenerator } from './area.ts';
import { dfe } from './csv.ts';
import { YEAR_DAYS } from './days.ts';
import { ETHNICITY, NEED } from './distributions.ts';
import { linksFor, type EarlyHelpLink } from './earlyHelp.ts';
import { weights, type Random } from './random.ts';
import type { ScaleName } from './scales.ts';

export const FRONT_DOOR_FILES = {
  referrals: 'cin_census/referrals.csv',
  assessments: 'cin_census/assessments.csv',
  population: 'cin_census/population.csv',
} as const;
export const REFERRALS_HEADER = [
  'LAchildID', 'PersonBirthDate', 'GenderCurrent', 'Ethnicity', 'CINreferralDate', 'ReferralSource', 'LocalReferralSource',
  'PrimaryNeedCode', 'ReferralNFA', 'CINclosureDate', 'ReasonForClosure',
];
export const ASSESSMENTS_HEADER = [
  'LAchildID', 'CINreferralDate', 'AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate', 'AssessmentFactors',
];
export const POPULATION_HEADER = ['Year', 'Population0to17'];

/** Children aged 0 to 17 in the area (an LA of about 200,000 people; all of England). */
const POPULATION: Record<ScaleName, number> = { small: 6_000, la: 45_000, national: 12_000_000 };
const REFERRALS_PER_10K = 540;
/** Referrals per child referred at all in the window (re-referrals included). */
const REFERRALS_PER_CHILD = 1.45;

const SOURCE = weights({
  '1A': 5, '1B': 1, '1C': 1, '1D': 0.5, '2A': 21, '2B': 1.5, '3A': 2, '3B': 2, '3C': 1, '3D': 1.5, '3E': 4, '3F': 4.5,
  '4': 1.5, '5A': 5, '5B': 4, '5C': 2, '5D': 1, '6': 29, '7': 2.5, '8': 5, '9': 1.5, '10': 2,
} satisfies Record<ReferralSource, number>);
const FACTORS = Object.keys(ASSESSMENT_FACTORS).filter((f) => f !== '21');

/** Whether each epoch day is a working day, cached: national scale asks millions of times. */
const workingDay = new Map<number, boolean>();
function isWorking(day: number): boolean {
  let w = workingDay.get(day);
  if (w === undefined) {
    w = isWorkingDay(fromEpochDay(day));
    workingDay.set(day, w);
  }
  return w;
}

function addWorking(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0; ) if (isWorking(++d)) left--;
  return d;
}

/** Local sub-code of an "8 Other" referral: the fire service's share grows from 5% to 40% across the window. */
function localSource(r: Random, source: ReferralSource, progress: number): LocalSource | null {
  if (source === '3F') return r.chance(0.2) ? 'AMBULANCE' : null;
  if (source === '5B') return r.chance(0.4) ? 'YOUTH_JUSTICE' : null;
  if (source !== '8') return null;
  const u = r.next();
  const fire = 0.05 + 0.35 * progress;
  return u < fire ? 'FIRE' : u < fire + 0.25 ? 'FAMILY_HUB' : u < fire + 0.45 ? 'VOLUNTARY' : null;
}

export const generateFrontDoor: AreaGenerator = (ctx: AreaContext) => {
  const { random: r, win } = ctx;
  const population = POPULATION[ctx.scale];
  const referralsOut = ctx.open(FRONT_DOOR_FILES.referrals, REFERRALS_HEADER);
  const assessmentsOut = ctx.open(FRONT_DOOR_FILES.assessments, ASSESSMENTS_HEADER);
  const populationOut = ctx.open(FRONT_DOOR_FILES.population, POPULATION_HEADER);
  // Mid-year estimates from the year before the window, growing about 0.5% a year.
  for (let year = win.years[0]! - 1; year <= win.years[win.years.length - 1]!; year++) {
    populationOut.write([year, Math.round(population * (1 + 0.005 * (year - win.years[0]!)))]);
  }

  const links = linksFor(ctx.open);
  const span = win.asOf - win.start + 1;
  const children = Math.max(1, Math.round((population * REFERRALS_PER_10K * (span / YEAR_DAYS)) / 10_000 / REFERRALS_PER_CHILD));
  for (let i = 1; i <= children; i++) {
    const id = `CN${String(i).padStart(7, '0')}`;
    // Stratified first referral days keep the volume steady across the window.
    let day = win.start + Math.floor(((i - 1 + r.next()) * span) / children);
    const unborn = r.chance(0.03);
    const dob = unborn ? day + r.int(20, 150) : day - r.int(0, Math.floor(17.9 * YEAR_DAYS));
    const gender = r.chance(0.5) ? '1' : '2';
    const ethnic = r.weighted(ETHNICITY);
    const childLinks: EarlyHelpLink[] = [];
    let lastClosure: number | undefined;
    while (day <= win.asOf) {
      const previous = childLinks[childLinks.length - 1];
      if (previous?.kind === 'STEP_DOWN' && previous.until === undefined) previous.until = day;
      const source = r.weighted(SOURCE);
      const local = localSource(r, source, (day - win.start) / span);
      const nfa = r.chance(0.07);
      const born = dob <= win.asOf;
      const row = (closure: number | null, reason: string | null) =>
        referralsOut.write([
          id, born ? dfe(dob) : null, born || !unborn ? gender : '0', ethnic, dfe(day), source, local,
          nfa ? 'N0' : r.weighted(NEED), nfa ? 'true' : 'false', dfe(closure), reason,
        ]);
      // About one referral in fourteen follows early help that was stepped up.
      if (r.chance(0.07)) childLinks.push({ kind: 'STEP_UP', day, dob: born ? dob : null, after: lastClosure });
      if (nfa) {
        row(day, 'RC8');
        lastClosure = day;
      } else {
        const start = day + r.int(0, 3);
        if (start > win.asOf) {
          row(null, null);
          break;
        }
        // Working days taken: most within 45, a tail well beyond.
        const taken = r.chance(0.84) ? r.int(8, 45) : r.int(46, 90);
        const authorised = addWorking(start, taken);
        const review = taken > 20 && r.chance(0.5) ? addWorking(start, r.int(10, Math.min(taken, 30))) : null;
        const done = authorised <= win.asOf;
        const closedAfterAssessment = r.chance(0.45);
        const factors = closedAfterAssessment && r.chance(0.3) ? ['21'] : r.some(FACTORS, r.int(1, 3));
        assessmentsOut.write([
          id, dfe(day), dfe(start), review !== null && review <= win.asOf ? dfe(review) : null, done ? dfe(authorised) : null,
          done ? factors.join(';') : null,
        ]);
        if (!done) {
          row(null, null);
          break;
        }
        const closure = closedAfterAssessment ? authorised + r.int(0, 5) : authorised + Math.round(r.exponential(180)) + 14;
        if (closure > win.asOf) {
          row(null, null);
          break;
        }
        const reason = closedAfterAssessment ? 'RC8' : r.weighted(CLOSURE);
        row(closure, reason);
        // A third of families whose plan ends are stepped down to early help.
        if (!closedAfterAssessment && reason === 'RC7' && r.chance(0.35)) childLinks.push({ kind: 'STEP_DOWN', day: closure, dob: born ? dob : null });
        day = closure;
        lastClosure = closure;
      }
      // Re-referred within a year of closing, later, or not at all.
      const u = r.next();
      if (u < 0.31) day += r.int(7, 240);
      else if (u < 0.41) day += r.int(241, 900);
      else break;
    }
    if (childLinks.length) links.push({ child: id, events: childLinks });
  }
};

const CLOSURE = weights({ RC7: 88, RC5: 5, RC6: 2, RC3: 2, RC4: 1.5, RC1: 1, RC2: 0.5 });
