// Statutory clocks for Education, Health and Care plans (SEND Code of Practice 0-25, 2015, and the
// SEND Regulations 2014): decision whether to assess within 6 weeks of the request; advice from
// partners within 6 weeks of being asked; the final plan within 20 weeks of the request, unless
// one of the exceptions in regulation 10(4) applies (reported separately, never hidden).
import { addDays, daysBetween, maxDate, type IsoDate } from './dates.ts';

export const EHCP_WEEKS = 20;
export const DECISION_WEEKS = 6;
export const ADVICE_WEEKS = 6;
/** Parents have 15 days to comment on a draft plan before it can be finalised. */
export const DRAFT_CONSULTATION_DAYS = 15;

export const PARTNERS = ['health', 'social_care', 'educational_psychology', 'education'] as const;
export type Partner = (typeof PARTNERS)[number];
export const PARTNER_LABEL: Record<Partner, string> = {
  health: 'Health',
  social_care: 'Social care',
  educational_psychology: 'Educational psychology',
  education: 'Education',
};

/** Exceptions to the 20-week limit, regulation 10(4)(a)-(e) of the SEND Regulations 2014. */
export const EXCEPTION_REASONS = {
  SCHOOL_CLOSURE: 'Advice was requested of a school or college during or just before a closure of 4 weeks or more',
  PERSONAL_CIRCUMSTANCES: 'Exceptional personal circumstances affecting the child or young person or their parent',
  ABSENT_FROM_AREA: 'The child or young person or their parent was away from the area for 4 weeks or more',
  MISSED_APPOINTMENT: 'The child or young person or their parent did not keep an appointment for advice',
} as const;
export type ExceptionReason = keyof typeof EXCEPTION_REASONS;

export interface AdviceRequest {
  partner: Partner;
  requested: IsoDate;
  received: IsoDate | null;
}

/** SEN2 RequestOutcome and AssessmentOutcome codes. */
export type Sen2Outcome = 'Y' | 'N' | 'A' | 'W' | 'H';

export interface EhcpRequest {
  requestId: string;
  /** SEN2 ReceivedDate: the request for an assessment. */
  received: IsoDate;
  /** SEN2 RequestOutcomeDate: the decision whether to assess. */
  decisionDate: IsoDate | null;
  /** Y assess, N not to assess, A not yet decided, W withdrawn, H historical. */
  requestOutcome: Sen2Outcome;
  /** Y issue a plan, N no plan, A not yet decided, W withdrawn, H historical. */
  assessmentOutcome: Sen2Outcome | null;
  draftPlanDate: IsoDate | null;
  /** SEN2 NamedPlan StartDate: the final plan was issued. */
  finalPlanDate: IsoDate | null;
  /** SEN2 Week20: an exception to the 20-week limit applies. */
  week20: boolean;
  exceptionReason: ExceptionReason | null;
  advice: AdviceRequest[];
}

export function dueDate(received: IsoDate): IsoDate {
  return addDays(received, EHCP_WEEKS * 7);
}

export function decisionDueDate(received: IsoDate): IsoDate {
  return addDays(received, DECISION_WEEKS * 7);
}

export function adviceDueDate(requested: IsoDate): IsoDate {
  return addDays(requested, ADVICE_WEEKS * 7);
}

/** Issued within 20 weeks: the final plan on or before the 140th day after the request. */
export function issuedWithin20Weeks(received: IsoDate, finalPlan: IsoDate): boolean {
  return daysBetween(received, finalPlan) <= EHCP_WEEKS * 7;
}

export function weeksBetween(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) / 7;
}

export type EhcpStage = 'decision' | 'advice' | 'drafting' | 'consultation' | 'issued' | 'closed';

export const STAGE_LABEL: Record<EhcpStage, string> = {
  decision: 'Deciding whether to assess',
  advice: 'Gathering advice',
  drafting: 'Writing the draft plan',
  consultation: 'Draft plan with family',
  issued: 'Final plan issued',
  closed: 'Closed without a plan',
};

export interface LateAdvice {
  partner: Partner;
  due: IsoDate;
  /** Days past the 6-week due date: to the return date, or to `asOf` while still outstanding. */
  daysLate: number;
  outstanding: boolean;
}

export interface EhcpClock {
  stage: EhcpStage;
  open: boolean;
  due: IsoDate;
  weeksElapsed: number;
  daysRemaining: number;
  breached: boolean;
  atRisk: boolean;
  decisionLate: boolean;
  lateAdvice: LateAdvice[];
  /** Best estimate of when the final plan will be (or was) issued. */
  expectedFinal: IsoDate;
  /** Plain-English reasons for delay, for the tracker and the family's letter. */
  reasons: string[];
}

