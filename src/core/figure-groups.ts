// Which indicator figures add up to which, for secondary suppression (suppression.ts): a period's
// numerator and denominator are the sums of its months' (months make a quarter, quarters a
// financial year) when the indicator counts events, and of its breakdown groups' in any case; a
// rate's numerator is at most its denominator. Pure: the figures come from the store.
import type { Aggregate } from './indicators/types.ts';
import { periodOf, type PeriodType } from './periods.ts';
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  isSuppressed,
  secondarySuppression,
  type Additive,
  type Cell,
} from './suppression.ts';

/** A figure as stored: its counts and whether the primary rule withholds it. */
export interface FigureCounts {
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

export const QUANTITIES = ['numerator', 'denominator'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** Which of a figure's counts are withheld only to protect another figure (shown as "c"). */
export type Secondary = Record<Quantity, boolean>;
export const NONE_SECONDARY: Secondary = Object.freeze({ numerator: false, denominator: false });

/** The quantity the primary rule is about: a withheld one of these is known to be at least the threshold. */
const COUNTED: Record<Aggregate, readonly Quantity[]> = {
  count: ['numerator'],
  rate: ['numerator', 'denominator'],
  mean: ['denominator'],
  median: ['denominator'],
  ratio: ['denominator'],
  sum: [],
};

/** Builds an AdditiveTable from figures: one cell per count of a figure, groups between them. */
class FigureTable {
  readonly cells: Cell[] = [];
  readonly groups: Additive[] = [];
  constructor(private readonly aggregate: Aggregate) {}

  /** The figure's cells (undefined for a count it does not have), with a rate's numerator-at-most-denominator. */
  add(f: FigureCounts, fixed?: 'shown' | { secondary: Secondary }): Partial<Record<Quantity, number>> {
    const at: Partial<Record<Quantity, number>> = {};
    for (const q of QUANTITIES) {
      const value = f[q];
      if (value === null) continue;
      const small = f.suppressed && isSuppressed(value);
      const withheld = fixed !== undefined && fixed !== 'shown' && (small || fixed.secondary[q]);
      at[q] = this.cells.push({
        value,
        small,
        counted: COUNTED[this.aggregate].includes(q),
        fixed: fixed === undefined ? undefined : withheld ? 'withheld' : 'shown',
      }) - 1;
    }
    if (this.aggregate === 'rate' && at.numerator !== undefined && at.denominator !== undefined) {
      const rest = this.cells.push({ value: f.denominator! - f.numerator!, fixed: 'unpublished' }) - 1;
      this.groups.push({ total: at.denominator, members: [at.numerator, rest] });
    }
    return at;
  }

  sum(total: Partial<Record<Quantity, number>>, members: Partial<Record<Quantity, number>>[]) {
    for (const q of QUANTITIES) {
      const parts = members.map((m) => m[q]).filter((i): i is number => i !== undefined);
      if (total[q] !== undefined && parts.length > 0) this.groups.push({ total: total[q], members: parts });
    }
  }

  secondaryOf(at: Partial<Record<Quantity, number>>, secondary: boolean[]): Secondary {
    return { numerator: at.numerator !== undefined && secondary[at.numerator]!, denominator: at.denominator !== undefined && secondary[at.denominator]! };
  }
}

export interface PeriodFigure extends FigureCounts {
  type: PeriodType;
  start: string;
}

export const periodKey = (type: PeriodType, start: string) => `${type}|${start}`;

const PARENT: Partial<Record<PeriodType, PeriodType>> = { month: 'quarter', quarter: 'year' };

/**
 * Secondary suppression across an indicator's periods: when `additive` (an event count, so months
 * add up to their quarter and quarters to their year), the periods form groups. Returns the
 * secondary cells by periodKey (only those with one).
 */
export function periodSecondary(
  aggregate: Aggregate,
  figures: readonly PeriodFigure[],
  additive: boolean,
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): Map<string, Secondary> {
  const table = new FigureTable(aggregate);
  const at = new Map(figures.map((f) => [periodKey(f.type, f.start), table.add(f)]));
  if (additive) {
    const children = new Map<string, Partial<Record<Quantity, number>>[]>();
    for (const f of figures) {
      const parent = PARENT[f.type];
      if (!parent) continue;
      const key = periodKey(parent, periodOf(f.start, parent).start);
      if (!at.has(key)) continue;
      children.set(key, [...(children.get(key) ?? []), at.get(periodKey(f.type, f.start))!]);
    }
    for (const [key, members] of children) table.sum(at.get(key)!, members);
  }
  const { secondary } = secondarySuppression(table, threshold);
  const result = new Map<string, Secondary>();
  for (const [key, cells] of at) {
    const s = table.secondaryOf(cells, secondary);
    if (s.numerator || s.denominator) result.set(key, s);
  }
  return result;
}

/**
 * Secondary suppression for the groups of a breakdown, whose total is published as `total` (with
 * its own secondary cells, decided with its periods). `withheldAll` when no choice of groups
 * protects the small ones: then the breakdown is not published at all.
 */
export function breakdownSecondary(
  aggregate: Aggregate,
  total: FigureCounts & { secondary: Secondary },
  groups: readonly FigureCounts[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): { groups: Secondary[]; withheldAll: boolean } {
  const table = new FigureTable(aggregate);
  const totalAt = table.add(total, { secondary: total.secondary });
  const at = groups.map((g) => table.add(g));
  table.sum(totalAt, at);
  const { secondary, unresolved } = secondarySuppression(table, threshold);
  return { groups: at.map((cells) => table.secondaryOf(cells, secondary)), withheldAll: unresolved.length > 0 };
}

/**
 * Secondary suppression for a list of counts published with their total (referrals by source
 * with the referrals in the year): which counts to show as "c", or withheldAll when none would do.
 */
export function countsSecondary(
  total: { value: number; withheld: boolean },
  counts: readonly number[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): { secondary: boolean[]; withheldAll: boolean } {
  const cell = (n: number): FigureCounts => ({ numerator: n, denominator: null, suppressed: isSuppressed(n, threshold) });
  const result = breakdownSecondary('count', { ...cell(total.value), secondary: { numerator: total.withheld && !isSuppressed(total.value, threshold), denominator: false } }, counts.map(cell), threshold);
  return { secondary: result.groups.map((g) => g.numerator), withheldAll: result.withheldAll };
}
