// Indicator figures as a page shows them to a given role: councillors and the public never see a
// figure built from 1-5 children (shown as "<6" or withheld), officers see exact values.
import { seesSuppressedCounts, type Role } from '../core/access.ts';
import { AREA_LABEL, groupInAreaOrder } from '../core/indicators/areas.ts';
import type { IndicatorArea, IndicatorDefinition } from '../core/indicators/index.ts';
import { DIRECTION_LABEL, exceptionRank } from '../core/rag.ts';
import { breakdownSecondary, NONE_SECONDARY, type Quantity, type Secondary } from '../core/figure-groups.ts';
import { isSuppressed, publishCount, rateIsDisclosive, SECONDARY_TEXT } from '../core/suppression.ts';
import type { Benchmarks } from '../store/benchmarks.ts';
import type { BreakdownRow, IndicatorPoint, IndicatorSummary } from '../store/indicators.ts';
import { formatNumber } from './format.ts';

export { AREA_LABEL } from '../core/indicators/areas.ts';

export const UNIT_LABEL: Record<IndicatorDefinition['unit'], string> = {
  percent: '%',
  count: 'children or episodes',
  weeks: 'weeks',
  days: 'days',
  fte: 'full-time equivalent',
  ratio: 'ratio',
};

/** A figure (a period's value, or one group of a breakdown) as this role may see it. */
export interface ShownFigure {
  /** null when there is no value or it is withheld. */
  value: number | null;
  text: string;
  numeratorText: string;
  denominatorText: string;
}

export interface ShownPoint extends ShownFigure {
  label: string;
  start: string;
  rag: IndicatorPoint['rag'];
  /** Shown but not rated: it rests on too few cases (core/rag.ts MIN_CASES_TO_RATE). */
  tooFewToRate: boolean;
  /** The period is still running: its figure covers only part of it (the label says to when). */
  partial: boolean;
}

type Figure = Pick<IndicatorPoint, 'numerator' | 'denominator' | 'value' | 'suppressed'> & { secondary?: Secondary };

const seesSuppressed = (role: Role | undefined) => !role || seesSuppressedCounts(role);

/** How this role sees a count of children or episodes: exact, or 1-5 as "<6". */
export function countFormatter(role: Role | undefined): (n: number | null | undefined) => string {
  const suppress = !role || seesSuppressedCounts(role);
  return (n) => (n === null || n === undefined ? '' : suppress ? publishCount(n) : formatNumber(n));
}

/** A count for a chart: null (a gap) where this role would see "<6". */
export function chartCount(role: Role | undefined): (n: number) => number | null {
  const suppress = !role || seesSuppressedCounts(role);
  return (n) => (suppress && isSuppressed(n) ? null : n);
}

export function withheld(figure: Figure, role: Role | undefined): boolean {
  return figure.suppressed && seesSuppressed(role);
}

/**
 * A figure as this role sees it: for councillors and the public, a small count as "<6", a count
 * withheld to protect one (secondary suppression) as "c", and the value withheld with either.
 */
export function showFigure(def: IndicatorDefinition, figure: Figure, role: Role | undefined): ShownFigure {
  const primary = withheld(figure, role);
  const secondary = seesSuppressed(role) ? (figure.secondary ?? NONE_SECONDARY) : NONE_SECONDARY;
  const hide = primary || secondary.numerator || secondary.denominator;
  const count = (q: Quantity) => {
    const n = figure[q];
    return n === null ? '' : secondary[q] ? SECONDARY_TEXT : primary ? publishCount(n) : formatNumber(n);
  };
  let text = formatNumber(figure.value, def.unit);
  if (hide) text = def.aggregate === 'count' && figure.value !== null ? count('numerator') : 'Withheld (small numbers)';
  return { value: hide ? null : figure.value, text, numeratorText: count('numerator'), denominatorText: count('denominator') };
}

/**
 * The groups of a breakdown of a stored figure (`total`) as this role sees them: each through
 * showFigure, with groups withheld as well so that no small one can be worked out from the total;
 * null when no choice of groups would protect it (the breakdown is then not published).
 */
export function breakdownFigures(
  def: IndicatorDefinition,
  total: IndicatorPoint | null | undefined,
  rows: readonly Figure[],
  role: Role | undefined,
): ShownFigure[] | null {
  const secondary = def.suppress && total && seesSuppressed(role) ? breakdownSecondary(def.aggregate, total, rows) : null;
  if (secondary?.withheldAll) return null;
  return rows.map((r, i) => showFigure(def, { ...r, secondary: secondary?.groups[i] }, role));
}

