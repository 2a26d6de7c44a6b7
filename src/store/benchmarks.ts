// Official benchmarks: for each indicator, the DfE's published figures (ees_figure) for England,
// the council's region, its statistical neighbours and every authority, set beside the council's
// own published figure and the one csinsight computes for the same span of dates, with its rank
// and quartile among authorities. When no EES file has been loaded for an indicator, the hand-made
// benchmark table (Indicator, Area, Year, Value) still gives England and neighbours.
import { addDays, addMonths, type IsoDate } from '../core/dates.ts';
import { eesPeriod, quartileOf, rankAmong, ROUNDING_TOLERANCE, symbolReason, type EesPeriod, type Quartile } from '../core/ees/benchmark.ts';
import type { IndicatorDefinition } from '../core/indicators/index.ts';
import { fyLabel } from '../core/periods.ts';
import { forgetVersion } from './figure-cache.ts';
// A cycle with indicators.ts, which reads benchmarks: only functions cross it, called at run time.
import { isFigureSuppressed } from './indicators.ts';
import type { Store } from './open.ts';
import type { Database } from './schema.ts';

type Figure = Database['ees_figure'];

export interface CouncilIdentity {
  oldLaCode: string;
  newLaCode: string;
  name: string;
}

/** The authority this installation serves, or null when not set. */
export async function councilIdentity(store: Store): Promise<CouncilIdentity | null> {
  const row = await store.db.selectFrom('council_identity').select(['old_la_code', 'new_la_code', 'name']).executeTakeFirst();
  return row ? { oldLaCode: row.old_la_code, newLaCode: row.new_la_code, name: row.name } : null;
}

export class SettingError extends Error {}

/**
 * Sets the council's identity. Once any EES file is loaded the codes must be an authority in it
 * (both codes of the same one), and the name comes from it; before that a name must be given.
 */
export async function setCouncilIdentity(store: Store, input: { oldLaCode: string; newLaCode: string; name?: string }, user: string): Promise<CouncilIdentity> {
  const oldLaCode = input.oldLaCode.trim();
  const newLaCode = input.newLaCode.trim().toUpperCase();
  if (!/^\d{3}$/.test(oldLaCode)) throw new SettingError(`"${input.oldLaCode}" is not an old LA code (three digits, e.g. 356).`);
  if (!/^E\d{8}$/.test(newLaCode)) throw new SettingError(`"${input.newLaCode}" is not a new LA code (E and eight digits, e.g. E08000007).`);
  const known = await store.db
    .selectFrom('ees_figure')
    .select(['area_code', 'old_la_code', 'area_name'])
    .where('geographic_level', '=', 'Local authority')
    .where((eb) => eb.or([eb('area_code', '=', newLaCode), eb('old_la_code', '=', oldLaCode)]))
    .orderBy('time_period', 'desc')
    .execute();
  let name = input.name?.trim() ?? '';
  if (known.length > 0) {
    const same = known.find((k) => k.area_code === newLaCode && k.old_la_code === oldLaCode);
    if (!same) {
      const seen = [...new Set(known.map((k) => `${k.area_name} (${k.old_la_code}, ${k.area_code})`))].join('; ');
      throw new SettingError(`${oldLaCode} and ${newLaCode} are not the same authority in the published figures: ${seen}.`);
    }
    name ||= same.area_name;
  } else if ((await store.db.selectFrom('ees_figure').select('area_code').limit(1).execute()).length > 0) {
    throw new SettingError(`No authority with code ${oldLaCode} or ${newLaCode} is in the published figures loaded.`);
  }
  if (!name) throw new SettingError('Give the authority\'s name: no published figures are loaded to take it from.');
  const row = { old_la_code: oldLaCode, new_la_code: newLaCode, name, updated_by: user };
  await store.db
    .insertInto('council_identity')
    .values(row)
    .onConflict((oc) => oc.column('one').doUpdateSet({ ...row, updated_at: new Date().toISOString() }))
    .execute();
  forgetVersion(store);
  return { oldLaCode, newLaCode, name };
}

