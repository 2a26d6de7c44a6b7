// The indicator engine: turns each definition in src/core/indicators into one set-based query per
// period type (periods from generate_series, rows bucketed or joined in SQL), rates it with the
// core RAG rule and keeps the results in indicator_value. Read functions for pages and reports.
import { sql, type Kysely } from 'kysely';
import { addDays, addMonths, type IsoDate } from '../core/dates.ts';
import { INDICATORS, groupLabel, indicatorById, sortGroups, type Dimension, type IndicatorDefinition } from '../core/indicators/index.ts';
import { financialYear, periodOf, periodStarting, periodTo, previousPeriod, type Period, type PeriodType } from '../core/periods.ts';
import { directionOfTravel, ragFor, tooFewToRate, type Direction, type Rag } from '../core/rag.ts';
import { benchmarksFor, type Benchmarks } from './benchmarks.ts';
import { NONE_SECONDARY, type Secondary } from '../core/figure-groups.ts';
import { isFigureSuppressed, secondaryIn, storedSecondary, type SecondaryPlan } from './disclosure.ts';
import { cached, forgetVersion } from './figure-cache.ts';
import { changedTables, dataVersionNow, figuresBasis, forgetChanges, markFiguresFresh, storedBasis } from './fresh-figures.ts';
import { indicatorsReading } from './indicator-tables.ts';
import type { Database } from './schema.ts';
import type { Store } from './open.ts';

/** Periods are recomputed back to at most this many months before asOf; older ones are history. */
export const HISTORY_MONTHS = 60;
const SPARKLINE_POINTS = 12;
/** Indicator queries run at once on PostgreSQL (the machine this was tuned on has 2 cores). */
const READERS = 2;

const STEP: Record<PeriodType, string> = { month: '1 month', quarter: '3 months', year: '12 months' };

// Financial quarters line up with calendar quarters; the financial year starts in April.
function bucketSql(type: PeriodType, expr: string): string {
  if (type === 'year') return `(date_trunc('year', (${expr})::timestamp - interval '3 months') + interval '3 months')::date`;
  return `date_trunc('${type}', (${expr})::timestamp)::date`;
}

function aggregateSql(def: IndicatorDefinition): { numerator: string; denominator: string; value: string } {
  switch (def.aggregate) {
    case 'rate':
      return { numerator: 'sum(num)::float', denominator: 'sum(den)::float', value: '100.0 * sum(num) / nullif(sum(den), 0)' };
    case 'count':
      // Rows with num = 0 are in scope but not counted: they start the series at the first data.
      return {
        numerator: 'count(DISTINCT unit_id) FILTER (WHERE num > 0)::float',
        denominator: 'NULL::float',
        value: 'count(DISTINCT unit_id) FILTER (WHERE num > 0)::float',
      };
    case 'mean':
      return { numerator: 'sum(val)::float', denominator: 'count(val)::float', value: 'avg(val)::float' };
    case 'median':
      return { numerator: 'NULL::float', denominator: 'count(val)::float', value: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY val)' };
    case 'sum':
      return { numerator: 'sum(num)::float', denominator: 'NULL::float', value: 'sum(num)::float' };
    case 'ratio':
      return { numerator: 'sum(num)::float', denominator: 'sum(den)::float', value: 'sum(num)::float / nullif(sum(den), 0)' };
  }
}

/**
 * The rows of a definition with their period_start, for the periods in the `periods` CTE (from
 * `from` to the period containing asOf). Event rows are limited with the dates as parameters, not
 * read from the CTEs, so the planner knows how many rows a date index would return (it took a
 * random index scan over most of ehcp_request when it could not tell).
 */
function rowsSql(def: IndicatorDefinition, type: PeriodType, from: IsoDate, asOf: IsoDate) {
  if (def.source.kind === 'snapshot') return sql.raw(def.source.sql);
  return sql`SELECT ${sql.raw(bucketSql(type, 'src.at'))} AS period_start, src.*
    FROM (${sql.raw(def.source.sql)}) src
    WHERE src.at <= ${asOf}::date AND src.at >= ${from}::date`;
}

/** The first period to write: the first with rows, or the one containing the source's `since` date. */
function firstPeriodSql(def: IndicatorDefinition, type: PeriodType): string {
  const first = '(SELECT min(period_start) FROM agg)';
  if (def.source.kind !== 'snapshot' || !def.source.since) return first;
  return `least(${first}, ${bucketSql(type, `(${def.source.since})`)})`;
}

