// Kysely's view of the tables in migrations/. Dates travel as ISO strings ('YYYY-MM-DD') and
// timestamps as text: see the type parsers in open.ts.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { FrontDoorTables } from './schema/front-door.ts';
import type { ChildProtectionTables } from './schema/child-protection.ts';
import type { EarlyHelpTables } from './schema/early-help.ts';
import type { WorkforceTables } from './schema/workforce.ts';
import type { HomeEducationTables } from './schema/home-education.ts';
import type { VoiceTables } from './schema/voice.ts';
import type { EesTables } from './schema/ees.ts';
import type { CommentaryTables } from './schema/commentary.ts';
import type { AnnexATables } from './schema/annex-a.ts';
import type { EhcpContactTables } from './schema/ehcp-contact.ts';
import type { CommitteeHistoryTables } from './schema/committee-history.ts';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface ChildTable {
  child_id: string;
  sex: number | null;
  dob: string;
  ethnic: string | null;
  upn: string | null;
  mother: number | null;
  mc_dob: string | null;
}

export interface LaEpisodeTable {
  child_id: string;
  decom: string;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  place_provider: string | null;
  dec: string | null;
  rec: string | null;
  reason_place_change: string | null;
  home_post: string | null;
  pl_post: string | null;
  urn: string | null;
}

