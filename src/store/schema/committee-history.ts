// Kysely's view of the committee actions' history (its migration in ../migrations/201_committee_action_history.sql).
import type { ColumnType, Generated } from 'kysely';

export interface CommitteeActionUpdateTable {
  id: Generated<number>;
  committee_action_id: string;
  at: ColumnType<string, string | undefined, never>;
  by_user: string;
  responsible: string;
  due_date: string | null;
  status: string;
  response: ColumnType<string, string | undefined, string>;
}

export interface CommitteeHistoryTables {
  committee_action_update: CommitteeActionUpdateTable;
}