/** The periods of a type over [from, to]: the columns of `periods p` (see RowSource). */
function periodRows(type: PeriodType, from: IsoDate, to: IsoDate, asOf: IsoDate) {
  const step = STEP[type];
  return sql`SELECT ${type}::text AS period_type, d::date AS period_start, (d + ${step}::interval)::date AS period_end,
           (d + ${step}::interval - interval '1 day')::date AS last_day,
           LEAST((d + ${step}::interval - interval '1 day')::date, ${asOf}::date) AS ref_date,
           row_number() OVER (ORDER BY d)::int AS idx
      FROM generate_series(${from}::timestamp, ${to}::timestamp, ${step}::interval) AS d`;
}

/** The CTEs every indicator query starts with: params(as_of) and periods over [from, to]. */
function withPeriods(def: IndicatorDefinition, type: PeriodType, from: IsoDate, to: IsoDate, asOf: IsoDate) {
  return sql`WITH params AS (SELECT ${asOf}::date AS as_of),
  periods AS (${periodRows(type, from, to, asOf)}),
  period_refs AS MATERIALIZED (
    SELECT array_agg(period_start ORDER BY idx) AS starts, array_agg(period_end ORDER BY idx) AS ends,
           array_agg(last_day ORDER BY idx) AS last_days, array_agg(ref_date ORDER BY idx) AS ref_dates
      FROM periods
  ),
  r AS (${rowsSql(def, type, from, asOf)})`;
}

