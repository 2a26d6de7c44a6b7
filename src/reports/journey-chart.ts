// Children's journeys as a Sankey chart drawn on the server as SVG (echarts' SSR renderer, as the
// trend charts are), for the Inspection page and the inspection pack alike, so both carry the same
// picture with no script. Each node is labelled with the count the table beside it shows (already
// suppressed for the viewer); a flow withheld as a small number is not drawn.
//
// echarts places the nodes and flows; the labels are laid out here (layoutLabels, pure), because
// echarts' own labels overlap when flows are small and run past the edge when the font is wider
// than it measures: each label goes right of its node, labels that would touch are pushed apart
// (with a leader line back to a node they were moved away from), and the picture grows to hold them.
import * as echarts from 'echarts';

export interface JourneyNode {
  name: string;
  /** The count as the table shows it ("1,234", "<6", "c"). */
  text: string;
}

export interface JourneyChart {
  kind: 'sankey';
  nodes: JourneyNode[];
  /** null: withheld from this viewer. */
  links: { source: string; target: string; value: number | null }[];
}

/** How big a chart is drawn (px) and the size of its labels. */
export interface ChartSize {
  width: number;
  height: number;
  fontSize: number;
}

/** The pack's chart, printed across the A4 text width (174 mm, about 658 px). */
export const PACK_CHART: ChartSize = { width: 680, height: 320, fontSize: 10 };
/** The page's chart: the width of the page's column at 1,024 px, labels at the page charts' 14 px. */
export const PAGE_CHART: ChartSize = { width: 960, height: 400, fontSize: 14 };

const FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";
const COLOURS = ['#1d3f6e', '#1d70b8', '#f47738', '#00703c', '#d4351c', '#28a197', '#912b88', '#505a5f'];
const TEXT_COLOUR = '#0b0c0c';
/** How much of a node's colour its flows carry, over white: pale enough for labels to read over them. */
const FLOW_TINT = 0.35;

/** `hex` (#rrggbb) mixed with white, so a flow is pale without transparency (Chromium's PDFs drop the opacity of a gradient fill). */
function tint(hex: string): string {
  const mix = (i: number) => Math.round(255 - (255 - parseInt(hex.slice(i, i + 2), 16)) * FLOW_TINT);
  return `rgb(${mix(1)},${mix(3)},${mix(5)})`;
}

/** Space between a node and its label, and kept clear at the chart's edges (px). */
const LABEL_GAP = 4;
/** Clear space between two labels (px): room for the white halo drawn round each. */
const LABEL_SPACING = 3;
/** A label's line box as a multiple of its font size: above the ascent and descent of every font named in FONT (DejaVu Sans, the tallest, is 1.164). */
const LINE_HEIGHT = 1.25;
/** The flows keep at least this width (px) however long the right-hand labels are; the chart widens instead. */
const MIN_FLOW_WIDTH = 240;
/** Rounds of pushing touching labels apart before the last pass settles any still touching from the top down. */
const RELAX_ROUNDS = 60;

/**
 * Advance widths of the printable ASCII characters (space to ~) in thousandths of the font size,
 * from DejaVu Sans: what Debian and most Linux servers draw for Arial, and wider than Arial,
 * Liberation Sans and Helvetica at every character, so a label never takes more room than this
 * says. Any other character is taken as a full em.
 */
const ADVANCE = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
  1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
  500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/** The label a node carries, on the page and in the pack alike. */
export function nodeLabel(n: JourneyNode): string {
  return `${n.name}: ${n.text}`;
}

/** The most room `text` takes at `fontSize` px in any of the chart's fonts. */
export function labelWidth(text: string, fontSize: number): number {
  let thousandths = 0;
  for (const ch of text) thousandths += ADVANCE[(ch.codePointAt(0) ?? 0) - 32] ?? 1000;
  return (thousandths * fontSize) / 1000;
}

/** A node's rectangle in the chart's coordinates. */
export interface NodeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  text: string;
  node: NodeRect;
  /** The label's box: top left, width and height (px). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelLayout {
  labels: PlacedLabel[];
  /** The chart's size holding every label: at least the size asked for. */
  width: number;
  height: number;
}

const besideX = (a: PlacedLabel, b: PlacedLabel) => a.x < b.x + b.width + LABEL_SPACING && b.x < a.x + a.width + LABEL_SPACING;
const besideY = (a: PlacedLabel, b: PlacedLabel) => a.y < b.y + b.height + LABEL_SPACING && b.y < a.y + a.height + LABEL_SPACING;

/**
 * Labels for nodes, none touching another and all inside the returned width and height. Each goes
 * right of its node, level with its middle (left of it when it would run into the last column's
 * nodes, moved left when it would pass the right edge); labels that would touch are pushed apart,
 * up and down alike, and any still touching are then settled one below the other from the top,
 * so no two ever overlap however small and close the nodes are.
 */
