// Missing-from-home-and-care queries: when and from where children go missing (aggregate), and
// the children who need following up (case level).
import { sql } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import { THEME_LABEL } from '../../core/indicators/dimensions.ts';
import { NOT_LOOKED_AFTER, PLACEMENT_GROUPS, RHI_DAYS, ageSql, lookedAfterSql, missingPlacementSql } from '../../core/indicators/sql.ts';
import { EXPLOITATION_RISKS, REPEAT_EPISODES, type ExploitationRisk } from '../../core/missing.ts';
import type { Store } from '../open.ts';

export interface PatternCount {
  key: string;
  label: string;
  count: number;
}

export interface MissingPatterns {
  from: IsoDate;
  to: IsoDate;
  episodes: number;
  children: number;
  byDayOfWeek: PatternCount[];
  byHourBand: PatternCount[];
  byPlacement: PatternCount[];
  byLookedAfter: PatternCount[];
  byExploitation: PatternCount[];
  /** The ten themes recorded most often, most frequent first. */
  topThemes: PatternCount[];
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOUR_BANDS = ['00:00-03:59', '04:00-07:59', '08:00-11:59', '12:00-15:59', '16:00-19:59', '20:00-23:59'];
const NOT_RECORDED = 'Not recorded';
const LOOKED_AFTER_GROUPS = ['Looked after (missing from care)', 'Missing from home'];
const TOP_THEMES = 10;

const labelled = (keys: readonly string[], counts: Map<string, number>, label = (k: string) => k): PatternCount[] =>
  keys.map((key) => ({ key, label: label(key), count: counts.get(key) ?? 0 }));

/** Episodes starting between from and to (inclusive), counted several ways for the patterns page. */
export async function missingPatterns(store: Store, options: { from: IsoDate; to: IsoDate }): Promise<MissingPatterns> {
  const { from, to } = options;
  // One scan: each grouping set fills one column and leaves the others null; () is the total.
  const grouped = await sql<{ dim: string | null; key: string | null; n: number; children: number }>`
    WITH e AS (
      SELECT m.child_id, extract(isodow FROM m.mis_start)::int AS dow,
             CASE WHEN m.start_time IS NULL THEN ${NOT_RECORDED}
                  ELSE ${sql.raw(`(ARRAY['${HOUR_BANDS.join("','")}'])`)}[extract(hour FROM m.start_time)::int / 4 + 1] END AS hour_band,
             ${sql.raw(missingPlacementSql('m'))} AS placement,
             ${sql.raw(lookedAfterSql('m'))} AS looked_after,
             m.exploitation_risk
        FROM missing_episode m WHERE m.mis_start BETWEEN ${from}::date AND ${to}::date
    )
    SELECT CASE WHEN GROUPING(dow) = 0 THEN 'dow' WHEN GROUPING(hour_band) = 0 THEN 'hour'
                WHEN GROUPING(placement) = 0 THEN 'placement' WHEN GROUPING(looked_after) = 0 THEN 'looked_after'
                WHEN GROUPING(exploitation_risk) = 0 THEN 'risk' END AS dim,
           coalesce(dow::text, hour_band, placement, looked_after, exploitation_risk) AS key,
           count(*)::int AS n, count(DISTINCT child_id)::int AS children
      FROM e GROUP BY GROUPING SETS ((dow), (hour_band), (placement), (looked_after), (exploitation_risk), ())`.execute(store.db);
  const counts = (dim: string | null) => new Map(grouped.rows.filter((r) => r.dim === dim).map((r) => [r.key ?? '', r.n]));
  const total = grouped.rows.find((r) => r.dim === null);
  const themes = await sql<{ key: string; n: number }>`
    SELECT t AS key, count(*)::int AS n FROM missing_episode m CROSS JOIN unnest(m.themes) AS t
     WHERE m.mis_start BETWEEN ${from}::date AND ${to}::date
     GROUP BY t ORDER BY n DESC, t LIMIT ${TOP_THEMES}`.execute(store.db);
  const byDay = counts('dow');
  return {
    from,
    to,
    episodes: total?.n ?? 0,
    children: total?.children ?? 0,
    byDayOfWeek: DAYS.map((label, i) => ({ key: String(i + 1), label, count: byDay.get(String(i + 1)) ?? 0 })),
    byHourBand: labelled([...HOUR_BANDS, NOT_RECORDED], counts('hour')),
    byPlacement: labelled([...PLACEMENT_GROUPS, NOT_LOOKED_AFTER], counts('placement')),
    byLookedAfter: labelled(LOOKED_AFTER_GROUPS, counts('looked_after')),
    byExploitation: labelled(Object.keys(EXPLOITATION_RISKS), counts('risk'), (k) => EXPLOITATION_RISKS[k as ExploitationRisk]),
    topThemes: themes.rows.map((t) => ({ key: t.key, label: THEME_LABEL[t.key] ?? t.key, count: t.n })),
  };
}

export interface MissingChild {
  childId: string;
  /** Age on the last day looked at. */
  age: number;
  lookedAfter: boolean;
  episodes: number;
  /** Episodes with no interview completed once the 72 hours had passed. */
  withoutInterview: number;
  declined: number;
  interviewsCompleted: number;
  firstStart: IsoDate;
  lastStart: IsoDate;
  exploitationRisks: ExploitationRisk[];
}

/** Per child, over the episodes `where` picks; it may read params.from_date and params.on_date (the last day looked at). */
function childEpisodes(store: Store, dates: { from?: IsoDate; on: IsoDate }, where: string, having: string) {
  return sql<MissingChild>`
    WITH params AS (SELECT ${dates.from ?? null}::date AS from_date, ${dates.on}::date AS on_date)
    SELECT m.child_id AS "childId", ${sql.raw(ageSql('c.dob', 'params.on_date'))} AS age,
           (array_agg(m.looked_after ORDER BY m.mis_start DESC))[1] AS "lookedAfter",
           count(*)::int AS episodes,
           (count(*) FILTER (WHERE m.rhi_completed IS NULL AND m.mis_end + ${RHI_DAYS}::int < params.on_date))::int AS "withoutInterview",
           (count(*) FILTER (WHERE m.rhi_declined IS NOT NULL))::int AS declined,
           (count(*) FILTER (WHERE m.rhi_completed IS NOT NULL))::int AS "interviewsCompleted",
           min(m.mis_start) AS "firstStart", max(m.mis_start) AS "lastStart",
           coalesce(array_agg(DISTINCT m.exploitation_risk) FILTER (WHERE m.exploitation_risk <> 'NONE'), '{}') AS "exploitationRisks"
      FROM missing_episode m JOIN child c ON c.child_id = m.child_id CROSS JOIN params
     WHERE ${sql.raw(where)}
     GROUP BY m.child_id, c.dob, params.on_date
    HAVING ${sql.raw(having)}
     ORDER BY episodes DESC, m.child_id`.execute(store.db);
}

/**
 * Case level (officers only): children with an episode ending between from and to who declined
 * a return home interview or had none completed within 72 hours, to be followed up through
 * other trusted adults and professionals.
 */
export async function rhiFollowUp(store: Store, options: { from: IsoDate; to: IsoDate }): Promise<MissingChild[]> {
  const { from, to } = options;
  const where = 'm.mis_end BETWEEN params.from_date AND params.on_date';
  const having = `count(*) FILTER (WHERE m.rhi_declined IS NOT NULL OR (m.rhi_completed IS NULL AND m.mis_end + ${RHI_DAYS} < params.on_date)) > 0`;
  return (await childEpisodes(store, { from, on: to }, where, having)).rows;
}

/** Case level (officers only): children with 3 or more episodes starting in the 12 months to asOf. */
export async function repeatMissing(store: Store, options: { asOf: IsoDate }): Promise<MissingChild[]> {
  const where = `m.mis_start <= params.on_date AND m.mis_start > (params.on_date - interval '12 months')::date`;
  return (await childEpisodes(store, { on: options.asOf }, where, `count(*) >= ${REPEAT_EPISODES}`)).rows;
}

/**
 * Case level (the Part 2 report): children with an episode starting between from and to whose
 * return home interview recorded an exploitation risk, or exploitation as a theme.
 */
export async function exploitationRiskChildren(store: Store, options: { from: IsoDate; to: IsoDate }): Promise<MissingChild[]> {
  const where = 'm.mis_start BETWEEN params.from_date AND params.on_date';
  const having = `bool_or(m.exploitation_risk <> 'NONE' OR 'EXPLOITATION' = ANY(m.themes))`;
  return (await childEpisodes(store, { from: options.from, on: options.to }, where, having)).rows;
}
