// Synthetic social care workforce per team and month. Each team has an establishment of posts;
// every month some social workers leave (about 15% a year, as in England), recruitment fills part
// of the vacancies and agency staff cover most of the rest. Demand (cases) does not follow staffing,
// so caseloads rise when staff leave. One team, the disabled children's team (which gives social
// care advice for EHC needs assessments), loses staff quickly for four months some months before
// asOf; the EHCP generator slows that advice over the same months (socialCareAdviceDelay).
import { addMonths, fromEpochDay, toEpochDay } from '../core/dates.ts';
import type { AreaGenerator } from './area.ts';
import type { Random } from './random.ts';
import type { ScaleName } from './scales.ts';

export const WORKFORCE_FILE = 'workforce/social_workers.csv';
export const WORKFORCE_HEADER = [
  'Month', 'Team', 'EmployedFTE', 'AgencyFTE', 'VacantFTE', 'StartersFTE', 'LeaversFTE', 'Cases', 'CaseHoldingFTE',
  'TrainingRequired', 'TrainingCompleted',
];

/** [team, posts (FTE), cases per case-holding FTE when fully staffed]. */
type Team = readonly [name: string, posts: number, caseload: number];
const CHURN_TEAM = 'Disabled children';
const LA_TEAMS: readonly Team[] = [
  ['Front door and assessment', 14, 15], ['Assessment north', 12, 15], ['Assessment south', 12, 15],
  ['Child in need north', 11, 16], ['Child in need south', 11, 16], ['Child protection', 13, 15],
  ['Children in care', 14, 14], ['Fostering and adoption', 8, 11], [CHURN_TEAM, 12, 13],
];
const SMALL_TEAMS: readonly Team[] = [['Assessment', 9, 15], ['Child protection', 8, 15], [CHURN_TEAM, 7, 13]];
/** England has about 33,000 FTE in post plus agency and vacancies: about 3,000 teams of these sizes. */
const NATIONAL_TEAMS = 3_000;

function teamsFor(scale: ScaleName): readonly Team[] {
  if (scale === 'small') return SMALL_TEAMS;
  if (scale === 'la') return LA_TEAMS;
  return Array.from({ length: NATIONAL_TEAMS }, (_, i): Team => {
    const [name, posts, caseload] = LA_TEAMS[i % LA_TEAMS.length]!;
    return [`${name} ${Math.floor(i / LA_TEAMS.length) + 1}`, posts, caseload];
  });
}

/** Social work posts (FTE) of the whole service at a scale. */
export function servicePosts(scale: ScaleName): number {
  return teamsFor(scale).reduce((n, [, posts]) => n + posts, 0);
}

/** Leavers a month as a share of FTE in post: about 15% a year. */
const MONTHLY_LEAVING = 0.013;
/** Share of vacant posts filled each month by recruitment. */
const MONTHLY_FILLING = 0.08;
/** Mandatory courses per member of staff. */
const COURSES = 4;

const monthStart = (day: number) => toEpochDay(`${fromEpochDay(day).slice(0, 7)}-01`);
const plusMonths = (day: number, n: number) => toEpochDay(addMonths(fromEpochDay(day), n));

/** The churn months: the four months starting eight months before the month of asOf. Epoch days [from, to). */
export function churnWindow(asOf: number): { from: number; to: number } {
  const now = monthStart(asOf);
  return { from: plusMonths(now, -8), to: plusMonths(now, -4) };
}

/**
 * Extra days the social care advice for an EHC needs assessment takes when asked for while the
 * disabled children's team is losing staff, and for two months after while it recovers.
 */
export function socialCareAdviceDelay(requested: number, asOf: number): number {
  const { from, to } = churnWindow(asOf);
  if (requested >= from && requested < to) return 24;
  if (requested >= to && requested < plusMonths(to, 2)) return 10;
  return 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** FTE of `people` people, most full-time, some part-time. */
function fteOf(r: Random, people: number): number {
  let fte = 0;
  for (let i = 0; i < people; i++) fte += r.chance(0.8) ? 1 : r.pick([0.5, 0.6, 0.8]);
  return fte;
}

/** A Poisson count (Knuth), for the small monthly numbers of leavers and starters. */
function poisson(r: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = r.next(); p > limit; p *= r.next()) k++;
  return k;
}

export const generateWorkforce: AreaGenerator = ({ scale, win, random: r, open }) => {
  const out = open(WORKFORCE_FILE, WORKFORCE_HEADER);
  const churn = churnWindow(win.asOf);
  const months: number[] = [];
  for (let m = monthStart(win.start); m <= win.asOf; m = plusMonths(m, 1)) months.push(m);
  for (const [team, posts, caseload] of teamsFor(scale)) {
    const churnTeam = team === CHURN_TEAM;
    let employed = round1(posts * (0.82 + r.normal(0, 0.03)));
    for (const m of months) {
      const during = churnTeam && m >= churn.from && m < churn.to;
      const after = churnTeam && m >= churn.to && m < plusMonths(churn.to, 6);
      // In the churn months someone leaves every month, on top of the usual leaving.
      const people = (during ? 1 : 0) + poisson(r, employed * MONTHLY_LEAVING);
      const leavers = Math.min(round1(fteOf(r, people)), Math.max(0, employed - 1));
      const vacant = Math.max(0, posts - (employed - leavers));
      const filling = during ? 0.2 : after ? 2.2 : 1;
      const starters = Math.min(round1(fteOf(r, poisson(r, vacant * MONTHLY_FILLING * filling))), vacant);
      employed = round1(employed - leavers + starters);
      const vacancies = round1(Math.max(0, posts - employed));
      // Agency workers cover most vacancies, all of them when a team is in difficulty.
      const agency = round1(Math.max(0, vacancies * ((during || after ? 1 : 0.85) + r.normal(0, 0.08))));
      const caseHolding = round1((employed + agency) * 0.85);
      const cases = Math.round(posts * 0.85 * caseload * (1 + r.normal(0, 0.03)));
      const required = Math.round((employed + agency) * COURSES);
      const completeRate = Math.min(1, 0.95 - (agency / Math.max(1, employed + agency)) * 0.3 - (during ? 0.12 : 0) + r.normal(0, 0.02));
      out.write([
        fromEpochDay(m).slice(0, 7), team, employed, agency, vacancies, starters, leavers, cases, caseHolding,
        required, Math.max(0, Math.min(required, Math.round(required * completeRate))),
      ]);
    }
  }
};