/** Local authorities in the published figures: new code, old code, name and region (latest). */
export async function publishedAuthorities(store: Store): Promise<{ code: string; oldCode: string | null; name: string; region: string | null }[]> {
  const rows = await store.db
    .selectFrom('ees_figure')
    .select(['area_code', 'old_la_code', 'area_name', 'region_name', 'time_period'])
    .where('geographic_level', '=', 'Local authority')
    .orderBy('time_period', 'desc')
    .execute();
  const seen = new Map<string, { code: string; oldCode: string | null; name: string; region: string | null }>();
  for (const r of rows) if (!seen.has(r.area_code)) seen.set(r.area_code, { code: r.area_code, oldCode: r.old_la_code, name: r.area_name, region: r.region_name });
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface NeighbourFigure {
  code: string;
  name: string;
  /** 1 = nearest neighbour. */
  nearness: number;
  value: number | null;
  /** Why there is no value (the published symbol in words). */
  reason: string | null;
}

export interface BenchmarkPoint {
  period: string;
  england: number | null;
  region: number | null;
  neighbours: number | null;
  published: number | null;
  ours: number | null;
  each: Record<string, number | null>;
}

export type BenchmarkField = 'england' | 'region' | 'neighbours' | 'rank' | 'quartile' | 'published' | 'ours' | 'period';

/**
 * What an indicator is compared with. Each number is null with a reason in `reasons` when there
 * is none. `period` is the published period (e.g. "calendar year 2024"); the council's own
 * figure (`ours`) is worked out for the same dates, never for a different span.
 */
export interface Benchmarks {
  source: 'ees' | 'table' | null;
  period: string | null;
  periodKind: EesPeriod['kind'] | 'financial' | null;
  england: number | null;
  region: number | null;
  regionName: string | null;
  /** The neighbours' average of their published figures (those with one). */
  neighbours: number | null;
  neighbourCount: number;
  rank: number | null;
  /** How many authorities have a published figure (the rank is among them). */
  ranked: number | null;
  quartile: Quartile | null;
  council: string | null;
  /** The council's code in the published figures (its new LA code). */
  councilCode: string | null;
  published: number | null;
  ours: number | null;
  /** True when csinsight's own figure is built from 1-5 children (withheld from councillors, as elsewhere). */
  oursSuppressed: boolean;
  /** Why the published and computed figures differ, when they do beyond rounding. */
  difference: string | null;
  each: NeighbourFigure[];
  history: BenchmarkPoint[];
  reasons: Partial<Record<BenchmarkField, string>>;
}

const NONE = 'no published figures loaded for this measure';

function emptyBenchmarks(reason: string): Benchmarks {
  const reasons: Benchmarks['reasons'] = {};
  for (const f of ['period', 'england', 'region', 'neighbours', 'rank', 'quartile', 'published', 'ours'] as const) reasons[f] = reason;
  return {
    source: null, period: null, periodKind: null, england: null, region: null, regionName: null, neighbours: null, neighbourCount: 0,
    rank: null, ranked: null, quartile: null, council: null, councilCode: null, published: null, ours: null, oursSuppressed: false, difference: null, each: [], history: [], reasons,
  };
}

interface OwnValue {
  indicator_id: string;
  period_type: string;
  period_start: IsoDate;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  as_of: IsoDate | null;
}

/** Aggregates whose figure over a calendar year can be added up from its four quarters' sums. */
const FROM_QUARTERS: ReadonlySet<IndicatorDefinition['aggregate']> = new Set(['rate', 'ratio', 'mean', 'sum']);

/**
 * The council's figure, computed by csinsight, for exactly the span of a published period: a
 * financial year is the stored year; a calendar year is added up from its four stored quarters.
 */
function ourFigure(def: IndicatorDefinition, p: EesPeriod, own: readonly OwnValue[]): { value: number | null; numerator: number | null; denominator: number | null; reason: string | null } {
  const none = (reason: string) => ({ value: null, numerator: null, denominator: null, reason });
  const mine = own.filter((v) => v.indicator_id === def.id);
  if (p.kind === 'financial' && p.fy !== null) {
    const year = mine.find((v) => v.period_type === 'year' && v.period_start === p.start);
    if (!year || year.value === null) return none(`csinsight has no figure for ${fyLabel(p.fy)} in the council's data`);
    if (year.as_of && year.as_of < addDays(p.end, -1)) return none(`the council's data for ${fyLabel(p.fy)} run only to ${year.as_of}`);
    return { ...year, reason: null };
  }
  if (p.kind !== 'calendar') return none(`csinsight reports by financial year and quarter, not by ${p.label.split(' 2')[0]}`);
  if (!FROM_QUARTERS.has(def.aggregate) || !def.periodTypes.includes('quarter')) return none(`this measure cannot be added up over a calendar year`);
  const quarters = mine.filter((v) => v.period_type === 'quarter' && v.period_start >= p.start && v.period_start < p.end);
  // A quarter worked out part-way (as_of before its last day) does not cover the whole year.
  if (quarters.length < 4 || quarters.some((q) => q.as_of !== null && q.as_of < addDays(addMonths(q.period_start, 3), -1))) {
    return none(`the council's data do not cover the whole of ${p.label}`);
  }
  const numerator = quarters.reduce((n, q) => n + (q.numerator ?? 0), 0);
  const denominator = quarters.reduce((n, q) => n + (q.denominator ?? 0), 0);
  if (denominator === 0) return none(`nothing was counted in ${p.label}`);
  const value = def.aggregate === 'rate' ? (100 * numerator) / denominator : def.aggregate === 'sum' ? numerator : numerator / denominator;
  return { value, numerator, denominator, reason: null };
}

/** Why the published and computed figures differ, in words; null within the DfE's rounding. */
function differenceText(p: EesPeriod, published: Pick<Figure, 'value' | 'numerator' | 'denominator'>, ours: { value: number | null; numerator: number | null; denominator: number | null }): string | null {
  if (published.value === null || ours.value === null || Math.abs(published.value - ours.value) < ROUNDING_TOLERANCE) return null;
  const counted = (f: { numerator: number | null; denominator: number | null }) => (f.denominator !== null ? ` (${f.numerator ?? '?'} of ${f.denominator})` : '');
  const base = `The DfE published ${published.value.toFixed(1)}${counted(published)} for ${p.label} from the council's statutory return; csinsight computes ${ours.value.toFixed(1)}${counted(ours)} from the council's data as they are now, for the same dates.`;
  if (published.denominator !== null && ours.denominator !== null && published.denominator !== ours.denominator) {
    return `${base} They count different records: records added, removed or corrected since the return was made.`;
  }
  if (published.denominator !== null && published.denominator === ours.denominator) {
    return `${base} The same number of records, but a different number on time: dates or exceptions changed since the return.`;
  }
  return `${base} The return and the current records differ.`;
}

/** The mean of published figures, to 4 decimal places (they are published to 1: more is noise). */
const average = (xs: readonly number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e4) / 1e4 : null);

