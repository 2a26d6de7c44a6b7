// Early help queries: who is helped now and by whom, how episodes ended, new episodes by month
// (aggregate), and the children referred to social care after help ended well (case level).
import { sql } from 'kysely';
import { addDays, addMonths, type IsoDate } from '../../core/dates.ts';
import { EARLY_HELP_LEVEL, EARLY_HELP_OUTCOME, EARLY_HELP_SOURCE, GOOD_ENDINGS, LEAD_AGENCY, RETURN_MONTHS } from '../../core/earlyHelp.ts';
import type { Store } from '../open.ts';
import type { PatternCount } from './missing.ts';

export interface EarlyHelpPicture {
  asOf: IsoDate;
  from: IsoDate;
  /** Children with an episode open on asOf. */
  openChildren: number;
  openByLevel: PatternCount[];
  openByAgency: PatternCount[];
  /** Episodes that started from `from` to asOf, by source. */
  started: number;
  startedBySource: PatternCount[];
  /** Episodes that ended from `from` to asOf, by outcome. */
  ended: number;
  endedByOutcome: PatternCount[];
}

const labelled = (list: Readonly<Record<string, string>>, counts: Map<string, number>): PatternCount[] =>
  Object.entries(list).map(([key, label]) => ({ key, label, count: counts.get(key) ?? 0 }));

/** The picture on asOf and over the 12 months to it (from = a year before, plus a day). */
export async function earlyHelpPicture(store: Store, options: { asOf: IsoDate }): Promise<EarlyHelpPicture> {
  const { asOf } = options;
  const from = addDays(addMonths(asOf, -12), 1);
  const { rows } = await sql<{ dim: string; key: string | null; n: number }>`
    WITH open AS (SELECT * FROM early_help_episode WHERE start_date <= ${asOf}::date AND (end_date IS NULL OR end_date > ${asOf}::date))
    SELECT 'children' AS dim, NULL AS key, count(DISTINCT child_id)::int AS n FROM open
    UNION ALL SELECT 'level', level, count(*)::int FROM open GROUP BY level
    UNION ALL SELECT 'agency', lead_agency, count(*)::int FROM open GROUP BY lead_agency
    UNION ALL SELECT 'source', source, count(*)::int FROM early_help_episode WHERE start_date BETWEEN ${from}::date AND ${asOf}::date GROUP BY source
    UNION ALL SELECT 'outcome', outcome, count(*)::int FROM early_help_episode WHERE end_date BETWEEN ${from}::date AND ${asOf}::date GROUP BY outcome`.execute(store.db);
  const counts = (dim: string) => new Map(rows.filter((r) => r.dim === dim).map((r) => [r.key ?? '', r.n]));
  const total = (list: PatternCount[]) => list.reduce((n, r) => n + r.count, 0);
  const startedBySource = labelled(EARLY_HELP_SOURCE, counts('source'));
  const endedByOutcome = labelled(EARLY_HELP_OUTCOME, counts('outcome'));
  return {
    asOf,
    from,
    openChildren: counts('children').get('') ?? 0,
    openByLevel: labelled(EARLY_HELP_LEVEL, counts('level')),
    openByAgency: labelled(LEAD_AGENCY, counts('agency')),
    started: total(startedBySource),
    startedBySource,
    ended: total(endedByOutcome),
    endedByOutcome,
  };
}

export interface SourceMonthCount {
  month: IsoDate;
  source: string;
  count: number;
}

/** New episodes per month and source (new request or step-down), months from `from` to `to`. */
export async function newEpisodesByMonth(store: Store, options: { from: IsoDate; to: IsoDate }): Promise<SourceMonthCount[]> {
  const { rows } = await sql<SourceMonthCount>`
    SELECT to_char(date_trunc('month', start_date), 'YYYY-MM-DD') AS month, source, count(*)::int AS count
      FROM early_help_episode WHERE start_date BETWEEN ${options.from}::date AND ${options.to}::date
     GROUP BY 1, 2 ORDER BY 1, 2`.execute(store.db);
  return rows;
}

export interface ReturnedChild {
  childId: string;
  episodeId: string;
  level: string;
  ended: IsoDate;
  outcome: string;
  referral: IsoDate;
  /** Whole days from the end of early help to the referral. */
  daysAfter: number;
}

/**
 * Case level (officers only): children referred to children's social care (CIN census, same
 * child id) from `from` to `to`, within 12 months of an early help episode that ended well.
 */
export async function returnsAfterEarlyHelp(store: Store, options: { from: IsoDate; to: IsoDate; limit?: number }): Promise<ReturnedChild[]> {
  const good = GOOD_ENDINGS.map((o) => `'${o}'`).join(', ');
  const { rows } = await sql<ReturnedChild>`
    SELECT e.child_id AS "childId", e.episode_id AS "episodeId", e.level, to_char(e.end_date, 'YYYY-MM-DD') AS ended, e.outcome,
           to_char(c.referral_date, 'YYYY-MM-DD') AS referral, (c.referral_date - e.end_date)::int AS "daysAfter"
      FROM early_help_episode e
      JOIN cin_referral c ON c.la_child_id = e.child_id AND c.referral_date > e.end_date
       AND c.referral_date <= (e.end_date + ${sql.raw(`interval '${RETURN_MONTHS} months'`)})::date
     WHERE e.outcome IN (${sql.raw(good)}) AND c.referral_date BETWEEN ${options.from}::date AND ${options.to}::date
     ORDER BY c.referral_date DESC, e.child_id LIMIT ${options.limit ?? 200}`.execute(store.db);
  return rows;
}
