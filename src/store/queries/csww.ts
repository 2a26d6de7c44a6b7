// The workforce census's yearly measures (core/csww.ts), one row per census year stored. Leavers
// are those whose role ended in the census year (1 October to 30 September).
import { sql } from 'kysely';
import { cswwMeasures, type CswwMeasures, type CswwSums } from '../../core/csww.ts';
import type { Store } from '../open.ts';

export async function cswwYearlyMeasures(store: Store): Promise<CswwMeasures[]> {
  const r = await sql<CswwSums>`
    WITH w AS (
      SELECT year, coalesce(fte, 0) AS fte, NOT agency AND role_end IS NULL AS in_post, agency, role_end, fte30, cases30, days_lost, absent_30sept
        FROM csww_worker
    ), y AS (SELECT year FROM csww_worker UNION SELECT year FROM csww_vacancy)
    SELECT y.year,
           coalesce(sum(w.fte) FILTER (WHERE w.in_post), 0)::float AS "inPostFte",
           (count(*) FILTER (WHERE w.in_post))::int AS "inPostHeadcount",
           coalesce(sum(coalesce(w.fte30, w.fte)) FILTER (WHERE NOT w.agency AND w.role_end BETWEEN make_date(y.year - 1, 10, 1) AND make_date(y.year, 9, 30)), 0)::float AS "leaversFte",
           (count(*) FILTER (WHERE w.in_post AND w.absent_30sept))::int AS "absentHeadcount",
           coalesce(sum(w.days_lost) FILTER (WHERE w.in_post), 0)::float AS "daysLost",
           coalesce(sum(w.cases30) FILTER (WHERE w.role_end IS NULL AND w.cases30 > 0), 0)::int AS "cases",
           coalesce(sum(w.fte) FILTER (WHERE w.role_end IS NULL AND w.cases30 > 0), 0)::float AS "caseHoldingFte",
           v.vacancies_fte AS "vacanciesFte", v.agency_fte AS "agencyFte"
      FROM y LEFT JOIN w ON w.year = y.year LEFT JOIN csww_vacancy v ON v.year = y.year
     GROUP BY y.year, v.vacancies_fte, v.agency_fte ORDER BY y.year`.execute(store.db);
  return r.rows.map((s) => cswwMeasures(s));
}
