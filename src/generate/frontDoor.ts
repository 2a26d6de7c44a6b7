// Synthetic CIN census referrals and assessments, and the child population. Volumes are shaped on
// the DfE's Children in need statistics (about 540 referrals a year per 10,000 children, a fifth
// of them re-referrals, about 83% of assessments within 45 working days); the fire service's
// referrals grow through the window so the partnership shows on the front-door page.
import { ASSESSMENT_FACTORS, isWorkingDay, type LocalSource, type ReferralSource } from '../core/cin.ts';
import { fromEpochDay, toEpochDay } from '../core/dates.ts';
import { CENSUS_FOOTER, censusHeader, writeCensusChild, type GenChild, type GenEpisode } from './cinXml.ts';
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
  // Child protection draws from a stream of its own, so the CSV files stay as they were.
  const cp = ctx.stream('child-protection');
  const census = censusFiles(ctx);
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
    const xml: GenChild = { id, dob, sex: gender === '1' ? 'M' : 'F', ethnicity: ethnic, episodes: [] };
    let plans = 0;
    let lastClosure: number | undefined;
    while (day <= win.asOf) {
      const previous = childLinks[childLinks.length - 1];
      if (previous?.kind === 'STEP_DOWN' && previous.until === undefined) previous.until = day;
      const source = r.weighted(SOURCE);
      const local = localSource(r, source, (day - win.start) / span);
      const nfa = r.chance(0.07);
      const born = dob <= win.asOf;
      let assessment: GenEpisode['assessment'] = null;
      const row = (closure: number | null, reason: string | null) => {
        const need = nfa ? 'N0' : r.weighted(NEED);
        referralsOut.write([
          id, born ? dfe(dob) : null, born || !unborn ? gender : '0', ethnic, dfe(day), source, local,
          need, nfa ? 'true' : 'false', dfe(closure), reason,
        ]);
        const episode = { referral: day, source, need, nfa, closure, reason, assessment, plan: null, s47: null, cpp: null };
        if (assessment?.authorised != null && reason !== 'RC8') plans += protection(cp, episode, win.asOf, plans);
        xml.episodes.push(episode);
      };
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
        assessment = { start, review: review !== null && review <= win.asOf ? review : null, authorised: done ? authorised : null, factors: done ? factors : [] };
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
    census.write(xml);
  }
  census.close();
};

/** Census years (ending 31 March) from the window's first to the one holding asOf. */
function censusFiles(ctx: AreaContext) {
  const { win } = ctx;
  const first = Number(fromEpochDay(win.start).slice(0, 4)) + (fromEpochDay(win.start).slice(5) >= '04-01' ? 1 : 0);
  const last = Number(fromEpochDay(win.asOf).slice(0, 4)) + (fromEpochDay(win.asOf).slice(5) >= '04-01' ? 1 : 0);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => {
    const out = ctx.openText(`${CIN_XML_DIR}/cin_census_${year}.xml`);
    out.text(censusHeader(year, CENSUS_LA));
    return { out, year, start: toEpochDay(`${year - 1}-04-01`), end: Math.min(toEpochDay(`${year}-03-31`), win.asOf) };
  });
  return {
    write: (child: GenChild) => years.forEach((y) => writeCensusChild(y.out, child, y.year, y.start, y.end)),
    close: () => years.forEach((y) => y.out.text(CENSUS_FOOTER)),
  };
}

/**
 * Child protection after a completed assessment, in place on the episode: a quarter of cases go to
 * a section 47 enquiry; of those just over half reach an initial conference (most within 15
 * working days), which mostly starts a plan with reviews at 3 and then 6 months; the rest of the
 * families who stay open have a CIN plan. Nothing runs past the closure or asOf. Gives the number
 * of plans started (for NumberOfPreviousCPP).
 */
function protection(r: Random, e: GenEpisode, asOf: number, previous: number): number {
  const a = e.assessment!;
  const until = Math.min(e.closure ?? asOf, asOf);
  const s47 = r.chance(0.25) ? a.start + r.int(0, 3) : null;
  if (s47 !== null && s47 <= until) {
    const target = addWorking(s47, 15);
    const icpc = r.chance(0.55) ? addWorking(s47, r.chance(0.8) ? r.int(5, 15) : r.int(16, 25)) : null;
    if (icpc !== null && icpc <= until) {
      e.s47 = { start: s47, target, icpc, notRequired: false };
      if (r.chance(0.85)) {
        const planned = icpc + Math.round(r.exponential(270)) + 30;
        const end = planned < until ? planned : e.closure !== null && e.closure <= asOf ? e.closure : null;
        const reviews: number[] = [];
        for (let next = icpc + r.int(60, 95); next <= (end ?? asOf) && next <= asOf; next += r.int(150, 185)) reviews.push(next);
        e.cpp = { start: icpc, end: end === icpc ? null : end, category: r.weighted(CATEGORY), previous: previous + (r.chance(0.2) ? 1 : 0), reviews };
        return 1;
      }
      return 0;
    }
    if (icpc === null) {
      e.s47 = { start: s47, target, icpc: null, notRequired: true };
    }
  }
  if (e.closure === null || e.reason === 'RC7') {
    const start = a.authorised! + r.int(1, 10);
    if (start <= until) e.plan = { start, end: e.closure !== null && e.closure <= asOf && e.closure >= start ? e.closure : null };
  }
  return 0;
}

const CATEGORY = weights({ NEG: 50, EMO: 37, PHY: 6, SAB: 4, MUL: 3 });
/** Where the synthetic census XML goes, and the authority code in its Header. */
export const CIN_XML_DIR = 'cin_census_xml';
const CENSUS_LA = '999';

const CLOSURE = weights({ RC7: 88, RC5: 5, RC6: 2, RC3: 2, RC4: 1.5, RC1: 1, RC2: 0.5 });