/** The benchmarks as the JSON API and `indicators --format json` give them: numbers, or null with a reason. */
export function benchmarkSummary(b: Benchmarks) {
  const { period, england, region, neighbours, rank, ranked, quartile, reasons } = b;
  return { period, england, region, neighbours, rank, ranked, quartile, reasons };
}

/**
 * Benchmarks of each indicator for a reporting period ending `periodEnd` (exclusive): the latest
 * published period that had ended by then. Definitions that are not benchmarkable get a reason.
 */
export async function benchmarksFor(store: Store, defs: readonly IndicatorDefinition[], periodEnd: IsoDate): Promise<Map<string, Benchmarks>> {
  const ids = defs.map((d) => d.id);
  const out = new Map<string, Benchmarks>();
  if (ids.length === 0) return out;
  const [figures, council, neighbourRows, table] = await Promise.all([
    store.db.selectFrom('ees_figure').selectAll().where('indicator_id', 'in', ids).execute(),
    councilIdentity(store),
    store.db.selectFrom('statistical_neighbour').selectAll().orderBy('year').orderBy('rank').execute(),
    store.db.selectFrom('benchmark').select(['indicator_id', 'area', 'fy', 'value']).where('indicator_id', 'in', ids).orderBy('fy', 'desc').execute(),
  ]);
  const own = figures.length
    ? ((await store.db
        .selectFrom('indicator_value')
        .select(['indicator_id', 'period_type', 'period_start', 'numerator', 'denominator', 'value', 'as_of'])
        .where('indicator_id', 'in', [...new Set(figures.map((f) => f.indicator_id))])
        .where('period_type', 'in', ['quarter', 'year'])
        .execute()) as OwnValue[])
    : [];
  for (const def of defs) {
    if (!def.benchmarkable) {
      out.set(def.id, emptyBenchmarks(def.aggregate === 'count' ? 'a count depends on the size of the area, so other areas\' figures say nothing about ours' : 'no comparable published figure'));
      continue;
    }
    const mine = figures.filter((f) => f.indicator_id === def.id);
    out.set(def.id, mine.length ? eesBenchmarks(def, mine, council, neighbourRows, own, periodEnd) : tableBenchmarks(def, table, periodEnd));
  }
  return out;
}

