// The Annex A lists as stored (migration 130): each list's size and when it was imported, and
// the rows of the lists a child's journey runs through.
import { sql } from 'kysely';
import type { AnnexARecord } from '../../core/annexAJourneys.ts';
import type { Store } from '../open.ts';

export interface ListSize {
  list: number;
  rows: number;
  children: number;
  importedAt: string | null;
}

export async function annexAListSizes(store: Store): Promise<ListSize[]> {
  const { rows } = await sql<{ list: number; rows: number; children: number; imported_at: string | null }>`
    SELECT i.list, count(r.row_no)::int AS rows, count(DISTINCT r.child_id)::int AS children, i.imported_at::text AS imported_at
    FROM annex_a_import i LEFT JOIN annex_a_row r ON r.list = i.list
    GROUP BY i.list, i.imported_at ORDER BY i.list`.execute(store.db);
  return rows.map((r) => ({ list: r.list, rows: r.rows, children: r.children, importedAt: r.imported_at }));
}

/** Rows of the given lists, for journeys, timeliness and drift (src/core/annexAJourneys.ts). */
export async function annexARecords(store: Store, lists: readonly number[]): Promise<AnnexARecord[]> {
  if (lists.length === 0) return [];
  const rows = await store.db.selectFrom('annex_a_row').select(['list', 'child_id', 'data']).where('list', 'in', [...lists]).orderBy('list').orderBy('row_no').execute();
  return rows.map((r) => ({ list: r.list, childId: r.child_id, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
}
