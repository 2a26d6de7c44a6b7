// Kysely's view of this area's tables (its migration in ../migrations/110_child_protection.sql).

export interface CinPlanTable {
  la_child_id: string;
  referral_date: string;
  start_date: string;
  end_date: string | null;
}

export interface CinSection47Table {
  la_child_id: string;
  referral_date: string;
  start_date: string;
  icpc_target: string | null;
  icpc_date: string | null;
  icpc_not_required: boolean;
  icpc_due: string;
}

export interface CinCpPlanTable {
  la_child_id: string;
  referral_date: string;
  start_date: string;
  end_date: string | null;
  initial_category: string;
  latest_category: string;
  previous_plans: number;
}

export interface CinCpReviewTable {
  la_child_id: string;
  referral_date: string;
  plan_start: string;
  review_date: string;
}

export interface ChildProtectionTables {
  cin_plan: CinPlanTable;
  cin_section47: CinSection47Table;
  cin_cp_plan: CinCpPlanTable;
  cin_cp_review: CinCpReviewTable;
}