export interface MissingEpisodeTable {
  child_id: string;
  mis_start: string;
  missing: 'M' | 'A';
  mis_end: string | null;
  looked_after: boolean;
  start_time: string | null;
  rhi_offered: string | null;
  rhi_completed: string | null;
  rhi_declined: string | null;
  exploitation_risk: ColumnType<string, string | undefined, string>;
  themes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface Oc3Table {
  child_id: string;
  fy: number;
  in_touch: string;
  activ: string | null;
  accom: string | null;
}

export interface LeaverActivityTable {
  child_id: string;
  start_date: string;
  end_date: string | null;
  activ: string;
}

export type Sen2Outcome = 'Y' | 'N' | 'A' | 'W' | 'H';

export interface EhcpRequestTable {
  request_id: string;
  person_id: string;
  person_birth_date: string;
  sex: 'M' | 'F' | 'U' | null;
  received_date: string;
  request_outcome_date: string | null;
  request_outcome: ColumnType<Sen2Outcome, Sen2Outcome | undefined, Sen2Outcome>;
  assessment_outcome_date: string | null;
  assessment_outcome: Sen2Outcome | null;
  week20: ColumnType<boolean, boolean | undefined, boolean>;
  exception_reason: string | null;
  draft_plan_date: string | null;
  start_date: string | null;
  sen_type: string | null;
  /** SEN2 plan details (migration 111): setting of rank 1, when and why the plan ceased, last annual review. */
  sen_setting: ColumnType<string | null, string | null | undefined, string | null>;
  cease_date: ColumnType<string | null, string | null | undefined, string | null>;
  cease_reason: ColumnType<string | null, string | null | undefined, string | null>;
  last_review: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EhcpAdviceTable {
  request_id: string;
  partner: string;
  requested_date: string;
  received_date: string | null;
}

export interface PriorityTable {
  priority_id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface StrategyActionTable {
  action_id: string;
  priority_id: string;
  title: string;
  owner: string;
  due_date: string | null;
  status: ColumnType<string, string | undefined, string>;
  rag: 'red' | 'amber' | 'green' | null;
  updated_at: Timestamp;
}

export interface ActionUpdateTable {
  id: Generated<number>;
  action_id: string;
  at: Timestamp;
  by_user: string;
  rag: 'red' | 'amber' | 'green' | null;
  status: string;
  comment: ColumnType<string, string | undefined, string>;
}

export interface CommitteeActionTable {
  committee_action_id: string;
  meeting_date: string;
  committee: string;
  item: string;
  action: string;
  responsible: string;
  due_date: string | null;
  status: ColumnType<string, string | undefined, string>;
  response: ColumnType<string, string | undefined, string>;
  updated_at: Timestamp;
}

export interface IndicatorValueTable {
  indicator_id: string;
  period_type: 'month' | 'quarter' | 'year';
  period_start: string;
  period_end: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rag: 'red' | 'amber' | 'green' | null;
  computed_at: Timestamp;
  /** The date the value was worked out to: before the period's last day, a partial figure. */
  as_of: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BenchmarkTable {
  indicator_id: string;
  area: string;
  fy: number;
  value: number;
}

export interface NarrativeTable {
  indicator_id: string;
  period_type: string;
  period_start: string;
  body: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ImportRunTable {
  id: Generated<number>;
  started_at: Timestamp;
  finished_at: string | null;
  by_user: string;
  files: ColumnType<unknown, string, string>;
  status: 'running' | 'accepted' | 'rejected' | 'failed' | 'checked';
  rows: ColumnType<number, number | undefined, number>;
  errors: ColumnType<unknown, string | undefined, string>;
  /** Query findings listed beside the run, which did not refuse it (160_import_queries.sql). */
  queries: ColumnType<unknown, string | undefined, string>;
  /** The process that ran the import (080_trust.sql). */
  pid: number | null;
  host: string | null;
  /** Rows added, changed and removed per SSDA903 table (150_ssda903_return_years.sql). */
  changes: ColumnType<unknown, string | undefined, string>;
}

export interface FigureFreshnessTable {
  one: ColumnType<boolean, never, never>;
  data_version: number;
  figures_version: number;
  /** Migration 140: the "as of" date and definitions the figures were computed for. */
  figures_basis: string | null;
}

/** Migration 140: a table the figures read that has changed since they were computed. */
export interface FigureChangedTableTable {
  table_name: string;
  change_no: ColumnType<string, never, never>;
}

// CSWW (migration 112): the workforce census's worker records and vacancies, per census year.
export interface CswwWorkerTable {
  year: number;
  swe_no: string;
  agency: boolean;
  fte: number | null;
  org_role: string | null;
  role_start: string | null;
  role_end: string | null;
  reason_leave: string | null;
  fte30: number | null;
  cases30: number | null;
  days_lost: number | null;
  absent_30sept: boolean | null;
}
export interface CswwVacancyTable {
  year: number;
  vacancies_fte: number;
  agency_fte: number;
  agency_headcount: number;
}

export interface Database extends FrontDoorTables, ChildProtectionTables, EarlyHelpTables, WorkforceTables, HomeEducationTables, VoiceTables, EesTables, CommentaryTables, AnnexATables, EhcpContactTables, CommitteeHistoryTables {
  child: ChildTable;
  la_episode: LaEpisodeTable;
  missing_episode: MissingEpisodeTable;
  oc3: Oc3Table;
  leaver_activity: LeaverActivityTable;
  ehcp_request: EhcpRequestTable;
  ehcp_advice: EhcpAdviceTable;
  csww_worker: CswwWorkerTable;
  csww_vacancy: CswwVacancyTable;
  priority: PriorityTable;
  strategy_action: StrategyActionTable;
  action_update: ActionUpdateTable;
  committee_action: CommitteeActionTable;
  indicator_value: IndicatorValueTable;
  benchmark: BenchmarkTable;
  narrative: NarrativeTable;
  import_run: ImportRunTable;
  figure_freshness: FigureFreshnessTable;
  figure_changed_table: FigureChangedTableTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  case_audit: CaseAuditTable;
  letter_template: LetterTemplateTable;
}

export type TableName = keyof Database;
export type Row<T extends TableName> = Selectable<Database[T]>;
export type NewRow<T extends TableName> = Insertable<Database[T]>;

// Security (migration 020): users, sessions, the append-only audit log, case audits.
export interface AppUserTable {
  username: string;
  role: 'admin' | 'officer' | 'manager' | 'councillor' | 'auditor';
  password_hash: string;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  last_sign_in: string | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  username: string;
  csrf_secret: string;
  created_at: string;
  last_seen_at: string;
}

export type AuditEvent = 'view' | 'change' | 'sign_in' | 'sign_in_failed' | 'sign_out' | 'denied';

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  username: string | null;
  role: string | null;
  event: AuditEvent;
  method: string;
  route: string;
  url: string;
  status: number;
  record_ids: ColumnType<string[], string[] | undefined, never>;
  ip: string | null;
  /** Migration 084: the records the response showed, by kind, and how many there were. */
  returned_ids: ColumnType<Record<string, string[]>, string | undefined, never>;
  returned_count: ColumnType<number, number | undefined, never>;
}

export interface CaseAuditTable {
  audit_id: string;
  type: 'core' | 'themed';
  theme: string | null;
  audited_date: string;
  child_id: string;
  auditor: string;
  grade: 'outstanding' | 'good' | 'requires_improvement' | 'inadequate';
  findings: ColumnType<string, string | undefined, string>;
  actions: ColumnType<string, string | undefined, string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface LetterTemplateTable {
  id: Generated<number>;
  name: string;
  body: string;
  updated_by: string;
  updated_at: Timestamp;
}
