// Secondary suppression for a page's own tables of counts (referrals by source and month, missing
// episodes by day of the week) published beside the totals they add up to: the page names its
// counts and how they add up, and gets back the text each one may be shown as to the role. The
// algorithm is the one in src/core/suppression.ts; indicator figures come with theirs already
// (src/store/disclosure.ts), and a page's count that adds up to one of them takes it as fixed.
import { seesSuppressedCounts, type Role } from '../core/access.ts';
import { addDays, addMonths, type IsoDate } from '../core/dates.ts';
import type { Quantity } from '../core/figure-groups.ts';
import type { IndicatorPoint } from '../store/indicators.ts';
import { isSuppressed, publishCount, secondarySuppression, SECONDARY_TEXT, type Additive, type Cell } from '../core/suppression.ts';
import { formatNumber } from './format.ts';

export interface ShownCounts {
  /** The count as the role may read it: exact, "<6" or "c". */
  text(id: string): string;
  /** The count for a chart: null where it is withheld. */
  value(id: string): number | null;
}

export class CountTable {
  private readonly index = new Map<string, number>();
  private readonly cells: Cell[] = [];
  private readonly groups: Additive[] = [];
  private readonly suppress: boolean;

  constructor(role: Role | undefined) {
    this.suppress = !role || seesSuppressedCounts(role);
  }

  /** A count the page shows; `fixed` when it is shown or withheld as decided elsewhere. */
  count(id: string, value: number, fixed?: Cell['fixed']): this {
    if (!this.index.has(id)) this.index.set(id, this.cells.push({ value, small: this.suppress && isSuppressed(value), counted: true, fixed }) - 1);
    return this;
  }

  /** A stored indicator figure's count that the page's counts add up to (a month's referrals). */
  figure(id: string, point: IndicatorPoint, quantity: Quantity = 'numerator'): this {
    const value = point[quantity] ?? 0;
    const withheld = (point.suppressed && isSuppressed(value)) || point.secondary[quantity];
    return this.count(id, value, withheld ? 'withheld' : 'shown');
  }

  /** A sum nobody is shown (both sides of "these counts add up to those"). */
  hidden(id: string, value: number): this {
    return this.count(id, value, 'unpublished');
  }

  /** `total` is the sum of `members` (ids not given as counts are left out of the group). */
  sum(total: string, members: readonly string[]): this {
    const t = this.index.get(total);
    const m = members.map((id) => this.index.get(id)).filter((i): i is number => i !== undefined);
    if (t !== undefined && m.length > 0) this.groups.push({ total: t, members: m });
    return this;
  }

  /**
   * What the role sees. When no choice of counts protects a small one (totals fixed elsewhere leave
   * no room), every count of the groups it is in is withheld as "c", small ones too: a reader then
   * knows nothing of them, not even that they are small, and the rest is protected around them.
   */
  shown(): ShownCounts {
    const at = (id: string) => {
      const i = this.index.get(id);
      if (i === undefined) throw new Error(`No count called ${id} in this table.`);
      return i;
    };
    if (!this.suppress) return { text: (id) => formatNumber(this.cells[at(id)]!.value), value: (id) => this.cells[at(id)]!.value };
    const cells = [...this.cells];
    const blanket = new Set<number>();
    let result = secondarySuppression({ cells, groups: this.groups });
    while (result.unresolved.length > 0) {
      const before = blanket.size;
      for (const g of this.groups.filter((g) => result.unresolved.some((u) => u === g.total || g.members.includes(u)))) {
        for (const i of [g.total, ...g.members]) {
          if (cells[i]!.fixed) continue;
          cells[i] = { value: cells[i]!.value, fixed: 'withheld' };
          blanket.add(i);
        }
      }
      if (blanket.size === before) {
        // Nothing left to widen: withhold every count the page decides.
        cells.forEach((c, i) => c.fixed || blanket.add(i));
        break;
      }
      result = secondarySuppression({ cells, groups: this.groups });
    }
    const withheld = (i: number) => blanket.has(i) || result.withheld[i]!;
    return {
      text: (id) => {
        const i = at(id);
        const cell = this.cells[i]!;
        if (!withheld(i)) return formatNumber(cell.value);
        return cell.small && !blanket.has(i) ? publishCount(cell.value) : SECONDARY_TEXT;
      },
      value: (id) => (withheld(at(id)) ? null : this.cells[at(id)]!.value),
    };
  }
}

/**
 * The first days of the months making up the `months` months to asOf (a page's "last 12 months"
 * window, which starts the day after asOf a year earlier), when asOf is the last day of a month:
 * then the window's counts are the sums of the months' figures shown elsewhere. Else null.
 */
export function wholeMonthsTo(asOf: IsoDate, months: number): IsoDate[] | null {
  if (!addDays(asOf, 1).endsWith('-01')) return null;
  const first = addDays(addMonths(asOf, -months), 1);
  if (!first.endsWith('-01')) return null;
  return Array.from({ length: months }, (_, i) => addMonths(first, i));
}

/** "x of y (z%)" from two counts of a table: the percentage withheld when either count is (as showRate). */
export function shownRate(shown: ShownCounts, count: string, of: string) {
  const [x, y] = [shown.value(count), shown.value(of)];
  const detail = `${shown.text(count)} of ${shown.text(of)}`;
  if (x === null || y === null) return { text: 'Withheld (small numbers)', detail };
  return { text: y ? formatNumber((100 * x) / y, 'percent') : 'No data', detail };
}
