// Journeys and inspection-pack figures made from counts, shaped as the Inspection route makes them
// (src/server/routes/inspection.ts): a node per step and per "no further step", the table's texts.
import { JOURNEY_STEPS, stopNode } from '../../src/core/annexAJourneys.ts';
import type { InspectionPackFigures } from '../../src/reports/inspection-pack.ts';
import type { JourneyChart } from '../../src/reports/journey-chart.ts';
import { formatNumber } from '../../src/server/format.ts';

/** How a count is shown: a number, or as a councillor sees it (1-5 as "<6"). */
export type Shown = (n: number) => { text: string; value: number | null };
export const exact: Shown = (n) => ({ text: formatNumber(n), value: n });
export const suppressed: Shown = (n) => (n >= 1 && n <= 5 ? { text: '<6', value: null } : exact(n));

export interface Counts {
  /** Children reaching each step. */
  reached: number[];
  /** Children stopping at each step but the last. */
  stopped: number[];
}

/**
 * The demo's 6 months that drew "Child protection plan: 4" over "No further step after assessment: 75"
 * (seed 3, 500 contacts, to 31 March 2026).
 */
export const ISSUE_COUNTS: Counts = { reached: [240, 95, 89, 14, 4, 0, 0], stopped: [145, 6, 75, 10, 4, 0] };
/** A large authority's 12 months: long right-hand labels, some cut off at the edge before. */
export const LARGE_COUNTS: Counts = { reached: [5986, 2424, 2203, 496, 179, 15, 0], stopped: [3562, 221, 1707, 317, 164, 15] };
/** Every flow past the contact tiny, and counts as long as any authority's. */
export const TINY_COUNTS: Counts = { reached: [1234567, 5, 4, 3, 2, 1, 1], stopped: [1234562, 1, 1, 1, 1, 0] };

export function journeyChart(c: Counts, shown: Shown = exact): JourneyChart {
  const last = JOURNEY_STEPS.length - 1;
  return {
    kind: 'sankey',
    nodes: JOURNEY_STEPS.flatMap((s, i) => [{ name: s.label, text: shown(c.reached[i]!).text }, ...(i === last ? [] : [{ name: stopNode(s), text: shown(c.stopped[i]!).text }])]),
    links: JOURNEY_STEPS.slice(0, last).flatMap((s, i) => [
      { source: s.label, target: JOURNEY_STEPS[i + 1]!.label, value: shown(c.reached[i + 1]!).value },
      { source: s.label, target: stopNode(s), value: shown(c.stopped[i]!).value },
    ]),
  };
}

/** A whole pack's figures: the journeys of `counts` (6 months, then 12) and tables with the longest texts they can hold. */
export function packFigures(counts: [Counts, Counts], shown: Shown = exact): InspectionPackFigures {
  const long = '1,234,567';
  return {
    asOf: '2026-03-31',
    lists: Array.from({ length: 11 }, (_, i) => ({ label: `List ${i + 1}: Section 47 enquiries and ICPCs`, rows: long, children: long, importedAt: '2026-12-03' })),
    journeys: counts.map((c, k) => ({
      months: k === 0 ? 6 : 12,
      from: k === 0 ? '2025-09-30' : '2025-03-31',
      steps: JOURNEY_STEPS.map((s, i) => ({
        label: s.label,
        reached: shown(c.reached[i]!).text,
        stopped: i === JOURNEY_STEPS.length - 1 ? '' : shown(c.stopped[i]!).text,
        conversion: i === 0 ? null : { text: 'Withheld (small numbers)', detail: '' },
      })),
      sankey: journeyChart(c, shown),
    })),
    timely: [
      { label: 'Contacts referred within 1 working day', rate: { text: '83.9%', detail: `${long} of ${long}` }, comparison: { missing: 'No published comparison' } },
      {
        label: 'Initial conferences within 15 working days of the strategy discussion',
        rate: { text: 'Withheld (small numbers)', detail: `${long} of ${long}` },
        comparison: { missing: null, england: 'Not published', region: '83.4% (Yorkshire and The Humber)', neighbours: '85.5% (average of 10)', source: 'DfE published figures, 2024-25' },
      },
    ],
  };
}
