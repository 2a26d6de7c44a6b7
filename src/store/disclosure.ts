// Which stored indicator figures are withheld only to protect a small one (secondary suppression,
// src/core/figure-groups.ts): worked out over every stored period of each indicator at once, so
// the month, quarter and year pages, the dashboard, the CSV and the committee paper all withhold
// the same cells. Kept with the figures' cache version (recomputed after an import or computation).
import { periodSecondary, periodKey, type Secondary } from '../core/figure-groups.ts';
import { INDICATORS, type IndicatorDefinition } from '../core/indicators/index.ts';
import type { PeriodType } from '../core/periods.ts';
import { isSuppressed, rateIsDisclosive } from '../core/suppression.ts';
import { cached } from './figure-cache.ts';
import type { Store } from './open.ts';

/** Whether a figure discloses a small count (1-5) and must be blanked for councillors and the public. */
export function isFigureSuppressed(def: IndicatorDefinition, numerator: number | null, denominator: number | null): boolean {
  if (!def.suppress) return false;
  switch (def.aggregate) {
    case 'rate':
      return rateIsDisclosive(numerator, denominator);
    case 'count':
      return isSuppressed(numerator);
    default:
      return isSuppressed(denominator);
  }
}

/**
 * Figures of an event source add up: a quarter's rows are its months' rows, a year's its
 * quarters'. (A distinct count of children need not add up; treating it as if it did only
 * withholds more.) Snapshot figures, at a date or over a rolling window, do not.
 */
export const addsUpOverTime = (def: IndicatorDefinition) => def.source.kind === 'event';

/** Per indicator, the secondary cells of its stored figures by periodKey (only those with one). */
export type SecondaryPlan = Map<string, Map<string, Secondary>>;

export function storedSecondary(store: Store): Promise<SecondaryPlan> {
  return cached(store, JSON.stringify(['secondary-plan']), async () => {
    const rows = await store.db
      .selectFrom('indicator_value')
      .select(['indicator_id', 'period_type', 'period_start', 'numerator', 'denominator'])
      .execute();
    const plan: SecondaryPlan = new Map();
    for (const def of INDICATORS.filter((d) => d.suppress)) {
      const figures = rows
        .filter((r) => r.indicator_id === def.id)
        .map((r) => ({
          type: r.period_type as PeriodType,
          start: r.period_start,
          numerator: r.numerator,
          denominator: r.denominator,
          suppressed: isFigureSuppressed(def, r.numerator, r.denominator),
        }));
      const secondary = periodSecondary(def.aggregate, figures, addsUpOverTime(def));
      if (secondary.size) plan.set(def.id, secondary);
    }
    return plan;
  });
}

/** The secondary cells of one stored figure in a plan. */
export function secondaryIn(plan: SecondaryPlan, id: string, type: PeriodType, start: string): Secondary | undefined {
  return plan.get(id)?.get(periodKey(type, start));
}
