// The Annex A lists as stored (migration 130; the SEND lists, migration 190): each list's size and
// when it was imported, and the rows of the lists a child's journey runs through.
import { sql } from 'kysely';
import type { AnnexARecord } from '../../core/annexAJourneys.ts';
import type { Store } from '../open.ts';

export interface ListSize {
  list: number;
  rows: number;
  children: number;
  importedAt: string | null;
}

/** The ILACS lists (migration 130) or the SEND lists (migration 190). */
export type ListFamily = 'ilacs' | 'send';
const TABLES = { ilacs: { rows: 'annex_a_row', imports: 'annex_a_import' }, send: { rows: 'annex_a_send_row', imports: 'annex_a_send_import' } } as const;

export async function annexAListSizes(store: Store, family: ListFamily = 'ilacs'): Promise<ListSize[]> {
  const t = TABLES[family];
  const { rows } = await sql<{ list: number; rows: number; children: number; imported_at: string | null }>`
    SELECT i.list, count(r.row_no)::int AS rows, count(DISTINCT r.child_id)::int AS children, i.imported_at::text AS imported_at
    FROM ${sql.table(t.imports)} i LEFT JOIN ${sql.table(t.rows)} r ON r.list = i.list
    GROUP BY i.list, i.imported_at ORDER BY i.list`.execute(store.db);
  return rows.map((r) => ({ list: r.list, rows: r.rows, children: r.children, importedAt: r.imported_at }));
}

/** Rows of the given lists, for journeys, timeliness and drift (src/core/annexAJourneys.ts) or the regional export. */
export async function annexARecords(store: Store, lists: readonly number[], family: ListFamily = 'ilacs'): Promise<AnnexARecord[]> {
  if (lists.length === 0) return [];
  const rows = await store.db.selectFrom(TABLES[family].rows).select(['list', 'child_id', 'data']).where('list', 'in', [...lists]).orderBy('list').orderBy('row_no').execute();
  return rows.map((r) => ({ list: r.list, childId: r.child_id, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
}
