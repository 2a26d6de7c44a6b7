// Kysely's view of the Annex A tables (migrations 130_annex_a.sql and 190_annex_a_send.sql).
import type { ColumnType } from 'kysely';

export interface AnnexARowTable {
  list: number;
  row_no: number;
  child_id: string;
  /** Cells keyed by the list spec's column keys (src/importers/annexA/lists.ts). */
  data: ColumnType<Record<string, string | number | boolean | null>, string, string>;
}

export interface AnnexAImportTable {
  list: number;
  imported_at: ColumnType<string, string | undefined, string>;
  rows: number;
}

export interface AnnexATables {
  annex_a_row: AnnexARowTable;
  annex_a_import: AnnexAImportTable;
  /** Annex A SEND Lists 1 and 2 (migration 190), shaped as the ILACS lists. */
  annex_a_send_row: AnnexARowTable;
  annex_a_send_import: AnnexAImportTable;
}
