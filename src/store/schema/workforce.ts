// Kysely's view of this area's tables (its migration in ../migrations/062_workforce.sql).

export interface WorkforceMonthTable {
  /** First day of the month the figures describe. */
  month: string;
  team: string;
  employed_fte: number;
  agency_fte: number;
  vacant_fte: number;
  starters_fte: number;
  leavers_fte: number;
  cases: number;
  case_holding_fte: number;
  training_required: number;
  training_completed: number;
}

export interface WorkforceTables {
  workforce_month: WorkforceMonthTable;
}
