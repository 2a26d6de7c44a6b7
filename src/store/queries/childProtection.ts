// Child protection queries: the window's headline counts and open plans by category of abuse
// (aggregate), and the children behind late conferences and overdue reviews (case level).
import { sql } from 'kysely';
import { CATEGORY_OF_ABUSE, FIRST_REVIEW_MONTHS, LATER_REVIEW_MONTHS } from '../../core/childProtection.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { Store } from '../open.ts';

export interface ChildProtectionTotals {
  s47: number;
  icpcs: number;
  icpcsInTime: number;
  plansStarted: number;
  secondPlans: number;
  plansOpen: number;
  cinPlansOpen: number;
  /** Children in pre-proceedings on `to`: started, with no step decision or court application yet (2026-27 census on). */
  inPreProceedings: number;
}

/** Counts for section 47 enquiries, conferences and plans from `from` to `to`; open plans on `to`. */
export async function childProtectionTotals(store: Store, o: { from: IsoDate; to: IsoDate }): Promise<ChildProtectionTotals> {
  const { rows } = await sql<ChildProtectionTotals>`
    SELECT (SELECT count(*) FROM cin_section47 WHERE start_date BETWEEN ${o.from}::date AND ${o.to}::date)::int AS s47,
           (SELECT count(*) FROM cin_section47 WHERE icpc_date BETWEEN ${o.from}::date AND ${o.to}::date)::int AS icpcs,
           (SELECT count(*) FROM cin_section47 WHERE icpc_date BETWEEN ${o.from}::date AND ${o.to}::date AND icpc_date <= icpc_due)::int AS "icpcsInTime",
           (SELECT count(*) FROM cin_cp_plan WHERE start_date BETWEEN ${o.from}::date AND ${o.to}::date)::int AS "plansStarted",
           (SELECT count(*) FROM cin_cp_plan WHERE start_date BETWEEN ${o.from}::date AND ${o.to}::date AND previous_plans > 0)::int AS "secondPlans",
           (SELECT count(*) FROM cin_cp_plan WHERE start_date <= ${o.to}::date AND (end_date IS NULL OR end_date > ${o.to}::date))::int AS "plansOpen",
           (SELECT count(*) FROM cin_plan WHERE start_date <= ${o.to}::date AND (end_date IS NULL OR end_date > ${o.to}::date))::int AS "cinPlansOpen",
           (SELECT count(DISTINCT la_child_id) FROM cin_pre_proceedings WHERE start_date <= ${o.to}::date
              AND (step_decision_date IS NULL OR step_decision_date > ${o.to}::date)
              AND (court_application_date IS NULL OR court_application_date > ${o.to}::date))::int AS "inPreProceedings"`.execute(store.db);
  return rows[0]!;
}

/** Plans open on `asOf` by latest category of abuse, in the census order. */
export async function openPlansByCategory(store: Store, o: { asOf: IsoDate }): Promise<{ category: string; label: string; count: number }[]> {
  const { rows } = await sql<{ category: string; count: number }>`
    SELECT latest_category AS category, count(*)::int AS count FROM cin_cp_plan
     WHERE start_date <= ${o.asOf}::date AND (end_date IS NULL OR end_date > ${o.asOf}::date) GROUP BY 1`.execute(store.db);
  const by = new Map(rows.map((r) => [r.category, r.count]));
  return Object.entries(CATEGORY_OF_ABUSE).map(([category, label]) => ({ category, label, count: by.get(category) ?? 0 }));
}

export interface LateConference {
  childId: string;
  s47Start: IsoDate;
  due: IsoDate;
  held: IsoDate | null;
}

/** Section 47 enquiries of the last 12 months whose conference was late, or is overdue and not yet held (case level). */
export async function lateConferences(store: Store, o: { from: IsoDate; asOf: IsoDate }): Promise<LateConference[]> {
  const { rows } = await sql<LateConference>`
    SELECT la_child_id AS "childId", to_char(start_date, 'YYYY-MM-DD') AS "s47Start", to_char(icpc_due, 'YYYY-MM-DD') AS due,
           to_char(icpc_date, 'YYYY-MM-DD') AS held
      FROM cin_section47
     WHERE start_date BETWEEN ${o.from}::date AND ${o.asOf}::date AND NOT icpc_not_required
       AND (icpc_date > icpc_due OR (icpc_date IS NULL AND icpc_due < ${o.asOf}::date))
     ORDER BY icpc_due, la_child_id`.execute(store.db);
  return rows;
}

export interface OverdueReview {
  childId: string;
  planStart: IsoDate;
  lastReview: IsoDate | null;
  due: IsoDate;
  category: string;
}

/** Plans open on `asOf` whose next review conference is overdue (case level). */
export async function overdueReviews(store: Store, o: { asOf: IsoDate }): Promise<OverdueReview[]> {
  const { rows } = await sql<OverdueReview>`
    SELECT * FROM (
      SELECT c.la_child_id AS "childId", to_char(c.start_date, 'YYYY-MM-DD') AS "planStart", to_char(max(v.review_date), 'YYYY-MM-DD') AS "lastReview",
             to_char(COALESCE(max(v.review_date) + interval '${sql.raw(String(LATER_REVIEW_MONTHS))} months', c.start_date + interval '${sql.raw(String(FIRST_REVIEW_MONTHS))} months'), 'YYYY-MM-DD') AS due,
             c.latest_category AS category
        FROM cin_cp_plan c
        LEFT JOIN cin_cp_review v ON v.la_child_id = c.la_child_id AND v.referral_date = c.referral_date AND v.plan_start = c.start_date AND v.review_date <= ${o.asOf}::date
       WHERE c.start_date <= ${o.asOf}::date AND (c.end_date IS NULL OR c.end_date > ${o.asOf}::date)
       GROUP BY c.la_child_id, c.start_date, c.latest_category) x
     WHERE x.due < ${o.asOf}
     ORDER BY x.due, x."childId"`.execute(store.db);
  return rows;
}
