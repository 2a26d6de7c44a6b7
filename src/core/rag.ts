// Red/Amber/Green ratings. One rule for every indicator: on or better than target is Green; worse
// than target but within the amber tolerance is Amber; beyond it is Red. Tolerance is in the
// indicator's own unit (percentage points for a percentage).

/**
 * Which way is better. 'neutral' is for contextual measures (the number of referrals, children
 * looked after, the size of the home education register) where a rise is neither good nor bad in
 * itself: they are never rated and their direction is only "Up" or "Down".
 */
export type Polarity = 'higher' | 'lower' | 'neutral';
export type Rag = 'green' | 'amber' | 'red';
/** improving / worsening for a judged measure; up / down for a neutral one; same for either. */
export type Direction = 'improving' | 'worsening' | 'same' | 'up' | 'down';

export interface RagRule {
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  /** How the figure is built (core/indicators/types.ts Aggregate); decides whether it rests on a number of cases. */
  aggregate?: string;
}

/**
 * The fewest cases a percentage or an average is rated on. 9 of 9 on time is 100% and Green, but
 * one more late case would make it 90%, and one child decides the colour: on so few the rating
 * describes a handful of families, not the service. Below 20 the ONS treats a rate as unreliable
 * (its "low reliability" flag), so the figure is shown but not rated ("too few to rate").
 */
export const MIN_CASES_TO_RATE = 20;
/** Figures whose denominator counts cases (children, requests, episodes): a rate's base, an average's cases. */
const BUILT_FROM_CASES = new Set(['rate', 'mean', 'median']);

/** Whether a judged figure rests on fewer than MIN_CASES_TO_RATE cases, so it is shown unrated. */
export function tooFewToRate(rule: RagRule, cases: number | null | undefined): boolean {
  if (rule.target === null || rule.polarity === 'neutral' || !rule.aggregate || !BUILT_FROM_CASES.has(rule.aggregate)) return false;
  return cases !== null && cases !== undefined && cases < MIN_CASES_TO_RATE;
}

/** The rating of a value; `cases` (the denominator) below MIN_CASES_TO_RATE leaves it unrated. */
export function ragFor(value: number | null, rule: RagRule, cases?: number | null): Rag | null {
  if (tooFewToRate(rule, cases)) return null;
  if (value === null || rule.target === null || rule.polarity === 'neutral' || !Number.isFinite(value)) return null;
  const shortfall = rule.polarity === 'higher' ? rule.target - value : value - rule.target;
  if (shortfall <= 0) return 'green';
  return shortfall <= rule.tolerance ? 'amber' : 'red';
}

/** Direction of travel against the previous period, read through the indicator's polarity. */
export function directionOfTravel(
  current: number | null,
  previous: number | null,
  polarity: Polarity,
  epsilon = 1e-9,
): Direction | null {
  if (current === null || previous === null) return null;
  const change = current - previous;
  if (Math.abs(change) <= epsilon) return 'same';
  if (polarity === 'neutral') return change > 0 ? 'up' : 'down';
  return (change > 0) === (polarity === 'higher') ? 'improving' : 'worsening';
}

export const RAG_LABEL: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
/** How an unrated figure that rests on too few cases reads, on pages and in papers. */
export const TOO_FEW_TO_RATE = 'Too few to rate';

export const DIRECTION_LABEL: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  same: 'No change',
  up: 'Up',
  down: 'Down',
};

export const POLARITY_LABEL: Record<Polarity, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  neutral: 'A rise or fall is not in itself good or bad',
};

/**
 * Exceptions come first in reports and on the dashboard: Red and worsening, then Red, then
 * worsening Amber, then worsening with no target to judge it by. Green (on target) is not one,
 * whichever way it moved, nor is a neutral measure going up or down, nor a figure resting on too
 * few cases to rate (one case moves it). Null: not an exception.
 */
export function exceptionRank(rag: Rag | null, direction: Direction | null, tooFew = false): number | null {
  if (tooFew) return null;
  const worse = direction === 'worsening';
  if (rag === 'red') return worse ? 0 : 1;
  if (!worse || rag === 'green') return null;
  return rag === 'amber' ? 2 : 3;
}
