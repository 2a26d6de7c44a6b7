// What the two counts behind a figure are called on a page, in plain words ("Number" and "Out of"
// for a percentage), by how the figure is aggregated. A heading is null where the quantity means
// nothing to a reader: a count has nothing it is "out of", a median no total, and a ratio's parts
// are scaled (a rate per 10,000 children stores 10,000 for each child).
import type { IndicatorDefinition } from './types.ts';

export interface QuantityHeadings {
  numerator: string | null;
  denominator: string | null;
}

const HEADINGS: Record<IndicatorDefinition['aggregate'], QuantityHeadings> = {
  rate: { numerator: 'Number', denominator: 'Out of' },
  count: { numerator: null, denominator: null },
  sum: { numerator: 'Total', denominator: null },
  mean: { numerator: null, denominator: 'Number of cases' },
  median: { numerator: null, denominator: 'Number of cases' },
  ratio: { numerator: null, denominator: null },
};

export function quantityHeadings(def: Pick<IndicatorDefinition, 'aggregate'>): QuantityHeadings {
  return HEADINGS[def.aggregate];
}
