// What SEN2 makes possible beyond the 20-week clock: plans in force by primary need and by
// setting, plans ceased by reason, and whether annual reviews are on time. Setting, cessation and
// last review come from the SEN2 return (XML or its CSV layout), so the review figures count only
// plans SEN2 has described (a setting recorded); case-system rows without them show as "Not recorded".
// Where no request has an issued plan yet (no SEN2), Ofsted's Annex A SEND List 1 gives them instead.
import { sql } from 'kysely';
import { addMonths, type IsoDate } from '../../core/dates.ts';
import type { Store } from '../open.ts';

/** An EHC plan must be reviewed at least every 12 months (Children and Families Act 2014, s.44). */
export const REVIEW_MONTHS = 12;

export interface CodeCount {
  code: string | null;
  count: number;
}

/**
 * Where plan figures come from: the requests table (SEN2, or the case system's CSV) when it holds
 * any issued plan; otherwise Annex A SEND List 1 when imported. Never both, so no plan is counted
 * twice when a council has both.
 */
export type PlanSource = 'requests' | 'annex_a_send' | 'none';

export interface PlanFigures {
  source: PlanSource;
  /** When the Annex A SEND list used was imported. */
  importedAt: string | null;
  /** Children on SEN support (Annex A SEND List 2), or null when it is not imported. */
  senSupport: number | null;
  asOf: IsoDate;
  inForce: number;
  byNeed: CodeCount[];
  bySetting: CodeCount[];
  /** Ceased between from and asOf. */
  ceasedFrom: IsoDate;
  ceased: CodeCount[];
  /** Plans SEN2 describes that have been in force 12 months or more, and of them reviewed within the last 12. */
  reviewDue: number;
  reviewedInTime: number;
}

const inForce = (asOf: IsoDate) => sql`start_date <= ${asOf}::date AND (cease_date IS NULL OR cease_date > ${asOf}::date)`;

async function countBy(store: Store, column: 'sen_type' | 'sen_setting' | 'cease_reason', where: ReturnType<typeof sql>): Promise<CodeCount[]> {
  const r = await sql<CodeCount>`SELECT ${sql.ref(column)} AS code, count(*)::int AS count FROM ehcp_request WHERE ${where}
    GROUP BY 1 ORDER BY 2 DESC, 1`.execute(store.db);
  return r.rows;
}

/** Plan figures on asOf, with plans ceased in the 12 months to asOf, from the source that has them. */
export async function planFigures(store: Store, asOf: IsoDate): Promise<PlanFigures> {
  const [requests, send] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM ehcp_request WHERE start_date IS NOT NULL`.execute(store.db),
    store.db.selectFrom('annex_a_send_import').select(['list', 'imported_at']).execute(),
  ]);
  const support = send.some((s) => s.list === 2)
    ? (await sql<{ n: number }>`SELECT count(DISTINCT child_id)::int AS n FROM annex_a_send_row WHERE list = 2`.execute(store.db)).rows[0]!.n
    : null;
  const plansList = send.find((s) => s.list === 1);
  if (requests.rows[0]!.n === 0 && plansList) return { ...(await annexASendPlanFigures(store, asOf)), importedAt: String(plansList.imported_at).slice(0, 10), senSupport: support };
  return { ...(await requestPlanFigures(store, asOf)), source: requests.rows[0]!.n ? 'requests' : 'none', importedAt: null, senSupport: support };
}

type Figures = Omit<PlanFigures, 'source' | 'importedAt' | 'senSupport'>;

/**
 * Annex A SEND List 1 lists the plans in force when it was made: need and setting (the main
 * establishment's phase) as written, reviews from "Date EHC plan last reviewed". It has no
 * cessations, so none are counted.
 */
async function annexASendPlanFigures(store: Store, asOf: IsoDate): Promise<Figures & { source: PlanSource }> {
  const reviewSince = addMonths(asOf, -REVIEW_MONTHS);
  const by = (key: 'sen_need' | 'phase') =>
    sql<CodeCount>`SELECT nullif(data->>${key}, '') AS code, count(*)::int AS count FROM annex_a_send_row WHERE list = 1 GROUP BY 1 ORDER BY 2 DESC, 1`.execute(store.db);
  const [byNeed, bySetting, review] = await Promise.all([
    by('sen_need'),
    by('phase'),
    sql<{ due: number; on_time: number }>`SELECT count(*)::int AS due,
        (count(*) FILTER (WHERE data->>'last_review' > ${reviewSince} AND data->>'last_review' <= ${asOf}))::int AS on_time
      FROM annex_a_send_row WHERE list = 1 AND data->>'plan_issued' <= ${reviewSince}`.execute(store.db),
  ]);
  return {
    source: 'annex_a_send', asOf, inForce: byNeed.rows.reduce((n, r) => n + r.count, 0), byNeed: byNeed.rows, bySetting: bySetting.rows,
    ceasedFrom: addMonths(asOf, -12), ceased: [], reviewDue: review.rows[0]!.due, reviewedInTime: review.rows[0]!.on_time,
  };
}

async function requestPlanFigures(store: Store, asOf: IsoDate): Promise<Figures> {
  const ceasedFrom = addMonths(asOf, -12);
  const reviewSince = addMonths(asOf, -REVIEW_MONTHS);
  const [byNeed, bySetting, ceased, review] = await Promise.all([
    countBy(store, 'sen_type', inForce(asOf)),
    countBy(store, 'sen_setting', inForce(asOf)),
    countBy(store, 'cease_reason', sql`cease_date > ${ceasedFrom}::date AND cease_date <= ${asOf}::date`),
    sql<{ due: number; on_time: number }>`SELECT count(*)::int AS due,
        (count(*) FILTER (WHERE last_review > ${reviewSince}::date AND last_review <= ${asOf}::date))::int AS on_time
      FROM ehcp_request WHERE ${inForce(asOf)} AND sen_setting IS NOT NULL AND start_date <= ${reviewSince}::date`.execute(store.db),
  ]);
  return {
    asOf, inForce: byNeed.reduce((n, r) => n + r.count, 0), byNeed, bySetting, ceasedFrom, ceased,
    reviewDue: review.rows[0]!.due, reviewedInTime: review.rows[0]!.on_time,
  };
}
