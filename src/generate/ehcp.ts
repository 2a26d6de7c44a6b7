// EHCP requests through the statutory process: decision whether to assess (6 weeks), advice from
// four partners (6 weeks each, educational psychology and health most often late), draft plan,
// 15 days for the family, final plan. Delays ease over the window, so timeliness improves from
// about 40% to about 65% within 20 weeks. Anything that would happen after asOf has not
// happened yet, so recent requests are still open.
import type { Partner } from '../core/ehcp.ts';
import { EXCEPTION_REASON, SEN_SEX, SEN_TYPE } from './distributions.ts';
import { YEAR_DAYS, weekday } from './days.ts';
import type { Random } from './random.ts';
import { makeUpn } from './upn.ts';

/** The LA code in the synthetic children's UPNs (no real authority's). */
const SEN2_UPN_LA = 999;
import { socialCareAdviceDelay } from './workforce.ts';

export interface Advice {
  partner: Partner;
  requested: number;
  received: number | null;
}

export interface Request {
  requestId: string;
  personId: string;
  dob: number;
  sex: string;
  received: number;
  requestOutcomeDate: number | null;
  requestOutcome: string;
  assessmentOutcomeDate: number | null;
  assessmentOutcome: string | null;
  week20: boolean;
  exceptionReason: string | null;
  draftPlanDate: number | null;
  startDate: number | null;
  senType: string;
  advice: Advice[];
}

/** Days each partner takes to return advice: [mean, spread]; the due date is 42 days. */
const ADVICE_DAYS: Record<Partner, [number, number]> = {
  educational_psychology: [46, 18],
  health: [41, 15],
  social_care: [33, 10],
  education: [28, 8],
};

/** Where a request is forced to stand on asOf, so every tracker state exists at every scale. */
export type Scenario = 'late_advice' | 'overdue_drafting' | 'awaiting_decision';

function days(r: Random, mean: number, sd: number, pressure: number, min = 1): number {
  return Math.max(min, Math.round(r.normal(mean * pressure, sd)));
}

export function ehcpRequest(
  r: Random, serial: number, received: number, asOf: number, progress: number, scenario?: Scenario,
): Request {
  // Delays shrink as the service recovers: 1.08 at the start of the window, 0.88 at asOf.
  const pressure = 1.08 - 0.2 * progress;
  // Ages at request: 15% under 5, most of school age, a few young people of 16 to 25.
  const ageDays = Math.round(YEAR_DAYS * (r.chance(0.15) ? r.next() * 5 : r.chance(0.85) ? 5 + r.next() * 11 : 16 + r.next() * 9));
  const req: Request = {
    requestId: `R${String(serial).padStart(7, '0')}`,
    // A UPN, as SEN2 knows the child by it: the case system's PersonID is the same.
    personId: makeUpn(SEN2_UPN_LA, serial, 20),
    dob: received - ageDays,
    sex: r.weighted(SEN_SEX),
    received, requestOutcomeDate: null, requestOutcome: 'A', assessmentOutcomeDate: null, assessmentOutcome: null,
    week20: false, exceptionReason: null, draftPlanDate: null, startDate: null, senType: r.weighted(SEN_TYPE), advice: [],
  };
  const happened = (d: number): boolean => d <= asOf;

  const decided = received + (scenario === 'awaiting_decision' ? asOf - received + 1 : r.chance(0.12) ? r.int(43, 75) : days(r, 34, 6, pressure, 10));
  if (!happened(decided)) return req;
  req.requestOutcomeDate = decided;
  const u = r.next();
  req.requestOutcome = scenario ? 'Y' : u < 0.2 ? 'N' : u < 0.24 ? 'W' : 'Y';
  if (req.requestOutcome !== 'Y') return req;

  req.assessmentOutcome = 'A';
  if (r.chance(0.05)) {
    req.week20 = true;
    req.exceptionReason = r.weighted(EXCEPTION_REASON);
  }
  const requested = decided + r.int(0, 3);
  if (!happened(requested)) return req;
  let lastAdvice = requested;
  for (const partner of Object.keys(ADVICE_DAYS) as Partner[]) {
    if (partner === 'social_care' && r.chance(0.3)) continue; // only asked when the child is known to social care
    const [mean, sd] = ADVICE_DAYS[partner];
    const late = scenario === 'late_advice' && partner === 'educational_psychology';
    // A few pieces of advice are months late (a long waiting list, a lost referral).
    const stuck = r.chance(0.01) ? r.int(60, 200) : 0;
    // Social care advice slows while the disabled children's team is losing staff (workforce.ts).
    const staffing = partner === 'social_care' ? socialCareAdviceDelay(requested, asOf) : 0;
    const back = requested + (late ? asOf - requested + 1 : days(r, mean, sd, pressure, 5) + stuck + staffing);
    req.advice.push({ partner, requested, received: happened(back) ? back : null });
    lastAdvice = Math.max(lastAdvice, back);
  }
  // An exception (e.g. a missed appointment) adds weeks the 20-week limit does not count.
  const exceptionDelay = req.week20 ? r.int(21, 70) : 0;
  const drafted = lastAdvice + exceptionDelay + (scenario === 'overdue_drafting' ? asOf - lastAdvice + 1 : days(r, 22, 8, pressure, 5));
  if (!happened(drafted)) return req;

  const v = r.next();
  req.assessmentOutcome = v < 0.06 ? 'N' : v < 0.08 ? 'W' : 'Y';
  req.assessmentOutcomeDate = drafted;
  if (req.assessmentOutcome !== 'Y') return req;
  req.draftPlanDate = drafted;
  const issued = drafted + 15 + days(r, 8, 6, pressure, 0);
  if (happened(issued)) req.startDate = issued;
  return req;
}

/** A working day in [from, to] for a request to arrive (a weekend day if the range has no other). */
export function receivedDay(r: Random, from: number, to: number): number {
  let d = r.dayBetween(from, to);
  for (let tries = 0; tries < 20 && (weekday(d) === 0 || weekday(d) === 6); tries++) d = r.dayBetween(from, to);
  return d;
}
