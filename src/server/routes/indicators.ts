// The dashboard (every indicator's current figure, RAG, target, trend and benchmarks, by area)
// and each indicator's own page: trend chart, definition, breakdowns, benchmarks, CSV history.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { DIMENSION_LABEL, indicatorById, quantityHeadings, type Dimension, type IndicatorDefinition } from '../../core/indicators/index.ts';
import { PERIOD_TYPES, type PeriodType } from '../../core/periods.ts';
import { seesSuppressedCounts, type Role } from '../../core/access.ts';
import { RAG_LABEL } from '../../core/rag.ts';
import { cached } from '../../store/figure-cache.ts';
import { indicatorBreakdown, indicatorHistory, indicatorSummary } from '../../store/indicators.ts';
import { benchmarkView } from '../benchmark-view.ts';
import { HttpError } from '../errors.ts';
import { jsonForScript } from '../format.ts';
import { AREA_LABEL, groupByArea, indicatorCard, showBreakdown, showPoint, targetText, trendChart, UNIT_LABEL } from '../present.ts';
import { parse } from '../validate.ts';

const VIEW = { config: { permission: 'view_aggregates' as const } };
const PERIOD_LABEL: Record<PeriodType, string> = { month: 'Month', quarter: 'Quarter', year: 'Year' };

const periodQuery = z.object({ period: z.enum(PERIOD_TYPES).default('quarter') });
const indicatorParams = z.object({ id: z.string().min(1).max(100) });
const indicatorQuery = periodQuery.extend({ by: z.string().max(40).optional() });

/** The definition as the public may read it: no SQL. */
function publicDefinition(def: IndicatorDefinition) {
  const { source: _source, ...rest } = def;
  return rest;
}

export async function indicatorRoutes(app: FastifyInstance): Promise<void> {
  const summaries = (period: PeriodType) => indicatorSummary(app.store, { periodType: period, asOf: app.figuresAsOf });
  const definition = (id: string) => {
    const def = indicatorById(id);
    if (!def) throw new HttpError(404, `There is no indicator called ${id}.`);
    return def;
  };
  const periodFor = (def: IndicatorDefinition, wanted: PeriodType): PeriodType =>
    def.periodTypes.includes(wanted) ? wanted : (def.periodTypes[0] ?? 'year');

  /** The cards of the dashboard for a role: cached with the figures they are made from. */
  const cards = (period: PeriodType, role: Role | undefined) =>
    cached(app.store, JSON.stringify(['cards', period, role ?? null, app.figuresAsOf ?? null]), async () => groupByArea(await summaries(period), role));

  /** Everything the indicator page and its API show, for the requesting role (cached likewise). */
  function indicatorView(request: FastifyRequest) {
    const { id } = parse(indicatorParams, request.params);
    const query = parse(indicatorQuery, request.query);
    const def = definition(id);
    const period = periodFor(def, query.period);
    const by = (def.dimensions.includes(query.by as Dimension) ? query.by : def.dimensions[0]) as Dimension | undefined;
    const role = request.user?.role;
    const key = JSON.stringify(['indicator-view', id, period, by ?? null, role ?? null, app.figuresAsOf ?? null]);
    return cached(app.store, key, () => viewOf(def, period, by, role));
  }

  async function viewOf(def: IndicatorDefinition, period: PeriodType, by: Dimension | undefined, role: Role | undefined) {
    const id = def.id;
    const [history, summary] = await Promise.all([
      indicatorHistory(app.store, id, period),
      summaries(period).then((all) => all.find((s) => s.definition.id === id)),
    ]);
    const points = history.map((p) => showPoint(def, p, role));
    // Break down the latest period that has a figure (the current one may have none yet).
    const latest = [...history].reverse().find((p) => p.value !== null) ?? history.at(-1);
    const breakdown =
      by && latest
        ? showBreakdown(def, latest, await indicatorBreakdown(app.store, id, by, period, latest.period.start, app.figuresAsOf), role)
        : { withheld: false, rows: [] };
    const card = summary ? indicatorCard(summary, role) : null;
    const exact = role !== undefined && !seesSuppressedCounts(role);
    return {
      definition: def,
      period,
      points,
      card,
      // The card's: only rates and averages compare with other areas (definition.benchmarkable).
      benchmarks: card?.benchmarks ?? null,
      // Every authority and the neighbours over the years (published EES figures only).
      benchmarkDetail: summary && card ? await benchmarkView(app.store, def, summary.benchmarks, card.benchmarks.ours, exact) : null,
      breakdown: { by: by ?? null, label: by ? DIMENSION_LABEL[by] : null, periodLabel: latest?.period.label ?? null, ...breakdown },
    };
  }

  app.get('/', VIEW, async (request, reply) => {
    const { period } = parse(periodQuery, request.query);
    const groups = await cards(period, request.user?.role);
    return reply.view('pages/dashboard.njk', {
      title: 'Dashboard',
      period,
      periods: PERIOD_TYPES.map((p) => ({ value: p, text: PERIOD_LABEL[p], current: p === period })),
      periodLabel: groups[0]?.cards[0]?.periodLabel ?? null,
      groups,
    });
  });

  app.get('/indicators/:id', VIEW, async (request, reply) => {
    const v = await indicatorView(request);
    const def = v.definition;
    const chart = trendChart(def, v.points);
    return reply.view('pages/indicator.njk', {
      ...v,
      title: def.title,
      areaLabel: AREA_LABEL[def.area],
      unitLabel: UNIT_LABEL[def.unit],
      target: targetText(def),
      quantities: quantityHeadings(def),
      periods: def.periodTypes.map((p) => ({ value: p, text: PERIOD_LABEL[p], current: p === v.period })),
      dimensions: def.dimensions.map((d) => ({ value: d, text: DIMENSION_LABEL[d], selected: d === v.breakdown.by })),
      ragLabel: RAG_LABEL,
      chartJson: jsonForScript(chart),
      authoritiesJson: v.benchmarkDetail ? jsonForScript(v.benchmarkDetail.authoritiesChart) : null,
      benchmarkTrendJson: v.benchmarkDetail ? jsonForScript(v.benchmarkDetail.trendChart) : null,
    });
  });

  // A file that leaves the service with the officer's exact (unsuppressed) counts: case-level.
  app.get('/indicators/:id/history.csv', { config: { ...VIEW.config, caseLevel: true } }, async (request, reply) => {
    const v = await indicatorView(request);
    const rows = v.points.map((p) => [p.label, p.start, p.value ?? '', p.text, p.numeratorText, p.denominatorText, p.rag ?? '']);
    const csv = stringify([['period', 'period_start', 'value', 'shown_as', 'numerator', 'denominator', 'rag'], ...rows]);
    return reply
      .header('content-disposition', `attachment; filename="${v.definition.id}-${v.period}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(csv);
  });

  app.get('/api/indicators', VIEW, async (request, reply) => {
    const { period } = parse(periodQuery, request.query);
    const role = request.user?.role;
    // The same body for a role until the figures change: serialised once, not per request.
    const key = JSON.stringify(['cards-json', period, role ?? null, app.figuresAsOf ?? null]);
    const body = await cached(app.store, key, async () => JSON.stringify({ period, areas: await cards(period, role) }));
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get('/api/indicators/:id', VIEW, async (request) => {
    const v = await indicatorView(request);
    return { ...v, definition: publicDefinition(v.definition) };
  });
}
