// The journeys chart's labels (src/reports/journey-chart.ts): laid out so none overlaps another and
// all lie inside the picture, however many and however small and close the flows; and the labels
// drawn are the table's own (suppressed) texts, a withheld flow not drawn.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { journeySankeySvg, labelWidth, layoutLabels, nodeLabel, PACK_CHART, PAGE_CHART, type JourneyChart, type PlacedLabel } from '../../src/reports/journey-chart.ts';
import { ISSUE_COUNTS, journeyChart } from './journey-fixtures.ts';

const intersect = (a: PlacedLabel, b: PlacedLabel) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Labels of any printable text, many of them on tiny nodes close together. */
const requests = (view: { width: number; height: number }) =>
  fc.array(
    fc.record({
      node: fc.record({
        x: fc.integer({ min: 0, max: view.width - 20 }),
        // Many nodes at a handful of heights: the small flows that sit on top of each other.
        y: fc.oneof(fc.constantFrom(0, 40, 41, 42, 200), fc.integer({ min: 0, max: view.height - 1 })),
        width: fc.constant(20),
        height: fc.oneof(fc.constant(0.5), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 120 })),
      }).map((n) => ({ ...n, height: Math.min(n.height, view.height - n.y) })),
      text: fc.string({ minLength: 1, maxLength: 60, unit: fc.oneof(fc.constantFrom(...' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:,<()-'), fc.constantFrom('’', 'é')) }),
    }),
    { minLength: 1, maxLength: 40 },
  );

describe('journey chart labels', () => {
  test('property: no two labels overlap and every label lies inside the picture, for any number of tiny flows', () => {
    const view = fc.record({ width: fc.integer({ min: 200, max: 1200 }), height: fc.integer({ min: 100, max: 600 }) });
    fc.assert(
      fc.property(view.chain((v) => fc.tuple(fc.constant(v), requests(v), fc.constantFrom(10, 12, 14))), ([v, asked, fontSize]) => {
        const layout = layoutLabels(asked, v, fontSize);
        assert.equal(layout.labels.length, asked.length);
        assert.ok(layout.width >= v.width && layout.height >= v.height);
        layout.labels.forEach((l, i) => {
          assert.equal(l.text, asked[i]!.text);
          assert.ok(l.width >= labelWidth(l.text, fontSize) && l.height >= fontSize, `label ${i} is as big as its text`);
          assert.ok(l.x >= 0 && l.y >= 0 && l.x + l.width <= layout.width && l.y + l.height <= layout.height, `label ${i} ${JSON.stringify(l)} is outside ${layout.width} x ${layout.height}`);
          for (const other of layout.labels.slice(i + 1)) assert.ok(!intersect(l, other), `"${l.text}" overlaps "${other.text}"`);
        });
      }),
      { numRuns: 400 },
    );
  });

  test('a label with room stays level with the middle of its node, right of it', () => {
    const layout = layoutLabels([{ node: { x: 10, y: 100, width: 20, height: 40 }, text: 'Contact: 240' }], { width: 600, height: 300 }, 10);
    const [l] = layout.labels;
    assert.equal(l!.y + l!.height / 2, 120);
    assert.ok(l!.x > 30 && l!.x < 40);
    assert.deepEqual([layout.width, layout.height], [600, 300]);
  });

  test("the issue's chart: the child protection plan's label clear of the 'no further step after assessment' label beside it", () => {
    const chart = journeyChart(ISSUE_COUNTS);
    for (const size of [PACK_CHART, PAGE_CHART]) {
      const svg = journeySankeySvg(chart, size)!;
      const drawn = labelsOf(svg);
      assert.deepEqual(drawn.map((d) => d.text).sort(), chart.nodes.filter((n) => !/: 0$/.test(nodeLabel(n))).map(nodeLabel).sort());
      const view = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
      const boxes = drawn.map((d) => ({ text: d.text, x: d.x, y: d.y - (size.fontSize * 1.25) / 2, width: labelWidth(d.text, size.fontSize), height: size.fontSize * 1.25 }) as PlacedLabel);
      boxes.forEach((b, i) => {
        assert.ok(b.x >= 0 && b.x + b.width <= Number(view[1]) && b.y >= 0 && b.y + b.height <= Number(view[2]), `${b.text} inside the picture`);
        for (const other of boxes.slice(i + 1)) assert.ok(!intersect(b, other), `"${b.text}" overlaps "${other.text}"`);
      });
    }
  });

  test("the labels are the table's texts as suppressed: '<6' and 'c' as they stand, a withheld flow and a node only it reaches not drawn", () => {
    const chart: JourneyChart = {
      kind: 'sankey',
      nodes: [{ name: 'Contact', text: '240' }, { name: 'Referral', text: 'c' }, { name: 'No further step after contact', text: '<6' }, { name: 'Assessment', text: '<6' }],
      links: [{ source: 'Contact', target: 'Referral', value: 95 }, { source: 'Contact', target: 'No further step after contact', value: 7 }, { source: 'Referral', target: 'Assessment', value: null }],
    };
    const svg = journeySankeySvg(chart, PACK_CHART)!;
    assert.deepEqual(labelsOf(svg).map((d) => d.text).sort(), ['Contact: 240', 'No further step after contact: <6', 'Referral: c']);
    assert.ok(!svg.includes('<6'), 'the text is escaped in the SVG');
    assert.equal(journeySankeySvg({ ...chart, links: chart.links.map((l) => ({ ...l, value: null })) }), null, 'nothing drawn when every flow is withheld');
  });
});

/** The label texts drawn in an SVG with their anchor (the text's start, level with its middle). */
function labelsOf(svg: string): { text: string; x: number; y: number }[] {
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const group = /<g class="journey-labels"[^>]*>([\s\S]*?)<\/g>/.exec(svg);
  assert.ok(group, 'the labels are drawn');
  return [...group[1]!.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: unescape(m[3]!) }));
}
