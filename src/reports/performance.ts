// The Performance Indicators report to Overview and Scrutiny: cover with the picture by area, the
// exceptions across all areas, a summary table by area, and a section per indicator (grouped by
// area) with its trend chart and the officer's narrative.
import { addDays, type IsoDate } from '../core/dates.ts';
import { AREA_LABEL, AREA_PHRASE, groupInAreaOrder } from '../core/indicators/areas.ts';
import { periodStarting, previousPeriod, type Period, type PeriodType } from '../core/periods.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../core/suppression.ts';
import { indicatorSummary, type IndicatorSummary } from '../store/indicators.ts';
import type { Store } from '../store/open.ts';
import { approvedCommentary } from '../store/commentary.ts';
import { listInWords, longDate, plural } from './format.ts';
import { DIRECTION_LABEL, exceptionRank, POLARITY_LABEL } from '../core/rag.ts';
import {
  formatValue,
  isDisclosive,
  publishFraction,
  publishValue,
  SUPPRESSED_RATE,
  type Audience,
} from './indicator-figures.ts';
import { ReportInputError } from './errors.ts';
import { EXEMPT_ITEM_TITLE } from './exempt-missing.ts';
import { DEFAULT_AUTHOR, paperContext } from './paper.ts';
import { renderTemplate } from './render.ts';
import { trendChartSvg } from './trend-chart.ts';

export interface PerformanceReportOptions {
  periodType: PeriodType;
  /** The period reported; the latest one ended by the meeting (or else the latest stored) when absent. */
  periodStart?: IsoDate;
  committee: string;
  meetingDate: IsoDate;
  audience: Audience;
  author?: string;
  /** Counts below this are shown as "<threshold" to the public. */
  suppressionThreshold?: number;
}

/** The report's section "Indicators in detail" (performance.njk). */
const DETAIL_SECTION = 6;
/** A rating or direction of travel that would give a small number away. */
const WITHHELD = 'Not published';
const UNIT_LABEL = { percent: '%', count: 'Number', weeks: 'Weeks', days: 'Days', fte: 'FTE', ratio: 'Number' } as const;

export async function performanceReport(store: Store, options: PerformanceReportOptions): Promise<{ html: string; title: string; period: Period }> {
  const threshold = options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const type = options.periodType;
  if (options.periodStart && !periodStarting(type, options.periodStart)) {
    throw new ReportInputError(`${options.periodStart} is not the start of a ${type} (financial years start on 1 April).`);
  }
  const start = options.periodStart ?? (await latestReportedPeriod(store, type, options.meetingDate));
  if (!start) throw new ReportInputError(`No ${type} indicator values are stored yet: compute the indicators first.`);
  const summaries = (await indicatorSummary(store, { periodType: type, asOf: start })).filter((s) => s.sparkline.length > 0);
  const period = periodStarting(type, start)!;
  const narratives = await store.db
    .selectFrom('narrative')
    .select(['indicator_id', 'body', 'updated_at'])
    .where('period_type', '=', type)
    .where('period_start', '=', start)
    .execute();
  const narrativeOf = new Map(narratives.map((n) => [n.indicator_id, n.body]));
  // Commentary drafted on the web and approved by a manager is printed; unapproved drafts never are.
  for (const [id, c] of await approvedCommentary(store, type, start)) narrativeOf.set(id, c.body);

  const rows = summaries.map((s) => indicatorRow(s, options.audience, threshold, narrativeOf.get(s.definition.id) ?? null));
  // Sections 6.1, 6.2, … are the areas in committee order; 6.1.1, 6.1.2, … their indicators.
  const areas = groupInAreaOrder(rows, (r) => r.area).map((g, i) => {
    const ref = `${DETAIL_SECTION}.${i + 1}`;
    const items = g.items.map((r, j) => ({ ...r, ref: `${ref}.${j + 1}` }));
    return { id: g.area, ref, title: AREA_LABEL[g.area], rows: items, tally: tally(items) };
  });
  const numbered = areas.flatMap((a) => a.rows.map((r) => ({ ...r, areaTitle: a.title })));
  // A stable sort: within a rank, exceptions keep the committee's order of areas.
  const exceptions = numbered.filter((r) => r.exceptionRank !== null).sort((a, b) => (a.exceptionRank ?? 0) - (b.exceptionRank ?? 0));

  // Labelled as on the cards: "2026-27 to 25 November" while the period is still running.
  const running = summaries.find((s) => s.current?.partialTo);
  const periodLabel = running?.period.label ?? period.label;
  const title = `Children's Services performance indicators: ${periodLabel}`;
  const lastDay = longDate(running?.current?.partialTo ?? addDays(period.end, -1));
  const paper = paperContext(title, options.committee, options.meetingDate, options.author ?? DEFAULT_AUTHOR, options.audience === 'officer');
  const html = renderTemplate('performance.njk', {
    ...paper,
    paper,
    period: { label: periodLabel, from: longDate(period.start), to: lastDay },
    areas,
    exceptions,
    tally: tally(rows),
    threshold,
    previousLabel: previousPeriod(period).label,
    public: options.audience === 'public',
    indicatorsCounted: plural(rows.length, 'indicator'),
    coverage: `${plural(rows.length, 'indicator')} in ${plural(areas.length, 'area')} of the strategy: ${listInWords(areas.map((a) => AREA_PHRASE[a.id]))}`,
    exemptItem: EXEMPT_ITEM_TITLE,
  });
  return { html, title, period };
}

