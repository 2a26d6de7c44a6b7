// The inspection pack: the Inspection page's tables (Annex A lists, journeys and conversion over
// 6 and 12 months with their Sankey charts, timeliness beside England, region and neighbours where
// a published figure measures the same thing) as a printed paper, HTML or PDF. Figures arrive already formatted
// for the viewer (src/server/routes/inspection.ts), so a councillor's copy withholds 1-5 as the
// page does; an officer's copy is marked not for publication. No child is named in the pack.
import type { IsoDate } from '../core/dates.ts';
import { longDate } from './format.ts';
import { journeySankeySvg, PACK_CHART, type JourneyChart } from './journey-chart.ts';
import { renderTemplate, AUTHORITY } from './render.ts';

export interface InspectionPackFigures {
  asOf: IsoDate;
  lists: { label: string; rows: string; children: string; importedAt: string | null }[];
  journeys: { months: number; from: IsoDate; steps: { label: string; reached: string; stopped: string; conversion: { text: string; detail: string } | null }[]; sankey: JourneyChart }[];
  timely: {
    label: string;
    rate: { text: string; detail: string };
    comparison: { missing: string; england?: undefined } | { missing: null; england: string; region: string; neighbours: string; source: string };
  }[];
}

export function renderInspectionPack(figures: InspectionPackFigures, restricted: boolean): string {
  const marking = restricted ? 'OFFICIAL-SENSITIVE: officer copy, not for publication' : 'OFFICIAL';
  return renderTemplate('inspection-pack.njk', {
    ...figures,
    title: 'Inspection pack: Annex A',
    asOfLong: longDate(figures.asOf),
    journeys: figures.journeys.map((j) => ({ ...j, fromLong: longDate(j.from), chart: journeySankeySvg(j.sankey, PACK_CHART) })),
    lists: figures.lists.map((l) => ({ ...l, importedLong: l.importedAt ? longDate(l.importedAt) : '' })),
    marking,
    restricted,
    footer: `${AUTHORITY}: inspection pack, figures to ${longDate(figures.asOf)}`,
  });
}
