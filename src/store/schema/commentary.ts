// Kysely's view of officer commentary (its migration in ../migrations/120_commentary.sql).
import type { ColumnType } from 'kysely';

export interface CommentaryTable {
  indicator_id: string;
  period_type: string;
  period_start: string;
  version: number;
  body: string;
  drafted_by: string;
  drafted_at: ColumnType<string, string | undefined, string>;
  approved_by: string | null;
  approved_at: string | null;
}

export interface CommentaryTables {
  commentary: CommentaryTable;
}
