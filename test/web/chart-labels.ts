// The labels of the journeys charts (server-drawn SVG, src/reports/journey-chart.ts) as Chromium
// draws them: each text's box beside the SVG's and its container's, for tests of the page and the
// pack that no label overlaps another or is cut off.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface DrawnChart {
  /** Each label's text and box as drawn, and its computed font size (px on the screen). */
  labels: { text: string; box: Box; fontSize: number }[];
  svg: Box;
  /** The element holding the SVG: what the reader sees of it. */
  container: Box;
  /** The container's scrolling: wider content than the box shows. */
  scrollWidth: number;
  clientWidth: number;
}

/** Every chart matching `selector` (the element holding one SVG), as drawn. */
export function drawnCharts(page: Page, selector: string): Promise<DrawnChart[]> {
  return page.$$eval(selector, (holders) =>
    holders.map((holder) => {
      // (DOMRect's own toJSON: a helper function here would not survive tsx's transform into the page.)
      const svg = holder.querySelector('svg')!;
      return {
        labels: [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect().toJSON() as Box, fontSize: parseFloat(getComputedStyle(t).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) })),
        svg: svg.getBoundingClientRect().toJSON() as Box,
        container: holder.getBoundingClientRect().toJSON() as Box,
        scrollWidth: holder.scrollWidth,
        clientWidth: holder.clientWidth,
      };
    }),
  );
}

const inside = (a: Box, b: Box) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
const meet = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** No two labels of a chart overlap, each lies inside the SVG and (unless the container scrolls) inside the container. */
export function assertLabelsClear(chart: DrawnChart, what: string, options: { inContainer: boolean }): void {
  assert.ok(chart.labels.length >= 4, `${what}: ${chart.labels.length} labels drawn`);
  chart.labels.forEach((l, i) => {
    assert.ok(inside(l.box, chart.svg), `${what}: "${l.text}" ${JSON.stringify(l.box)} runs outside the chart ${JSON.stringify(chart.svg)}`);
    if (options.inContainer) assert.ok(inside(l.box, chart.container), `${what}: "${l.text}" ${JSON.stringify(l.box)} is cut off by its box ${JSON.stringify(chart.container)}`);
    for (const other of chart.labels.slice(i + 1)) assert.ok(!meet(l.box, other.box), `${what}: "${l.text}" overlaps "${other.text}"`);
  });
}