/** A breakdown table (the indicator page's): its rows, or `withheld` with none. */
export function showBreakdown(def: IndicatorDefinition, total: IndicatorPoint | null, rows: readonly BreakdownRow[], role: Role | undefined) {
  const shown = breakdownFigures(def, total, rows, role);
  return shown ? { withheld: false, rows: shown.map((f, i) => ({ label: rows[i]!.label, ...f })) } : { withheld: true, rows: [] };
}

/** How a group of a breakdown withheld whole reads. */
export const WITHHELD_GROUP: ShownFigure = Object.freeze({ value: null, text: 'Withheld (small numbers)', numeratorText: '', denominatorText: '' });

export function showPoint(def: IndicatorDefinition, point: IndicatorPoint, role: Role | undefined): ShownPoint {
  const shown = showFigure(def, point, role);
  // A rating would hint at a withheld value.
  return {
    ...shown,
    label: point.period.label,
    start: point.period.start,
    rag: shown.value === null ? null : point.rag,
    tooFewToRate: shown.value !== null && point.tooFewToRate,
    partial: point.partialTo !== null,
  };
}

export function targetText(def: IndicatorDefinition): string {
  if (def.target === null) return 'No target (contextual measure)';
  const better = def.polarity === 'higher' ? 'or more' : 'or less';
  return `${formatNumber(def.target, def.unit)} ${better}`;
}

/**
 * An indicator's benchmarks as the API gives them and a page shows them: the numbers (null with
 * a reason in `reasons`) and their texts. Published figures are public; csinsight's own figure
 * for the benchmark period is withheld from councillors when built from 1-5 children.
 */
export function showBenchmarks(b: Benchmarks, def: IndicatorDefinition, role: Role | undefined) {
  const oursWithheld = b.oursSuppressed && (!role || seesSuppressedCounts(role));
  const reasons = { ...b.reasons, ...(oursWithheld ? { ours: 'withheld (small numbers)' } : {}) };
  const text = (v: number | null, reason: string | undefined) => (v === null ? `No figure: ${reason ?? 'not published'}` : formatNumber(v, def.unit));
  const neighboursLabel = b.neighbourCount ? `Statistical neighbours (average of ${b.neighbourCount})` : 'Statistical neighbours';
  const rows = [
    { key: 'england', label: 'England', value: b.england },
    { key: 'region', label: b.regionName ?? 'Region', value: b.region },
    { key: 'neighbours', label: neighboursLabel, value: b.neighbours },
    ...(b.source === 'ees' ? [{ key: 'published', label: `${b.council ?? 'The council'} (published by the DfE)`, value: b.published }] : []),
  ].map((r) => ({ ...r, text: text(r.value, reasons[r.key as keyof typeof reasons]) }));
  return {
    source: b.source,
    period: b.period,
    england: b.england,
    region: b.region,
    neighbours: b.neighbours,
    rank: b.rank,
    ranked: b.ranked,
    quartile: b.quartile,
    council: b.council,
    published: b.published,
    ours: oursWithheld ? null : b.ours,
    difference: oursWithheld ? null : b.difference,
    reasons,
    shown: {
      periodText: b.period ? `${b.source === 'table' ? 'Financial year' : 'Published for'} ${b.period}${b.periodKind === 'calendar' ? ' (a calendar year, not a financial year)' : ''}` : null,
      rows,
      oursText: b.period ? `${text(oursWithheld ? null : b.ours, reasons.ours)}` : null,
      rankText: b.rank !== null && b.ranked !== null ? `${ordinal(b.rank)} of ${b.ranked}` : `Not ranked: ${reasons.rank ?? 'no figures'}`,
      quartileText: b.quartile ? `${b.quartile} (${QUARTILE_LABEL[b.quartile]})` : `None: ${reasons.quartile ?? 'no figures'}`,
      each: b.each.map((n) => ({ name: n.name, nearness: n.nearness, text: text(n.value, n.reason ?? undefined) })),
    },
  };
}

export type ShownBenchmarks = ReturnType<typeof showBenchmarks>;

export const QUARTILE_LABEL: Record<string, string> = { A: 'best quarter', B: 'second quarter', C: 'third quarter', D: 'worst quarter' };

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Points for a small inline SVG trend line; gaps where a value is missing or withheld. */
export function sparklinePath(values: (number | null)[], width = 120, height = 32): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return '';
  const min = Math.min(...known);
  const span = Math.max(...known) - min || 1;
  const step = width / Math.max(values.length - 1, 1);
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 2 - ((v - min) / span) * (height - 4)).toFixed(1);
    path += `${pen ? 'L' : 'M'}${x} ${y} `;
    pen = true;
  });
  return path.trim();
}