export interface ComputedValue {
  period_start: IsoDate;
  period_end: IsoDate;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** One indicator over every period of a type from `from` to `to`, from its first period with data. */
export async function runIndicator(
  db: Kysely<Database>,
  def: IndicatorDefinition,
  type: PeriodType,
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
): Promise<ComputedValue[]> {
  const result = await indicatorQuery(def, type, from, to, asOf).execute(db);
  return result.rows;
}

/** The figure of each group of the rows `r` (grouped by `keys`, e.g. "period_start"). */
function aggSql(def: IndicatorDefinition, keys: string) {
  const a = aggregateSql(def);
  // A distinct count as two groupings (unit within period, then period) rather than count(DISTINCT),
  // which sorts every period's rows again: same figures, about a fifth quicker on large snapshots.
  return def.aggregate === 'count'
    ? sql`SELECT ${sql.raw(keys)}, count(unit_id) FILTER (WHERE counted)::float AS numerator, NULL::float AS denominator,
           count(unit_id) FILTER (WHERE counted)::float AS value
      FROM (SELECT ${sql.raw(keys)}, unit_id, bool_or(num > 0) AS counted FROM r GROUP BY ${sql.raw(keys)}, unit_id) u
     GROUP BY ${sql.raw(keys)}`
    : sql`SELECT ${sql.raw(keys)}, ${sql.raw(a.numerator)} AS numerator, ${sql.raw(a.denominator)} AS denominator,
           ${sql.raw(a.value)} AS value
      FROM r GROUP BY ${sql.raw(keys)}`;
}

/** The stored figures from the groups `agg`, zero rather than nothing for a count. */
function figureColumns(def: IndicatorDefinition) {
  const zeroWhenEmpty = def.aggregate === 'count';
  return sql.raw(`${zeroWhenEmpty ? 'coalesce(agg.numerator, 0)' : 'agg.numerator'} AS numerator, agg.denominator,
         ${zeroWhenEmpty ? 'coalesce(agg.value, 0)' : 'agg.value'} AS value`);
}

/** Aggregates whose figure for a quarter or year can be worked out from its months' sums. */
const ADDITIVE: ReadonlySet<IndicatorDefinition['aggregate']> = new Set(['rate', 'sum', 'ratio', 'mean']);

/** An event source whose figures add up from months: an additive aggregate, or a count of rows that are units of their own. */
export function addsUpFromMonths(def: IndicatorDefinition): boolean {
  if (def.source.kind !== 'event') return false;
  return ADDITIVE.has(def.aggregate) || (def.aggregate === 'count' && def.source.unitPerRow === true);
}

/**
 * An event-sourced indicator with an additive aggregate for several period types in one query:
 * the source is read once into sums per month (num, den, val and how many vals), which are then
 * added up into each type's periods. Same figures as runIndicator per type (the same sums; a mean
 * is the same total over the same count; a count of rows that are units of their own is the sum of
 * the months' counts) for about a third of the reading.
 */
async function runTypes(
  db: Kysely<Database>,
  def: IndicatorDefinition,
  windows: { type: PeriodType; from: IsoDate; to: IsoDate }[],
  asOf: IsoDate,
): Promise<{ type: PeriodType; rows: ComputedValue[] }[]> {
  const query = addsUpFromMonths(def) ? eventTypesQuery(def, windows, asOf) : refDateTypesQuery(def, windows, asOf);
  const result = await query.execute(db);
  return windows.map(({ type }) => ({
    type,
    rows: result.rows.filter((r) => r.period_type === type).map(({ period_type: _, ...row }) => row),
  }));
}

/** Whether a definition is read once for all its period types (by months, or by reference dates). */
function readOnceForAllTypes(def: IndicatorDefinition): boolean {
  return addsUpFromMonths(def) || (def.source.kind === 'snapshot' && def.source.byRefDate === true);
}

/**
 * The query behind runTypes for a snapshot source read by reference date (RowSource byRefDate):
 * its rows are worked out once for each distinct reference date of every type's periods (the
 * period_refs arrays hold those dates, as the period keys too), and each period takes the figures
 * of its reference date. Same figures as runIndicator per type, without reading the source again
 * for quarters and years, whose reference dates are those of months.
 */
export function refDateTypesQuery(def: IndicatorDefinition, windows: { type: PeriodType; from: IsoDate; to: IsoDate }[], asOf: IsoDate) {
  if (def.source.kind !== 'snapshot' || !def.source.byRefDate) throw new Error(`${def.id} is not read by reference date.`);
  const since = def.source.since;
  const first = (type: PeriodType) => since ? `least(f.first, ${bucketSql(type, `(${since})`)})` : 'f.first';
  // The first period of each type: the first with rows, or the one containing the source's since date.
  const firsts = sql.join(windows.map((w) => sql`SELECT ${w.type}::text AS period_type, ${sql.raw(first(w.type))} AS first
      FROM (SELECT min(p.period_start) AS first FROM periods p JOIN agg ON agg.period_start = p.ref_date WHERE p.period_type = ${w.type}) f`), sql` UNION ALL `);
  return sql<ComputedValue & { period_type: PeriodType }>`WITH params AS (SELECT ${asOf}::date AS as_of),
  periods AS (${sql.join(windows.map((w) => periodRows(w.type, w.from, w.to, asOf)), sql` UNION ALL `)}),
  period_refs AS MATERIALIZED (
    SELECT array_agg(ref_date ORDER BY ref_date) AS starts, NULL::date[] AS ends, NULL::date[] AS last_days,
           array_agg(ref_date ORDER BY ref_date) AS ref_dates
      FROM (SELECT DISTINCT ref_date FROM periods) d
  ),
  r AS (${sql.raw(def.source.sql)}),
  agg AS (${aggSql(def, 'period_start')}),
  firsts AS (${firsts})
  SELECT p.period_type, p.period_start, p.period_end, ${figureColumns(def)}
    FROM periods p LEFT JOIN agg ON agg.period_start = p.ref_date
   WHERE p.period_start >= (SELECT f.first FROM firsts f WHERE f.period_type = p.period_type)
   ORDER BY p.period_type, p.period_start`;
}

/** The query behind runTypes for an event source that adds up from months (exported so its plan can be inspected). */
export function eventTypesQuery(def: IndicatorDefinition, windows: { type: PeriodType; from: IsoDate; to: IsoDate }[], asOf: IsoDate) {
  if (def.source.kind !== 'event' || !addsUpFromMonths(def)) throw new Error(`${def.id} cannot be added up from months.`);
  const earliest = windows.map((w) => w.from).sort()[0]!;
  const union = (parts: ReturnType<typeof sql>[]) => sql.join(parts, sql` UNION ALL `);
  // Windows start on a period start, itself the start of a month: a month is in or out whole.
  const bucketed = windows.map(
    (w) => sql`SELECT ${w.type}::text AS period_type, ${sql.raw(bucketSql(w.type, 'month'))} AS period_start, num, den, val, n
      FROM months WHERE month >= ${w.from}::date`,
  );
  const count = def.aggregate === 'count';
  // A month's num is its count of rows counted (num > 0), added up as a sum.
  const a = aggregateSql(count ? { ...def, aggregate: 'sum' } : def);
  const [denominator, value] = def.aggregate === 'mean' ? ['sum(n)::float', '(sum(val) / nullif(sum(n), 0))::float'] : [a.denominator, a.value];
  return sql<ComputedValue & { period_type: PeriodType }>`WITH params AS (SELECT ${asOf}::date AS as_of),
  periods AS (${union(windows.map((w) => periodRows(w.type, w.from, w.to, asOf)))}),
  months AS (
    SELECT date_trunc('month', src.at::timestamp)::date AS month, ${sql.raw(count ? 'count(*) FILTER (WHERE src.num > 0)' : 'sum(src.num)')} AS num, sum(src.den) AS den,
           sum(src.val) AS val, count(src.val) AS n
      FROM (${sql.raw(def.source.sql)}) src
     WHERE src.at <= ${asOf}::date AND src.at >= ${earliest}::date
     GROUP BY 1
  ),
  r AS (${union(bucketed)}),
  agg AS (
    SELECT period_type, period_start, ${sql.raw(a.numerator)} AS numerator, ${sql.raw(denominator)} AS denominator, ${sql.raw(value)} AS value
      FROM r GROUP BY period_type, period_start
  )
  SELECT p.period_type, p.period_start, p.period_end, ${figureColumns(def)}
    FROM periods p LEFT JOIN agg ON agg.period_type = p.period_type AND agg.period_start = p.period_start
   WHERE p.period_start >= (SELECT min(first.period_start) FROM agg first WHERE first.period_type = p.period_type)
   ORDER BY p.period_type, p.period_start`;
}

/** The query behind runIndicator (exported so its plan can be inspected). */
export function indicatorQuery(def: IndicatorDefinition, type: PeriodType, from: IsoDate, to: IsoDate, asOf: IsoDate) {
  return sql<ComputedValue>`${withPeriods(def, type, from, to, asOf)},
  agg AS (${aggSql(def, 'period_start')})
  SELECT p.period_start, p.period_end, ${figureColumns(def)}
    FROM periods p LEFT JOIN agg ON agg.period_start = p.period_start
   WHERE p.period_start >= ${sql.raw(firstPeriodSql(def, type))}
   ORDER BY p.period_start`;
}

/** The latest date anywhere in the data: the default "as of" for computing and breakdowns. */
export async function latestDataDate(db: Kysely<Database>): Promise<IsoDate | null> {
  const result = await sql<{ latest: IsoDate | null }>`SELECT greatest(
      (SELECT greatest(max(received_date), max(request_outcome_date), max(assessment_outcome_date), max(draft_plan_date), max(start_date)) FROM ehcp_request),
      (SELECT greatest(max(requested_date), max(received_date)) FROM ehcp_advice),
      (SELECT greatest(max(mis_start), max(mis_end), max(rhi_offered), max(rhi_completed), max(rhi_declined)) FROM missing_episode),
      (SELECT greatest(max(decom), max(dec)) FROM la_episode),
      (SELECT greatest(max(start_date), max(end_date)) FROM leaver_activity),
      (SELECT make_date(max(fy), 4, 1) FROM oc3),
      (SELECT max(month) FROM workforce_month),
      (SELECT greatest(max(start_date), max(end_date)) FROM ehe_registration),
      (SELECT greatest(max(referral_date), max(closure_date)) FROM cin_referral),
      (SELECT greatest(max(start_date), max(authorisation_date)) FROM cin_assessment),
      (SELECT greatest(max(start_date), max(end_date)) FROM early_help_episode)
    ) AS latest`.execute(db);
  return result.rows[0]?.latest ?? null;
}

/** The first period of a type that the engine recomputes for `asOf`. */
export function windowStart(type: PeriodType, asOf: IsoDate): IsoDate {
  return periodOf(addDays(addMonths(asOf, -HISTORY_MONTHS), 1), type).start;
}

export interface ComputeOptions {
  /** Compute up to the period containing this date (default: the latest date in the data). */
  asOf?: IsoDate;
  onProgress?: (done: number, total: number) => void;
  /**
   * Recompute every indicator. Otherwise, when the figures were last computed for the same
   * "as of" date and definitions, only the indicators reading a table written since then are
   * (indicator-tables.ts, migration 140): the others would come out the same.
   */
  full?: boolean;
}

export interface ComputeResult {
  values: number;
  seconds: number;
  /** How many indicators were recomputed, and whether that was fewer than all of them. */
  indicators: number;
  partial: boolean;
}

/**
 * Computes every indicator for every period from its earliest data (at most HISTORY_MONTHS back)
 * to the period containing asOf, and stores them in one transaction. Recomputed periods are
 * replaced; earlier periods are left as history.
 */
export async function computeIndicators(store: Store, options: ComputeOptions = {}): Promise<ComputeResult> {
  const started = performance.now();
  // The data as read from here on is at least this version: the figures are fresh up to it.
  const dataVersion = await dataVersionNow(store.db);
  // Read after the version: a table noted later is recomputed again by the next recompute.
  const changes = await changedTables(store.db);
  const asOf = options.asOf ?? (await latestDataDate(store.db));
  const basis = asOf ? figuresBasis(asOf) : null;
  const partial = !options.full && basis !== null && basis === (await storedBasis(store.db));
  const defs = partial ? indicatorsReading(changes.map((c) => c.table_name)) : INDICATORS;
  // Read first, statement by statement, so pages stay responsive; then write in one short transaction.
  const results = asOf ? await readIndicators(store, asOf, options.onProgress, defs) : [];
  let values = 0;
  await store.transaction(async (tx) => {
    for (const { def, type, rows } of results) values += await saveValues(tx.db, def, type, rows, asOf!);
    await markFiguresFresh(tx.db, dataVersion, basis);
    await forgetChanges(tx.db, changes);
  });
  forgetVersion(store);
  return { values, seconds: (performance.now() - started) / 1000, indicators: defs.length, partial: partial && defs.length < INDICATORS.length };
}

/**
 * Every indicator for every period type, as computeIndicators stores them (nothing is written).
 * PostgreSQL runs READERS statements at once on its own cores; PGlite runs one at a time anyway.
 */
export async function readIndicators(
  store: Store,
  asOf: IsoDate,
  onProgress?: (done: number, total: number) => void,
  defs: readonly IndicatorDefinition[] = INDICATORS,
): Promise<{ def: IndicatorDefinition; type: PeriodType; rows: ComputedValue[] }[]> {
  const windowOf = (type: PeriodType) => ({ type, from: windowStart(type, asOf), to: periodOf(asOf, type).start });
  // A source that adds up from months or is read by reference date is read once for all its period types; others once per type.
  const jobs = defs.flatMap((def) =>
    readOnceForAllTypes(def) && def.periodTypes.length > 1 ? [{ def, types: def.periodTypes }] : def.periodTypes.map((type) => ({ def, types: [type] })),
  );
  const total = defs.reduce((n, def) => n + def.periodTypes.length, 0);
  const results: { def: IndicatorDefinition; type: PeriodType; rows: ComputedValue[] }[] = [];
  const read = (db: Kysely<Database>, def: IndicatorDefinition, types: readonly PeriodType[]) => {
    if (types.length > 1) return runTypes(db, def, types.map(windowOf), asOf);
    const { type, from, to } = windowOf(types[0]!);
    return runIndicator(db, def, type, from, to, asOf).then((rows) => [{ type, rows }]);
  };
  let next = 0;
  const timing = packTimer();
  const reader = async () => {
    while (next < jobs.length) {
      const { def, types } = jobs[next++]!;
      try {
        const started = performance.now();
        const computed = await tunedRead(store, (db) => read(db, def, types));
        timing.record(`${def.id} (${types.join(', ')})`, started);
        for (const { type, rows } of computed) {
          results.push({ def, type, rows });
          onProgress?.(results.length, total);
        }
      } catch (err) {
        next = jobs.length; // the other reader stops too
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: store.kind === 'postgres' ? READERS : 1 }, reader));
  timing.report();
  return results;
}

/**
 * CSINSIGHT_PACK_TIMING=1 prints where the pack's time went: every read (an indicator and its
 * period types), slowest first, with its share of the summed read time, and each area's total.
 */
function packTimer(): { record(job: string, started: number): void; report(): void } {
  if (!process.env.CSINSIGHT_PACK_TIMING) return { record() {}, report() {} };
  const times: { job: string; ms: number }[] = [];
  return {
    record: (job, started) => times.push({ job, ms: performance.now() - started }),
    report() {
      const total = times.reduce((n, t) => n + t.ms, 0);
      const byArea = new Map<string, number>();
      for (const t of times) {
        const area = INDICATORS.find((d) => t.job.startsWith(`${d.id} `))?.area ?? '?';
        byArea.set(area, (byArea.get(area) ?? 0) + t.ms);
      }
      const line = (name: string, ms: number) => `pack: ${(ms / 1000).toFixed(2).padStart(7)} s ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`;
      for (const [area, ms] of [...byArea].sort((a, b) => b[1] - a[1])) console.error(line(`area ${area}`, ms));
      for (const t of times.sort((a, b) => b.ms - a.ms)) console.error(line(t.job, t.ms));
      console.error(`pack: ${(total / 1000).toFixed(2)} s summed over ${times.length} reads`);
    },
  };
}

/**
 * Runs an indicator read on PostgreSQL with JIT and parallel workers off. Row sources that expand
 * ranges look huge to the planner (it guesses 1000 rows per generate_series), so it compiled nearly
 * every query (0.1-0.9 s each to save less) and chose parallel plans that sorted millions of rows
 * to merge the workers' groups; and the pack already keeps both cores busy with READERS queries.
 * On the national data the pack reads in about 12 s instead of 20 s without them. PGlite has neither.
 */
async function tunedRead<T>(store: Store, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.kind !== 'postgres') return read(store.db);
  return store.transaction(async (tx) => {
    await tx.exec('SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0');
    return read(tx.db);
  });
}

