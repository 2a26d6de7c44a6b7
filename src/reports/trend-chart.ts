// Trend charts drawn on the server as SVG (echarts' SSR renderer), so the HTML and the PDF carry
// the same picture and need no script. Gaps are figures that are not published.
import * as echarts from 'echarts';

export interface TrendChart {
  labels: string[];
  /** null: no figure, or one withheld as a small number. */
  values: (number | null)[];
  target: number | null;
  percent: boolean;
  unitLabel: string;
}

const FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

export function trendChartSvg(chart: TrendChart, width = 640, height = 210): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 11, color: '#000' },
      grid: { left: 52, right: 20, top: 18, bottom: 30 },
      xAxis: { type: 'category', data: chart.labels, axisLabel: { color: '#000' }, axisLine: { lineStyle: { color: '#000' } } },
      yAxis: {
        type: 'value',
        name: chart.unitLabel,
        nameTextStyle: { color: '#333', align: 'left' },
        min: 0,
        max: chart.percent ? 100 : undefined,
        axisLabel: { color: '#000', formatter: chart.percent ? '{value}%' : '{value}' },
        splitLine: { lineStyle: { color: '#ddd' } },
      },
      series: [
        {
          type: 'line',
          data: chart.values,
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 6,
          lineStyle: { color: '#1d3f6e', width: 2 },
          itemStyle: { color: '#1d3f6e' },
          label: { show: true, position: 'top', fontSize: 10, color: '#000', formatter: (p: { value: number }) => formatPoint(p.value, chart.percent) },
          markLine:
            chart.target === null
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#555', type: 'dashed', width: 1 },
                  label: { formatter: 'Target', color: '#333', position: 'insideEndTop' },
                  data: [{ yAxis: chart.target }],
                },
        },
      ],
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

function formatPoint(value: number, percent: boolean): string {
  const n = Math.round(value * 10) / 10;
  return percent ? `${n}%` : String(n);
}