export interface IndicatorCard {
  id: string;
  title: string;
  unit: string;
  periodLabel: string;
  current: ShownPoint | null;
  previous: ShownPoint | null;
  /** improving / worsening, or up / down for a neutral measure; null when unknown or withheld. */
  direction: IndicatorSummary['direction'];
  /** The direction in words ("Improving", "Up"), or why there is none. */
  directionText: string;
  /** Order among the exceptions (core/rag.ts exceptionRank) from what this role sees; null: not one. */
  exceptionRank: number | null;
  /** Which way the value itself moved: the arrow (the words say whether that is good). */
  change: 'up' | 'down' | 'same' | null;
  target: string;
  sparkline: string;
  trendText: string;
  benchmarks: ShownBenchmarks;
}

export function indicatorCard(s: IndicatorSummary, role: Role | undefined): IndicatorCard {
  const def = s.definition;
  const points = s.sparkline.map((p) => showPoint(def, p, role));
  const current = s.current ? showPoint(def, s.current, role) : null;
  const previous = s.previous ? showPoint(def, s.previous, role) : null;
  // Direction compares two values; withholding either withholds the direction.
  const [now, before] = [current?.value ?? null, previous?.value ?? null];
  const shown = now !== null && before !== null;
  const direction = shown ? s.direction : null;
  return {
    id: def.id,
    title: def.title,
    unit: def.unit,
    periodLabel: s.period.label,
    current,
    previous,
    direction,
    directionText: direction ? DIRECTION_LABEL[direction] : s.direction ? 'Not shown (small numbers)' : 'No earlier figure',
    change: !shown ? null : now > before ? 'up' : now < before ? 'down' : 'same',
    exceptionRank: exceptionRank(current?.rag ?? null, direction, current?.tooFewToRate ?? false),
    target: targetText(def),
    // A part period (3 days of a month) would read as a collapse or a surge: the line stops at the
    // last whole period, and the words say the part period was left out.
    sparkline: sparklinePath(points.filter((p) => !p.partial).map((p) => p.value)),
    trendText: points.map((p) => `${p.label}: ${p.text}${p.partial ? ' (so far, not drawn)' : ''}`).join('; '),
    benchmarks: showBenchmarks(s.benchmarks, def, role),
  };
}

/** Each area's own page, where it has one. */
export const AREA_PAGE: Record<IndicatorArea, string | null> = {
  ehcp: '/ehcp',
  home_education: '/home-education',
  front_door: '/front-door',
  child_protection: '/child-protection',
  early_help: '/early-help',
  missing: '/missing',
  looked_after: null,
  care_leavers: '/care-leavers',
  workforce: '/workforce',
  voice: '/voice',
};

/**
 * Cards grouped by area, in the committee's order of areas (src/core/indicators/areas.ts), each
 * area with its count of Red, Amber, Green and not rated (no target, no figure or withheld) and of
 * exceptions, as this role sees them: the dashboard's "at a glance".
 */
export function groupByArea(summaries: IndicatorSummary[], role: Role | undefined) {
  return groupInAreaOrder(summaries, (s) => s.definition.area).map(({ area, items }) => {
    const cards = items.map((s) => indicatorCard(s, role));
    const rated = (rag: string) => cards.filter((c) => c.current?.rag === rag).length;
    const [red, amber, green] = [rated('red'), rated('amber'), rated('green')];
    return {
      area,
      title: AREA_LABEL[area],
      page: AREA_PAGE[area],
      tally: { red, amber, green, unrated: cards.length - red - amber - green },
      exceptionCount: cards.filter((c) => c.exceptionRank !== null).length,
      cards,
    };
  });
}

/** The trend chart's data (charts.js): values as this role may see them, target and RAG bands. */
export function trendChart(def: IndicatorDefinition, points: ShownPoint[]) {
  return {
    title: def.title,
    unit: def.unit,
    polarity: def.polarity,
    target: def.target,
    tolerance: def.tolerance,
    labels: points.map((p) => p.label),
    values: points.map((p) => p.value),
    /** Which points are part periods, drawn apart from the line of whole periods. */
    partial: points.map((p) => p.partial),
  };
}

/** "x of y (z%)", withheld for suppressed roles when x or y is 1-5. */
export function showRate(rate: { count: number | null; of: number | null; percent: number | null } | null, role: Role | undefined) {
  if (!rate || rate.percent === null) return { text: 'No data', detail: '' };
  const hide = (!role || seesSuppressedCounts(role)) && rateIsDisclosive(rate.count, rate.of);
  const count = countFormatter(role);
  return {
    text: hide ? 'Withheld (small numbers)' : formatNumber(rate.percent, 'percent'),
    detail: `${count(rate.count)} of ${count(rate.of)}`,
  };
}
