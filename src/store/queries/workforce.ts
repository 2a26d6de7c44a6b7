// Workforce figures for the workforce page: each team's indicators for a month and a team's
// indicators month by month, both from the indicator definitions themselves (broken down by team),
// so the page and the dashboard can never disagree.
import type { IsoDate } from '../../core/dates.ts';
import { indicatorById } from '../../core/indicators/index.ts';
import { periodOf } from '../../core/periods.ts';
import { indicatorBreakdown, type BreakdownRow } from '../indicators.ts';
import type { Store } from '../open.ts';

/** The team table's columns, in order. */
export const TEAM_TABLE_IDS = [
  'workforce_fte', 'workforce_agency_rate', 'workforce_vacancy_rate', 'workforce_turnover_rate', 'workforce_caseload', 'workforce_training',
] as const;

/** Measures of stability drawn beside timeliness. */
export const STABILITY_IDS = ['workforce_turnover_rate', 'workforce_agency_rate', 'workforce_vacancy_rate'] as const;

/**
 * Timeliness that depends on social workers: social care advice for EHC needs assessments (given
 * by the disabled children's team), EHC plans in 20 weeks, and assessments in 45 working days
 * where the front door indicators are present.
 */
export function timelinessIds(): string[] {
  return ['ehcp_advice_6wk_social_care', 'ehcp_20wk_excl', 'assessments_45_days'].filter((id) => indicatorById(id));
}

export interface WorkforceCoverage {
  /** First days of the months with a return, latest first. */
  months: IsoDate[];
  teams: string[];
}

export async function workforceCoverage(store: Store): Promise<WorkforceCoverage> {
  const [months, teams] = await Promise.all([
    store.db.selectFrom('workforce_month').select('month').distinct().orderBy('month', 'desc').execute(),
    store.db.selectFrom('workforce_month').select('team').distinct().orderBy('team').execute(),
  ]);
  return { months: months.map((m) => m.month), teams: teams.map((t) => t.team) };
}

export interface TeamFigures {
  team: string;
  /** By indicator id; null when the indicator has no figure for the team that month. */
  figures: Record<string, BreakdownRow | null>;
}

/** Every team's figures for one month (first day), one row per team in name order. */
export async function teamFigures(store: Store, month: IsoDate, asOf?: IsoDate): Promise<TeamFigures[]> {
  const start = periodOf(month, 'month').start;
  const breakdowns = await Promise.all(TEAM_TABLE_IDS.map((id) => indicatorBreakdown(store, id, 'team', 'month', start, asOf)));
  const teams = [...new Set(breakdowns.flatMap((rows) => rows.map((r) => r.key ?? '')))].sort();
  return teams.map((team) => ({
    team,
    figures: Object.fromEntries(TEAM_TABLE_IDS.map((id, i) => [id, breakdowns[i]!.find((r) => r.key === team) ?? null])),
  }));
}

/** One team's figure for each indicator in each month (first days), oldest first; null where none. */
export async function teamHistory(
  store: Store,
  team: string,
  ids: readonly string[],
  months: readonly IsoDate[],
  asOf?: IsoDate,
): Promise<Record<string, (BreakdownRow | null)[]>> {
  const entries = await Promise.all(
    ids.map(async (id) => {
      const rows = await Promise.all(months.map((m) => indicatorBreakdown(store, id, 'team', 'month', m, asOf)));
      return [id, rows.map((r) => r.find((x) => x.key === team) ?? null)] as const;
    }),
  );
  return Object.fromEntries(entries);
}
