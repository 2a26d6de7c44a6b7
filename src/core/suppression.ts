// Statistical disclosure control for published figures: a count of 1 to 5 children could identify
// a child, so public (councillor) views show it as "<6". Zero is not disclosive and is shown.

import { numberText } from './number-text.ts';

export const DEFAULT_SUPPRESSION_THRESHOLD = 6;

export function isSuppressed(count: number | null, threshold = DEFAULT_SUPPRESSION_THRESHOLD): boolean {
  return count !== null && count > 0 && count < threshold;
}

/**
 * A count as it may be published: the number as every page and paper writes it ("2,436"; an FTE
 * sum to one decimal place), or "<6" (or "<threshold") when it is small.
 */
export function publishCount(count: number | null, threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  if (count === null) return '';
  return isSuppressed(count, threshold) ? `<${threshold}` : numberText(count);
}

/**
 * A rate built from small counts discloses them too (3 of 4 = 75%), so it is withheld when its
 * numerator or denominator is suppressed.
 */
export function rateIsDisclosive(
  numerator: number | null,
  denominator: number | null,
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): boolean {
  return isSuppressed(numerator, threshold) || isSuppressed(denominator, threshold);
}

// ---------------------------------------------------------------------------------------------
// Secondary (complementary) suppression. Hiding a small count is not enough when figures that add
// up are published beside it: a total of 23 with Female 7 and Male 15 gives "Not recorded <6"
// away as 1, and a quarter's 37 of 53 with two of its months shown gives the third. As the ONS and
// the DfE do, another cell of each such group is withheld too (shown as "c", for confidential),
// chosen so that nothing withheld can be worked out from what is published.

/** How a cell withheld only to protect a small one is shown (the official statistics convention). */
export const SECONDARY_TEXT = 'c';

/**
 * One published quantity (a count, or a sum such as the numerator of an average).
 * - small: the primary rule withholds it (shown as "<threshold", so a reader knows it is 1 to threshold - 1).
 * - counted: the quantity is under the primary rule, so when it is withheld as "c" a reader knows
 *   it is at least the threshold (a smaller one would have been "<threshold").
 * - fixed: decided elsewhere and not to be changed here: 'shown' (published exactly on another
 *   page), 'withheld' (withheld there, as "<threshold" when small and "c" otherwise) or
 *   'unpublished' (never shown, e.g. the complement of a rate: only its sign is known to a reader).
 */
export interface Cell {
  value: number;
  small?: boolean;
  counted?: boolean;
  fixed?: 'shown' | 'withheld' | 'unpublished';
}

/** cells[total] = the sum of cells[members]. */
export interface Additive {
  total: number;
  members: readonly number[];
}

export interface AdditiveTable {
  cells: readonly Cell[];
  groups: readonly Additive[];
}

/** What a reader of the published figures knows about a cell: its value, or bounds on it. */
export type Published = { value: number } | { min: number; max: number };

export interface SecondarySuppression {
  /** Withheld: small cells, cells fixed as withheld, and cells withheld to protect them. */
  withheld: boolean[];
  /** Withheld only to protect another cell: shown as SECONDARY_TEXT. */
  secondary: boolean[];
  /** Withheld cells that could still be worked out (only when fixed cells left no other choice). */
  unresolved: number[];
}

/** Rounds of bound tightening before the auditor stops (each pass is linear in the table). */
const MAX_AUDIT_ROUNDS = 500;
/** Figures such as FTE sums are not whole numbers: bounds this close are equal. */
const EPSILON = 1e-6;

/** What a reader sees of each cell, given which cells are withheld. */
export function publishedView(table: AdditiveTable, withheld: readonly boolean[], threshold = DEFAULT_SUPPRESSION_THRESHOLD): Published[] {
  return table.cells.map((cell, i) => {
    if (cell.fixed === 'unpublished') return { min: 0, max: Infinity };
    if (!withheld[i]) return { value: cell.value };
    if (cell.small) return { min: 1, max: threshold - 1 };
    return { min: cell.counted ? threshold : 0, max: Infinity };
  });
}

/**
 * The auditor: given only what is published, works out every bound it can on the cells (each
 * group's total is the sum of its members, tightened group by group until nothing changes; a
 * group with one unknown cell gives it exactly) and returns the withheld cells it pins to a
 * single value, with that value.
 */