export function layoutLabels(requests: readonly { node: NodeRect; text: string }[], view: { width: number; height: number }, fontSize: number): LabelLayout {
  const height = fontSize * LINE_HEIGHT;
  const widths = requests.map((r) => labelWidth(r.text, fontSize));
  const width = Math.max(view.width, ...widths.map((w) => w + 2 * LABEL_GAP));
  // The last column's labels have the room right of it; another node's label stays out of that
  // column, going left of its node when there is no room on its right.
  const lastColumn = Math.max(...requests.map((r) => r.node.x));
  const across = (node: NodeRect, w: number) => {
    const right = node.x + node.width + LABEL_GAP;
    const left = node.x - LABEL_GAP - w;
    if (node.x < lastColumn && right + w > lastColumn - LABEL_GAP && left >= LABEL_GAP) return left;
    return Math.max(LABEL_GAP, Math.min(right, width - LABEL_GAP - w));
  };
  const labels: PlacedLabel[] = requests.map((r, i) => ({
    text: r.text,
    node: r.node,
    width: widths[i]!,
    height,
    x: across(r.node, widths[i]!),
    y: Math.max(LABEL_GAP, r.node.y + r.node.height / 2 - height / 2),
  }));
  for (let round = 0, moved = true; moved && round < RELAX_ROUNDS; round++) {
    moved = false;
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        if (!besideX(a, b) || !besideY(a, b)) continue;
        const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
        const half = (upper.y + height + LABEL_SPACING - lower.y) / 2;
        upper.y -= half;
        lower.y += half;
        if (upper.y < LABEL_GAP) [lower.y, upper.y] = [lower.y + LABEL_GAP - upper.y, LABEL_GAP];
        moved = true;
      }
    }
  }
  // Whatever the pushing left touching: from the top down, each label goes below any it touches.
  // (Each move is down to the foot of a label already settled, so this ends.)
  const settled: PlacedLabel[] = [];
  const clashWith = (label: PlacedLabel) => settled.find((s) => besideX(s, label) && besideY(s, label));
  for (const label of [...labels].sort((a, b) => a.y - b.y)) {
    for (let clash = clashWith(label); clash; clash = clashWith(label)) label.y = clash.y + clash.height + LABEL_SPACING;
    settled.push(label);
  }
  return { labels, width, height: Math.max(view.height, ...labels.map((l) => l.y + l.height + LABEL_GAP)) };
}

const SVG_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const svgText = (text: string) => text.replace(/[&<>"]/g, (c) => SVG_ESCAPES[c]!);

/** The labels as SVG: white-haloed text over the flows, and a leader line to a node a label was moved away from. */
function labelsSvg(labels: readonly PlacedLabel[], fontSize: number): string {
  const parts = labels.map((l) => {
    const middle = l.y + l.height / 2;
    const { node } = l;
    // From the side of the node the label is on, to the label's near end.
    const [from, to] = l.x >= node.x + node.width ? [node.x + node.width, l.x - 1] : l.x + l.width <= node.x ? [node.x, l.x + l.width + 1] : [null, null];
    const away = (middle < node.y || middle > node.y + node.height) && from !== null;
    const leader = away ? `<line x1="${from}" y1="${Math.min(Math.max(middle, node.y), node.y + node.height)}" x2="${to}" y2="${middle}" stroke="#505a5f" stroke-width="0.75"></line>` : '';
    return `${leader}<text x="${l.x}" y="${middle}" dominant-baseline="central" paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round">${svgText(l.text)}</text>`;
  });
  return `<g class="journey-labels" font-family="${FONT}" font-size="${fontSize}" fill="${TEXT_COLOUR}">${parts.join('')}</g>`;
}

export function journeySankeySvg(chart: JourneyChart, size: ChartSize = PACK_CHART): string | null {
  const links = chart.links.filter((l): l is { source: string; target: string; value: number } => l.value !== null && l.value > 0);
  if (links.length === 0) return null;
  const touched = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = chart.nodes.filter((n) => touched.has(n.name));
  // Nodes with no flow out stand in the last column (echarts' 'justify'): their labels need the room on the right.
  const colour = (name: string) => COLOURS[nodes.findIndex((n) => n.name === name) % COLOURS.length]!;
  const sinks = nodes.filter((n) => !links.some((l) => l.source === n.name));
  const room = (n: JourneyNode) => labelWidth(nodeLabel(n), size.fontSize) + 2 * LABEL_GAP;
  const right = Math.max(...sinks.map(room));
  // Wide enough for the flows beside the right-hand labels, and for any label on its own.
  const width = Math.max(size.width, LABEL_GAP + MIN_FLOW_WIDTH + right, ...nodes.map(room));

  /** The flows and nodes drawn `extra` px taller than asked (more room below for labels), and where each node stands. */
  const draw = (extra: number) => {
    const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: size.height + extra });
    try {
      instance.setOption({
        animation: false,
        series: [{
          type: 'sankey', left: LABEL_GAP, right, top: LABEL_GAP, bottom: LABEL_GAP + extra, nodeGap: 10, draggable: false,
          label: { show: false }, emphasis: { disabled: true },
          data: nodes.map((n) => ({ name: n.name, itemStyle: { color: colour(n.name) } })),
          // Each flow shades from its source's colour to its target's.
          links: links.map((l) => ({ ...l, lineStyle: { opacity: 1, color: { type: 'linear', x: 0, y: 0, x2: 1, y2: 0, colorStops: [{ offset: 0, color: tint(colour(l.source)) }, { offset: 1, color: tint(colour(l.target)) }] } } })),
        }],
      });
      // echarts' own layout of each node, in the series' box (which starts LABEL_GAP from the top left).
      const data = (instance as unknown as { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): { x: number; y: number; dx: number; dy: number } } } } })
        .getModel().getSeriesByIndex(0).getData();
      const rects = nodes.map((_, i) => {
        const l = data.getItemLayout(i);
        return { x: l.x + LABEL_GAP, y: l.y + LABEL_GAP, width: l.dx, height: l.dy };
      });
      return { svg: instance.renderToSVGString(), rects };
    } finally {
      instance.dispose();
    }
  };

  let drawn = draw(0);
  const layout = layoutLabels(nodes.map((n, i) => ({ node: drawn.rects[i]!, text: nodeLabel(n) })), { width, height: size.height }, size.fontSize);
  // Labels pushed below the flows: the same flows (their box unchanged) on a taller picture.
  if (layout.height > size.height) drawn = draw(layout.height - size.height);
  return drawn.svg.replace(/<\/svg>\s*$/, `${labelsSvg(layout.labels, size.fontSize)}</svg>`);
}