export function stageOf(r: EhcpRequest): EhcpStage {
  if (r.finalPlanDate) return 'issued';
  if (['N', 'W'].includes(r.requestOutcome) || ['N', 'W'].includes(r.assessmentOutcome ?? '')) return 'closed';
  if (r.requestOutcome === 'A' || !r.decisionDate) return 'decision';
  if (r.draftPlanDate) return 'consultation';
  if (r.advice.some((a) => a.received === null)) return 'advice';
  return 'drafting';
}

export function lateAdviceOf(advice: AdviceRequest[], asOf: IsoDate): LateAdvice[] {
  const out: LateAdvice[] = [];
  for (const a of advice) {
    const due = adviceDueDate(a.requested);
    const end = a.received ?? asOf;
    const daysLate = daysBetween(due, end);
    if (daysLate > 0) out.push({ partner: a.partner, due, daysLate, outstanding: a.received === null });
  }
  return out;
}

/**
 * Where a request stands on `asOf`. At risk means still inside 20 weeks but something on its
 * critical path is late or the time left is too short for the steps still to come.
 */
export function ehcpClock(r: EhcpRequest, asOf: IsoDate): EhcpClock {
  const stage = stageOf(r);
  const open = stage !== 'issued' && stage !== 'closed';
  const due = dueDate(r.received);
  const end = r.finalPlanDate ?? asOf;
  const lateAdvice = lateAdviceOf(r.advice, asOf);
  const decisionLate = r.decisionDate
    ? daysBetween(r.received, r.decisionDate) > DECISION_WEEKS * 7
    : daysBetween(r.received, asOf) > DECISION_WEEKS * 7;
  const daysRemaining = daysBetween(asOf, due);
  const breached = r.finalPlanDate ? !issuedWithin20Weeks(r.received, r.finalPlanDate) : open && daysRemaining < 0;

  const expectedFinal = open ? projectFinal(r, stage, asOf, due) : (r.finalPlanDate ?? due);
  const reasons: string[] = [];
  if (decisionLate) reasons.push('The decision whether to assess took longer than 6 weeks.');
  for (const l of lateAdvice) {
    reasons.push(
      `${PARTNER_LABEL[l.partner]} advice ${l.outstanding ? 'is' : 'was'} ${l.daysLate} day${l.daysLate === 1 ? '' : 's'} late.`,
    );
  }
  if (r.exceptionReason) reasons.push(`${EXCEPTION_REASONS[r.exceptionReason]}.`);
  else if (r.week20) reasons.push('An exception to the 20-week time limit applies.');

  const atRisk = open && !breached && (decisionLate || lateAdvice.some((l) => l.outstanding) || expectedFinal > due);
  return {
    stage,
    open,
    due,
    weeksElapsed: Math.round(weeksBetween(r.received, end) * 10) / 10,
    daysRemaining,
    breached,
    atRisk,
    decisionLate,
    lateAdvice,
    expectedFinal,
    reasons,
  };
}

// Typical time each remaining step takes, from the council's own practice: 4 weeks to write the
// draft once advice is in, 15 days for the family to comment, and a week to finalise.
const DRAFTING_DAYS = 28;
const FINALISE_DAYS = 7;

function projectFinal(r: EhcpRequest, stage: EhcpStage, asOf: IsoDate, due: IsoDate): IsoDate {
  const afterDraft = DRAFT_CONSULTATION_DAYS + FINALISE_DAYS;
  switch (stage) {
    case 'consultation':
      return maxDate(due, maxDate(asOf, addDays(r.draftPlanDate as IsoDate, afterDraft)));
    case 'drafting':
      return maxDate(due, addDays(asOf, DRAFTING_DAYS + afterDraft));
    case 'advice': {
      // Outstanding advice is expected by its due date, or in two weeks' time if already late.
      const lastAdvice = r.advice
        .filter((a) => a.received === null)
        .map((a) => maxDate(adviceDueDate(a.requested), addDays(asOf, 14)))
        .reduce(maxDate);
      return maxDate(due, addDays(lastAdvice, DRAFTING_DAYS + afterDraft));
    }
    default: {
      const decided = maxDate(decisionDueDate(r.received), asOf);
      return maxDate(due, addDays(decided, ADVICE_WEEKS * 7 + DRAFTING_DAYS + afterDraft));
    }
  }
}