export function deriveWithheld(view: readonly Published[], groups: readonly Additive[]): Map<number, number> {
  const lo = view.map((p) => ('value' in p ? p.value : p.min));
  const hi = view.map((p) => ('value' in p ? p.value : p.max));
  const tighten = (i: number, min: number, max: number) => {
    let changed = false;
    if (min > lo[i]! + EPSILON) [lo[i], changed] = [min, true];
    if (max < hi[i]! - EPSILON) [hi[i], changed] = [max, true];
    return changed;
  };
  for (let round = 0; round < MAX_AUDIT_ROUNDS; round++) {
    let changed = false;
    for (const g of groups) {
      const sumLo = g.members.reduce((s, m) => s + lo[m]!, 0);
      const sumHi = g.members.reduce((s, m) => s + hi[m]!, 0);
      changed = tighten(g.total, sumLo, sumHi) || changed;
      for (const m of g.members) {
        // The others' bounds without this member (an infinite sum cannot be subtracted from).
        const othersHi = hi[m] === Infinity ? g.members.reduce((s, o) => (o === m ? s : s + hi[o]!), 0) : sumHi - hi[m]!;
        changed = tighten(m, lo[g.total]! - othersHi, hi[g.total]! - (sumLo - lo[m]!)) || changed;
      }
    }
    if (!changed) break;
  }
  const derived = new Map<number, number>();
  view.forEach((p, i) => {
    if (!('value' in p) && Number.isFinite(hi[i]!) && Math.abs(hi[i]! - lo[i]!) <= EPSILON) derived.set(i, lo[i]!);
  });
  return derived;
}

/**
 * Complementary suppression over a table of additive groups: starting from the small cells (and
 * those fixed as withheld), while the auditor can work out a withheld cell, withhold the smallest
 * non-zero published cell of a group it is in (the members first, the group's total last; the
 * group with the fewest withheld cells first, as that is the one giving it away). Zeros are never
 * withheld (they protect nothing), so a reader may treat "c" as at least the threshold for counts.
 * Cells that share no group are independent (one financial year's months and another's), so each
 * connected part of the table is worked out on its own.
 */
export function secondarySuppression(table: AdditiveTable, threshold = DEFAULT_SUPPRESSION_THRESHOLD): SecondarySuppression {
  const parent = table.cells.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const g of table.groups) for (const m of g.members) parent[root(m)] = root(g.total);
  const parts = new Map<number, number[]>();
  table.cells.forEach((_, i) => parts.set(root(i), [...(parts.get(root(i)) ?? []), i]));
  const result: SecondarySuppression = { withheld: [], secondary: [], unresolved: [] };
  const groupsOf = new Map<number, Additive[]>();
  for (const g of table.groups) groupsOf.set(root(g.total), [...(groupsOf.get(root(g.total)) ?? []), g]);
  for (const [r, cells] of parts) {
    const local = new Map(cells.map((c, i) => [c, i]));
    const part = suppressPart(
      { cells: cells.map((c) => table.cells[c]!), groups: (groupsOf.get(r) ?? []).map((g) => ({ total: local.get(g.total)!, members: g.members.map((m) => local.get(m)!) })) },
      threshold,
    );
    cells.forEach((c, i) => {
      result.withheld[c] = part.withheld[i]!;
      result.secondary[c] = part.secondary[i]!;
    });
    result.unresolved.push(...part.unresolved.map((i) => cells[i]!));
  }
  result.unresolved.sort((a, b) => a - b);
  return result;
}

function suppressPart(table: AdditiveTable, threshold: number): SecondarySuppression {
  const { cells, groups } = table;
  const withheld = cells.map((c) => Boolean(c.small && c.fixed !== 'shown') || c.fixed === 'withheld');
  const secondary = cells.map(() => false);
  const stuck = new Set<number>();
  const groupsOf = cells.map(() => [] as Additive[]);
  for (const g of groups) for (const i of [g.total, ...g.members]) groupsOf[i]!.push(g);
  const candidate = (i: number) => !withheld[i] && !cells[i]!.fixed && cells[i]!.value !== 0;
  const hiddenIn = (g: Additive) => [g.total, ...g.members].filter((i) => withheld[i] || cells[i]!.fixed === 'unpublished').length;
  const derivable = () => [...deriveWithheld(publishedView(table, withheld, threshold), groups).keys()].filter((i) => cells[i]!.fixed !== 'unpublished');
  for (;;) {
    const derived = derivable().filter((i) => !stuck.has(i));
    if (derived.length === 0) break;
    const leak = derived[0]!;
    let pick: number | undefined;
    for (const g of [...groupsOf[leak]!].sort((a, b) => hiddenIn(a) - hiddenIn(b))) {
      const members = g.members.filter(candidate).sort((a, b) => cells[a]!.value - cells[b]!.value || a - b);
      pick = members[0] ?? (candidate(g.total) ? g.total : undefined);
      if (pick !== undefined) break;
    }
    // No cell left to withhold around this one for now (cells withheld later may still protect it).
    if (pick === undefined) stuck.add(leak);
    else [withheld[pick], secondary[pick]] = [true, true];
  }
  return { withheld, secondary, unresolved: stuck.size ? derivable() : [] };
}