/** The latest stored period that had ended by the meeting, or failing that the latest stored. */
export async function latestReportedPeriod(store: Store, type: PeriodType, meetingDate: IsoDate): Promise<IsoDate | null> {
  const q = store.db.selectFrom('indicator_value').select((eb) => eb.fn.max('period_start').as('start')).where('period_type', '=', type);
  const ended = await q.where('period_end', '<=', meetingDate).executeTakeFirst();
  return ended?.start ?? (await q.executeTakeFirst())?.start ?? null;
}

/** How many indicators are Red, Amber, Green, not rated or with the rating withheld, and how many are exceptions. */
function tally(rows: readonly { rag: string | null; ragWithheld: boolean; exceptionRank: number | null }[]) {
  const count = (rag: string | null) => rows.filter((r) => r.rag === rag && !r.ragWithheld).length;
  return {
    total: rows.length,
    red: count('red'),
    amber: count('amber'),
    green: count('green'),
    unrated: count(null),
    withheld: rows.filter((r) => r.ragWithheld).length,
    exceptions: rows.filter((r) => r.exceptionRank !== null).length,
  };
}

function indicatorRow(s: IndicatorSummary, audience: Audience, threshold: number, narrative: string | null) {
  const def = s.definition;
  const disclosive = (p: typeof s.current) => isDisclosive(def, p, audience, threshold);
  // A rating or a direction would hint at a figure the audience may not see: a withheld current
  // figure withholds both, a withheld previous figure the direction (as on the web cards).
  // "Too few to rate" is withheld too: it would say the figure rests on under 20 cases.
  const ragWithheld = disclosive(s.current) && (s.current?.rag != null || Boolean(s.current?.tooFewToRate));
  const rag = ragWithheld ? null : (s.current?.rag ?? null);
  const whole = s.sparkline.filter((p) => !p.partialTo);
  const directionWithheld = s.direction !== null && (disclosive(s.current) || disclosive(s.previous));
  const direction = directionWithheld ? null : s.direction;
  return {
    id: def.id,
    area: def.area,
    title: def.title,
    description: def.description,
    value: publishValue(def, s.current, audience, threshold),
    fraction: publishFraction(def, s.current, audience, threshold),
    target: def.target === null ? 'No target' : formatValue(def.target, def.unit),
    polarity: POLARITY_LABEL[def.polarity],
    rag,
    ragWithheld,
    /** Shown but not rated: it rests on too few cases (core/rag.ts MIN_CASES_TO_RATE). */
    tooFewToRate: !disclosive(s.current) && Boolean(s.current?.tooFewToRate),
    previous: publishValue(def, s.previous, audience, threshold),
    /** What the previous figure covers: for a count so far this period, the same dates last period. */
    previousLabel: s.previous?.period.label ?? null,
    periodLabel: s.period.label,
    direction: direction ? DIRECTION_LABEL[direction] : directionWithheld ? WITHHELD : 'Not known',
    benchmarkable: def.benchmarkable,
    benchmarks: paperBenchmarks(s, audience),
    exceptionRank: exceptionRank(rag, direction, !ragWithheld && Boolean(s.current?.tooFewToRate)),
    narrative: narrative ? narrative.split(/\n\s*\n/) : [],
    // A period still running (3 days of a month) would read as a collapse: the line is of whole periods.
    chart: trendChartSvg({
      labels: whole.map((p) => p.period.label),
      // A withheld figure is a gap in the line: its height would give the number away.
      values: whole.map((p) => (disclosive(p) ? null : p.value)),
      target: def.target,
      percent: def.unit === 'percent',
      unitLabel: UNIT_LABEL[def.unit],
    }),
    chartHasGaps: whole.some((p) => disclosive(p)),
    /** The part period left out of the chart, named under it. */
    chartLeavesOut: s.sparkline.find((p) => p.partialTo)?.period.label ?? null,
  };
}

/**
 * The published comparators as the paper prints them: England, region, neighbours, the council's
 * published figure, rank and quartile, for the published period named (a calendar year is said to
 * be one), and csinsight's own figure for the same dates (withheld from the public copy when it
 * rests on a few children).
 */
function paperBenchmarks(s: IndicatorSummary, audience: Audience) {
  const b = s.benchmarks;
  const unit = s.definition.unit;
  const figure = (v: number | null) => (v === null ? null : formatValue(v, unit));
  return {
    period: b.period,
    calendar: b.periodKind === 'calendar',
    england: figure(b.england),
    region: figure(b.region),
    regionName: b.regionName,
    neighbours: figure(b.neighbours),
    neighbourCount: b.neighbourCount,
    council: b.council,
    published: figure(b.published),
    ours: b.oursSuppressed && audience === 'public' ? SUPPRESSED_RATE : figure(b.ours),
    difference: b.oursSuppressed && audience === 'public' ? null : b.difference,
    rank: b.rank !== null ? `${b.rank} of ${b.ranked}` : null,
    quartile: b.quartile,
    reasons: b.reasons,
  };
}
