// The indicator page's benchmark section: every authority's published figure for the benchmark
// period (best first, ours and the neighbours marked) and the council, England, its region and
// its neighbours over the published years, as charts (charts.js) with the same figures as tables.
import type { IndicatorDefinition } from '../core/indicators/index.ts';
import { authorityFigures, type Benchmarks } from '../store/benchmarks.ts';
import type { Store } from '../store/open.ts';
import { formatNumber } from './format.ts';

/**
 * `oursShown` is csinsight's own figure for the benchmark period as this role may see it; earlier
 * years' own figures are shown only to roles that see exact counts (`exact`).
 */
export async function benchmarkView(store: Store, def: IndicatorDefinition, b: Benchmarks, oursShown: number | null, exact: boolean) {
  if (b.source !== 'ees' || !b.period) return null;
  const all = await authorityFigures(store, def.id, b.period);
  const better = (x: number, y: number) => (def.polarity === 'lower' ? x - y : y - x);
  const neighbours = new Set(b.each.map((n) => n.code));
  const ranked = all.filter((a) => a.value !== null).sort((x, y) => better(x.value!, y.value!) || x.name.localeCompare(y.name));
  const markOf = (code: string) => (code === b.councilCode ? 'ours' : neighbours.has(code) ? 'neighbour' : null);
  const authoritiesChart = {
    kind: 'authorities',
    unit: def.unit,
    labels: ranked.map((a) => a.name),
    values: ranked.map((a) => a.value),
    marks: ranked.map((a) => markOf(a.code)),
    england: b.england,
  };
  const names = b.each.map((n) => n.name);
  const history = b.history.map((h) => ({ ...h, ours: h === b.history.at(-1) ? oursShown : exact || !def.suppress ? h.ours : null }));
  const trend = {
    kind: 'lines',
    labels: history.map((h) => h.period.replace('calendar year ', '')),
    axes: [{ name: def.unit === 'percent' ? '%' : '', unit: def.unit, max: def.unit === 'percent' ? 100 : undefined }],
    series: [
      { name: 'England', values: history.map((h) => h.england) },
      { name: b.regionName ?? 'Region', values: history.map((h) => h.region) },
      { name: 'Neighbours (average)', values: history.map((h) => h.neighbours) },
      { name: `${b.council ?? 'Council'} (published)`, values: history.map((h) => h.published) },
      ...names.map((n) => ({ name: n, values: history.map((h) => h.each[n] ?? null), dashed: true })),
    ],
  };
  const text = (v: number | null | undefined) => formatNumber(v ?? null, def.unit);
  return {
    authoritiesChart,
    trendChart: trend,
    authorities: [...ranked, ...all.filter((a) => a.value === null)].map((a, i) => ({
      position: a.value === null ? null : i + 1,
      name: a.name,
      text: a.value === null ? `Not published (${a.symbol})` : text(a.value),
      mark: markOf(a.code),
    })),
    history: history.map((h) => ({
      period: h.period,
      england: text(h.england),
      region: text(h.region),
      neighbours: text(h.neighbours),
      published: text(h.published),
      ours: h.ours === null ? 'No figure' : text(h.ours),
    })),
    neighbourNames: names,
    neighbourHistory: names.map((n) => ({ name: n, values: history.map((h) => text(h.each[n])) })),
  };
}
