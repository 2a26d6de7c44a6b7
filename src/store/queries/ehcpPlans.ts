// What SEN2 makes possible beyond the 20-week clock: plans in force by primary need and by
// setting, plans ceased by reason, and whether annual reviews are on time. Setting, cessation and
// last review come from the SEN2 return (XML or its CSV layout), so the review figures count only
// plans SEN2 has described (a setting recorded); case-system rows without them show as "Not recorded".
import { sql } from 'kysely';
import { addMonths, type IsoDate } from '../../core/dates.ts';
import type { Store } from '../open.ts';

/** An EHC plan must be reviewed at least every 12 months (Children and Families Act 2014, s.44). */
export const REVIEW_MONTHS = 12;

export interface CodeCount {
  code: string | null;
  count: number;
}

export interface PlanFigures {
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

/** Plan figures on asOf, with plans ceased in the 12 months to asOf. */
export async function planFigures(store: Store, asOf: IsoDate): Promise<PlanFigures> {
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
