// Workforce figures for the workforce page: which indicators it shows and the months and teams
// with returns. Each team's figures come from the indicator definitions themselves (broken down by
// team, src/server/routes/workforce.ts), so the page and the dashboard can never disagree.
import type { IsoDate } from '../../core/dates.ts';
import { indicatorById } from '../../core/indicators/index.ts';
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
