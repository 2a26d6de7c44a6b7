// Children's journeys as a Sankey chart drawn on the server as SVG (echarts' SSR renderer, as the
// trend charts are), so the inspection pack's HTML and PDF carry the chart with no script. Each
// node is labelled with the count the table beside it shows (already suppressed for the viewer);
// a flow withheld as a small number is not drawn.
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

const FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';
const COLOURS = ['#1d3f6e', '#1d70b8', '#f47738', '#00703c', '#d4351c', '#28a197', '#912b88', '#505a5f'];

/** The label a node carries, on the page and in the pack alike. */
export function nodeLabel(n: JourneyNode): string {
  return `${n.name}: ${n.text}`;
}

export function journeySankeySvg(chart: JourneyChart, width = 680, height = 320): string | null {
  const links = chart.links.filter((l): l is { source: string; target: string; value: number } => l.value !== null && l.value > 0);
  if (links.length === 0) return null;
  const touched = new Set(links.flatMap((l) => [l.source, l.target]));
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 10, color: '#000' },
      series: [{
        type: 'sankey', left: 4, right: 270, top: 6, bottom: 6, nodeGap: 10, draggable: false,
        data: chart.nodes.filter((n) => touched.has(n.name)).map((n, i) => ({ name: n.name, itemStyle: { color: COLOURS[i % COLOURS.length] }, label: { formatter: nodeLabel(n), color: '#000' } })),
        links, lineStyle: { color: 'gradient', opacity: 0.35 },
      }],
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
