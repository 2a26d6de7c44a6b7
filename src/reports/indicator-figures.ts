// One indicator's figures as the committee report may publish them, and whether it is an
// exception. Pure: the data comes from indicatorSummary in src/store/indicators.ts.
import type { IndicatorDefinition, IndicatorUnit } from '../core/indicators/index.ts';
import type { Quantity, Secondary } from '../core/figure-groups.ts';
import { numberText } from '../core/number-text.ts';
import { isSuppressed, publishCount, rateIsDisclosive, SECONDARY_TEXT } from '../core/suppression.ts';

export type Audience = 'public' | 'officer';

/** A stored figure; `secondary`: its counts withheld from the public to protect a small one elsewhere. */
type StoredValue = { numerator: number | null; denominator: number | null; value: number | null; secondary?: Secondary };

const secondaryIn = (v: StoredValue, audience: Audience, q: Quantity) => audience === 'public' && Boolean(v.secondary?.[q]);

export const SUPPRESSED_RATE = 'Suppressed';

export function formatValue(value: number | null, unit: IndicatorUnit): string {
  if (value === null || !Number.isFinite(value)) return 'No data';
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'count':
      return Math.round(value).toLocaleString('en-GB');
    case 'fte':
    case 'ratio':
      return value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'weeks':
      return `${value.toFixed(1)} weeks`;
    case 'days':
      return `${Math.round(value)} days`;
  }
}

/**
 * Whether a stored figure would disclose a small number of children to a public audience: a count
 * of 1 to 5, or a rate, mean or median built from one (for means and medians the denominator is
 * the number of children or cases averaged).
 */
export function isDisclosive(def: IndicatorDefinition, v: StoredValue | null, audience: Audience, threshold: number): boolean {
  if (!v || audience === 'officer' || !def.suppress) return false;
  if (secondaryIn(v, audience, 'numerator') || secondaryIn(v, audience, 'denominator')) return true;
  if (def.aggregate === 'count') return isSuppressed(v.value, threshold);
  if (def.aggregate === 'rate') return rateIsDisclosive(v.numerator, v.denominator, threshold);
  return isSuppressed(v.denominator, threshold);
}

/** The figure as the audience may see it: "<6" for a small count, "Suppressed" for a rate or average built from one. */
export function publishValue(def: IndicatorDefinition, v: StoredValue | null, audience: Audience, threshold: number): string {
  if (!v) return 'No data';
  if (!isDisclosive(def, v, audience, threshold)) return formatValue(v.value, def.unit);
  if (def.aggregate !== 'count') return SUPPRESSED_RATE;
  return secondaryIn(v, audience, 'numerator') ? SECONDARY_TEXT : publishCount(v.value, threshold);
}

/** "15 of 24" for a rate, with either count shown as "<6" when small (or "c" when withheld to protect one). */
export function publishFraction(def: IndicatorDefinition, v: StoredValue | null, audience: Audience, threshold: number): string {
  if (!v || def.aggregate !== 'rate' || v.numerator === null || v.denominator === null) return '';
  // Staff figures are FTE sums: numberText gives one decimal place, as the DfE publishes them.
  const [num, den] = [v.numerator, v.denominator];
  if (!isDisclosive(def, v, audience, threshold)) return `${numberText(num)} of ${numberText(den)}`;
  const shown = (n: number, q: Quantity) => (secondaryIn(v, audience, q) ? SECONDARY_TEXT : publishCount(n, threshold));
  return `${shown(num, 'numerator')} of ${shown(den, 'denominator')}`;
}