function tableBenchmarks(def: IndicatorDefinition, rows: readonly Database['benchmark'][], periodEnd: IsoDate): Benchmarks {
  // A financial year's figure compares once that year has begun (as the hand-made file always did).
  const fyEnd = Number(periodEnd.slice(0, 4)) - (periodEnd.slice(5) <= '04-01' ? 1 : 0);
  const mine = rows.filter((r) => r.indicator_id === def.id && r.fy <= fyEnd);
  if (mine.length === 0) return emptyBenchmarks(NONE);
  const fy = mine[0]!.fy;
  const of = (area: string) => mine.find((r) => r.fy === fy && r.area === area)?.value ?? null;
  const b = emptyBenchmarks('the benchmark file has England and neighbour averages only: load the EES file for every authority');
  const [england, neighbours] = [of('England'), of('Statistical neighbours')];
  return {
    ...b,
    source: 'table',
    period: fyLabel(fy),
    periodKind: 'financial',
    england,
    neighbours,
    reasons: {
      ...b.reasons,
      period: undefined,
      region: 'not in the benchmark file',
      england: england === null ? 'not in the benchmark file' : undefined,
      neighbours: neighbours === null ? 'not in the benchmark file' : undefined,
    },
  };
}

function eesBenchmarks(
  def: IndicatorDefinition,
  figures: readonly Figure[],
  council: CouncilIdentity | null,
  neighbourRows: readonly Database['statistical_neighbour'][],
  own: readonly OwnValue[],
  periodEnd: IsoDate,
): Benchmarks {
  // Published periods, latest first, that had ended by the end of the reporting period.
  const periods = [...new Map(figures.map((f) => [`${f.time_period}|${f.time_identifier}`, f])).values()]
    .map((f) => ({ timePeriod: f.time_period, identifier: f.time_identifier, span: eesPeriod(f.time_period, f.time_identifier) }))
    .sort((a, b) => b.span.end.localeCompare(a.span.end));
  const ended = periods.filter((p) => p.span.end <= periodEnd);
  const b = emptyBenchmarks(NONE);
  if (ended.length === 0) return { ...b, reasons: { ...b.reasons, period: `no published period had ended by ${periodEnd}` } };
  const councilRow = (rows: readonly Figure[]) =>
    council ? rows.find((f) => f.geographic_level === 'Local authority' && (f.area_code === council.newLaCode || f.old_la_code === council.oldLaCode)) : undefined;
  const regionCode = council ? figures.find((f) => councilRow([f]))?.region_code ?? null : null;
  const neighboursFor = (year: number) => {
    if (!council) return [];
    const years = [...new Set(neighbourRows.filter((n) => n.la_code === council.newLaCode).map((n) => n.year))];
    const chosen = years.filter((y) => y <= year).at(-1) ?? years[0];
    return neighbourRows.filter((n) => n.la_code === council.newLaCode && n.year === chosen);
  };

  const pointFor = (p: (typeof periods)[number]) => {
    const rows = figures.filter((f) => f.time_period === p.timePeriod && f.time_identifier === p.identifier);
    const england = rows.find((f) => f.geographic_level === 'National');
    const region = regionCode ? rows.find((f) => f.geographic_level === 'Regional' && f.area_code === regionCode) : undefined;
    const authorities = rows.filter((f) => f.geographic_level === 'Local authority');
    const each: NeighbourFigure[] = neighboursFor(Number(p.span.start.slice(0, 4))).map((n) => {
      const f = authorities.find((a) => a.area_code === n.neighbour_code);
      return { code: n.neighbour_code, name: f?.area_name ?? n.neighbour_code, nearness: n.rank, value: f?.value ?? null, reason: f ? (f.value === null ? symbolReason(f.symbol) : null) : 'no published row' };
    });
    const mine = councilRow(rows);
    return { p, england, region, authorities, each, mine, ours: ourFigure(def, p.span, own) };
  };

  const latest = pointFor(ended[0]!);
  const { england, region, authorities, each, mine, ours } = latest;
  const values = authorities.flatMap((a) => (a.value === null ? [] : [a.value]));
  const known = each.flatMap((n) => (n.value === null ? [] : [n.value]));
  const rank = mine?.value != null ? rankAmong(mine.value, values, def.polarity) : null;
  const reasons: Benchmarks['reasons'] = {};
  if (!england || england.value === null) reasons.england = england ? symbolReason(england.symbol) : 'no England row in the published file';
  if (!council) {
    for (const f of ['region', 'neighbours', 'rank', 'quartile', 'published'] as const) reasons[f] = 'the council\'s identity is not set (Settings, or `csinsight council set`)';
  } else {
    if (!region || region.value === null) reasons.region = region ? symbolReason(region.symbol) : regionCode ? 'no regional row in the published file' : `${council.name} is not in the published file`;
    if (each.length === 0) reasons.neighbours = 'no statistical neighbours loaded for the council';
    else if (known.length === 0) reasons.neighbours = 'none of the neighbours has a published figure';
    if (!mine) reasons.published = `${council.name} has no row in the published file for ${latest.p.span.label}`;
    else if (mine.value === null) reasons.published = symbolReason(mine.symbol);
    if (rank === null) {
      reasons.rank = def.polarity === 'neutral' ? 'a contextual measure has no better direction to rank by' : `${council.name}'s own figure is ${reasons.published ?? 'missing'}`;
      reasons.quartile = reasons.rank;
    }
  }
  if (ours.reason) reasons.ours = ours.reason;
  return {
    source: 'ees',
    period: latest.p.span.label,
    periodKind: latest.p.span.kind,
    england: england?.value ?? null,
    region: region?.value ?? null,
    regionName: region?.area_name ?? null,
    neighbours: average(known),
    neighbourCount: known.length,
    rank,
    ranked: rank === null ? null : values.length,
    quartile: rank === null ? null : quartileOf(rank, values.length),
    council: council?.name ?? null,
    councilCode: council ? (mine?.area_code ?? council.newLaCode) : null,
    published: mine?.value ?? null,
    ours: ours.value,
    oursSuppressed: ours.value !== null && isFigureSuppressed(def, ours.numerator, ours.denominator),
    difference: mine ? differenceText(latest.p.span, mine, ours) : null,
    each,
    history: ended
      .slice()
      .reverse()
      .map((p) => {
        const x = pointFor(p);
        return {
          period: p.span.label,
          england: x.england?.value ?? null,
          region: x.region?.value ?? null,
          neighbours: average(x.each.flatMap((n) => (n.value === null ? [] : [n.value]))),
          published: x.mine?.value ?? null,
          ours: x.ours.value,
          each: Object.fromEntries(x.each.map((n) => [n.name, n.value])),
        };
      }),
    reasons,
  };
}

/** Every authority's published figure for an indicator's benchmark period (the indicator page's chart). */
export async function authorityFigures(store: Store, indicatorId: string, period: string): Promise<{ code: string; name: string; value: number | null; symbol: string | null }[]> {
  const rows = await store.db.selectFrom('ees_figure').selectAll().where('indicator_id', '=', indicatorId).where('geographic_level', '=', 'Local authority').execute();
  return rows
    .filter((r) => eesPeriod(r.time_period, r.time_identifier).label === period)
    .map((r) => ({ code: r.area_code, name: r.area_name, value: r.value, symbol: r.symbol }));
}
