// Red/Amber/Green ratings. One rule for every indicator: on or better than target is Green; worse
// than target but within the amber tolerance is Amber; beyond it is Red. Tolerance is in the
// indicator's own unit (percentage points for a percentage).

export type Polarity = 'higher' | 'lower';
export type Rag = 'green' | 'amber' | 'red';
export type Direction = 'improving' | 'worsening' | 'same';

export interface RagRule {
  polarity: Polarity;
  target: number | null;
  tolerance: number;
}

export function ragFor(value: number | null, rule: RagRule): Rag | null {
  if (value === null || rule.target === null || !Number.isFinite(value)) return null;
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
  return (change > 0) === (polarity === 'higher') ? 'improving' : 'worsening';
}

export const RAG_LABEL: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