async function saveValues(db: Kysely<Database>, def: IndicatorDefinition, type: PeriodType, rows: ComputedValue[], asOf: IsoDate): Promise<number> {
  if (rows.length === 0) return 0;
  await db
    .insertInto('indicator_value')
    .values(
      rows.map((r) => ({
        indicator_id: def.id,
        period_type: type,
        period_start: r.period_start,
        period_end: r.period_end,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        // The rating against target alone; a figure on too few cases to rate is unrated as it is
        // read (toPoint), so the stored value need not change if MIN_CASES_TO_RATE does.
        rag: ragFor(r.value, def),
        as_of: asOf,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'period_type', 'period_start']).doUpdateSet((eb) => ({
        period_end: eb.ref('excluded.period_end'),
        numerator: eb.ref('excluded.numerator'),
        denominator: eb.ref('excluded.denominator'),
        value: eb.ref('excluded.value'),
        rag: eb.ref('excluded.rag'),
        as_of: eb.ref('excluded.as_of'),
        computed_at: sql<string>`now()`,
      })),
    )
    .execute();
  return rows.length;
}

export { isFigureSuppressed } from './disclosure.ts';

export interface IndicatorPoint {
  period: Period;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rag: Rag | null;
  /** True when a small count could identify a child: callers blank it for roles that see suppressed counts. */
  suppressed: boolean;
  /** Counts withheld too for those roles (as "c"), or a small one could be worked out from other figures. */
  secondary: Secondary;
  /** Rated on too few cases (core/rag.ts MIN_CASES_TO_RATE): shown, but "too few to rate". */
  tooFewToRate: boolean;
  /**
   * The last day the figure covers when the period was still running (its label then ends
   * "to 25 November"); null when the figure covers the whole period.
   */
  partialTo: IsoDate | null;
}

export interface IndicatorSummary {
  definition: IndicatorDefinition;
  /** The current period, labelled "to <date>" when its figures cover only part of it. */
  period: Period;
  current: IndicatorPoint | null;
  /**
   * What the current figure is compared with: the previous period, or for a count while the
   * current period is still running, the previous period to the same point (year to date against
   * the same dates last year), labelled so.
   */
  previous: IndicatorPoint | null;
  direction: Direction | null;
  /** Up to the last 12 stored values to the current period, oldest first. */
  sparkline: IndicatorPoint[];
  /** England, region, neighbours, rank and quartile (store/benchmarks.ts); reasons where there are none. */
  benchmarks: Benchmarks;
}

type StoredValue = Pick<Database['indicator_value'], 'indicator_id'> & {
  period_type: PeriodType;
  period_start: IsoDate;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rag: Rag | null;
  as_of: IsoDate | null;
};

const MONTHS_IN: Record<PeriodType, number> = { month: 1, quarter: 3, year: 12 };

/** The date a figure worked out to `asOf` runs to, when that is before the period's last day. */
function partialTo(period: Period, asOf: IsoDate | null): IsoDate | null {
  return asOf !== null && asOf < addDays(period.end, -1) ? asOf : null;
}


function point(def: IndicatorDefinition, period: Period, figure: Pick<IndicatorPoint, 'numerator' | 'denominator' | 'value'>, asOf: IsoDate | null): IndicatorPoint {
  const to = partialTo(period, asOf);
  return {
    period: periodTo(period, to),
    numerator: figure.numerator,
    denominator: figure.denominator,
    value: figure.value,
    rag: ragFor(figure.value, def, figure.denominator),
    tooFewToRate: tooFewToRate(def, figure.denominator),
    suppressed: isFigureSuppressed(def, figure.numerator, figure.denominator),
    secondary: NONE_SECONDARY,
    partialTo: to,
  };
}

function toPoint(def: IndicatorDefinition, row: StoredValue, plan: SecondaryPlan): IndicatorPoint {
  const period = periodStarting(row.period_type, row.period_start) ?? periodOf(row.period_start, row.period_type);
  const secondary = secondaryIn(plan, def.id, row.period_type, row.period_start) ?? NONE_SECONDARY;
  // A rating stored before the minimum base existed is dropped as it is read.
  return { ...point(def, period, row, row.as_of), rag: tooFewToRate(def, row.denominator) ? null : row.rag, secondary };
}

/**
 * The figure to compare a current one with. A count for a period still running (missing
 * episodes so far this year) is compared with the previous period to the same point, worked out
 * from the rows; anything else (a rate, an average, a count at a date) with the whole previous period.
 */
async function comparison(store: Store, def: IndicatorDefinition, current: IndicatorPoint | null, stored: IndicatorPoint | null): Promise<IndicatorPoint | null> {
  if (def.aggregate !== 'count' || !current?.partialTo) return stored;
  const previous = previousPeriod(current.period);
  const to = addMonths(current.partialTo, -MONTHS_IN[previous.type]);
  if (!partialTo(previous, to)) return stored;
  const [figure] = await figuresForPeriod(store, def, previous.type, previous.start, to, null);
  return point(def, previous, { numerator: figure?.numerator ?? 0, denominator: null, value: figure?.value ?? 0 }, to);
}

/**
 * Per indicator offered for this period type: the current period's figure, trend and benchmarks.
 * Cached until the next import or computation (like every read below): do not mutate the result.
 */
export function indicatorSummary(store: Store, options: { periodType: PeriodType; asOf?: IsoDate }): Promise<IndicatorSummary[]> {
  return cached(store, JSON.stringify(['summary', options.periodType, options.asOf ?? null]), () => summaryOf(store, options));
}

async function summaryOf(store: Store, options: { periodType: PeriodType; asOf?: IsoDate }): Promise<IndicatorSummary[]> {
  const type = options.periodType;
  let asOf = options.asOf;
  if (!asOf) {
    const latest = await store.db.selectFrom('indicator_value').where('period_type', '=', type).select((eb) => eb.fn.max('period_start').as('latest')).executeTakeFirst();
    asOf = latest?.latest ?? undefined;
  }
  if (!asOf) return [];
  const period = periodOf(asOf, type);
  let first = period;
  for (let i = 1; i < SPARKLINE_POINTS; i++) first = previousPeriod(first);

  const rows = (await store.db
    .selectFrom('indicator_value')
    .select(['indicator_id', 'period_type', 'period_start', 'numerator', 'denominator', 'value', 'rag', 'as_of'])
    .where('period_type', '=', type)
    .where('period_start', '>=', first.start)
    .where('period_start', '<=', period.start)
    .orderBy('period_start')
    .execute()) as StoredValue[];
  const previousStart = previousPeriod(period).start;
  const plan = await storedSecondary(store);
  const defs = INDICATORS.filter((def) => def.periodTypes.includes(type));
  const benchmarks = await benchmarksFor(store, defs, period.end);
  return Promise.all(
    defs.map(async (def) => {
      const sparkline = rows.filter((r) => r.indicator_id === def.id).map((r) => toPoint(def, r, plan));
      const current = sparkline.find((p) => p.period.start === period.start) ?? null;
      const previous = await comparison(store, def, current, sparkline.find((p) => p.period.start === previousStart) ?? null);
      return {
        definition: def,
        period: current?.period ?? period,
        current,
        previous,
        direction: directionOfTravel(current?.value ?? null, previous?.value ?? null, def.polarity),
        sparkline,
        benchmarks: benchmarks.get(def.id)!,
      };
    }),
  );
}

function definitionOf(id: string): IndicatorDefinition {
  const def = indicatorById(id);
  if (!def) throw new Error(`There is no indicator called "${id}".`);
  return def;
}

/** Every stored value of an indicator for a period type, oldest first. */
export function indicatorHistory(store: Store, id: string, periodType: PeriodType): Promise<IndicatorPoint[]> {
  return cached(store, JSON.stringify(['history', id, periodType]), () => historyOf(store, id, periodType));
}

async function historyOf(store: Store, id: string, periodType: PeriodType): Promise<IndicatorPoint[]> {
  const def = definitionOf(id);
  const rows = (await store.db
    .selectFrom('indicator_value')
    .select(['indicator_id', 'period_type', 'period_start', 'numerator', 'denominator', 'value', 'rag', 'as_of'])
    .where('indicator_id', '=', id)
    .where('period_type', '=', periodType)
    .orderBy('period_start')
    .execute()) as StoredValue[];
  const plan = await storedSecondary(store);
  return rows.map((r) => toPoint(def, r, plan));
}

export interface BreakdownRow {
  key: string | null;
  label: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

type Figure = Pick<BreakdownRow, 'key' | 'numerator' | 'denominator' | 'value'>;

/** One indicator for one period, straight from its row source, optionally grouped by a dimension. */
async function figuresForPeriod(
  store: Store,
  def: IndicatorDefinition,
  periodType: PeriodType,
  periodStart: IsoDate,
  asOf: IsoDate | undefined,
  dimension: Dimension | null,
): Promise<Figure[]> {
  if (!def.periodTypes.includes(periodType)) throw new Error(`"${def.title}" is not reported by ${periodType}.`);
  const period = periodStarting(periodType, periodStart);
  if (!period) throw new Error(`${periodStart} is not the start of a ${periodType}.`);
  const latest = asOf ?? (await latestDataDate(store.db)) ?? period.start;
  const a = aggregateSql(def);
  const key = dimension ? `${dimension}::text` : 'NULL::text';
  const result = await tunedRead(store, (db) => sql<Figure>`${withPeriods(def, periodType, period.start, period.start, latest)}
  SELECT ${sql.raw(key)} AS key, ${sql.raw(a.numerator)} AS numerator, ${sql.raw(a.denominator)} AS denominator,
         ${sql.raw(a.value)} AS value
    FROM r WHERE period_start = ${period.start}::date
   GROUP BY 1 ORDER BY 1`.execute(db));
  return result.rows;
}

/**
 * An indicator for one period worked out on demand, as of a date (default: the latest data),
 * e.g. "NEET today" for a summary page. Null figures when the period has no rows.
 */
export async function indicatorForPeriod(
  store: Store,
  id: string,
  periodType: PeriodType,
  periodStart: IsoDate,
  asOf?: IsoDate,
): Promise<Omit<BreakdownRow, 'key' | 'label'>> {
  const def = definitionOf(id);
  const key = JSON.stringify(['figures', id, null, periodType, periodStart, asOf ?? null]);
  const [row] = await cached(store, key, () => figuresForPeriod(store, def, periodType, periodStart, asOf, null));
  const empty = def.aggregate === 'count' ? 0 : null;
  const figure = { numerator: row?.numerator ?? empty, denominator: row?.denominator ?? null, value: row?.value ?? empty };
  return { ...figure, suppressed: isFigureSuppressed(def, figure.numerator, figure.denominator) };
}

/**
 * An indicator for one period split by a dimension, computed on demand from the same row source
 * (so the groups add up to the stored figure, except distinct counts of children in two groups).
 */
export async function indicatorBreakdown(
  store: Store,
  id: string,
  dimension: Dimension,
  periodType: PeriodType,
  periodStart: IsoDate,
  asOf?: IsoDate,
): Promise<BreakdownRow[]> {
  const def = definitionOf(id);
  if (!def.dimensions.includes(dimension)) throw new Error(`"${def.title}" cannot be broken down by ${dimension}.`);
  const key = JSON.stringify(['figures', id, dimension, periodType, periodStart, asOf ?? null]);
  const rows = await cached(store, key, () => figuresForPeriod(store, def, periodType, periodStart, asOf, dimension));
  const labelled = rows.map((r) => ({
    ...r,
    label: groupLabel(dimension, r.key),
    suppressed: isFigureSuppressed(def, r.numerator, r.denominator),
  }));
  return sortGroups(dimension, labelled);
}
