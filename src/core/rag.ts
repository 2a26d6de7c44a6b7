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
}

export function ragFor(value: number | null, rule: RagRule): Rag | null {
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
 * whichever way it moved, nor is a neutral measure going up or down. Null: not an exception.
 */
export function exceptionRank(rag: Rag | null, direction: Direction | null): number | null {
  const worse = direction === 'worsening';
  if (rag === 'red') return worse ? 0 : 1;
  if (!worse || rag === 'green') return null;
  return rag === 'amber' ? 2 : 3;
}
