// Kysely's view of this area's tables (its migrations in ../migrations/110_child_protection.sql and
// 161_cin_pre_proceedings.sql).

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

export interface CinPreProceedingsTable {
  la_child_id: string;
  referral_date: string;
  start_date: string;
  lbp_sent_date: string | null;
  fgdm_offered: boolean | null;
  fgdm_facilitated: boolean | null;
  initial_meeting_date: string | null;
  review_meetings: number | null;
  step_decision_date: string | null;
  outcome: string | null;
  court_application_date: string | null;
  letter_initiating_date: string | null;
}

export interface ChildProtectionTables {
  cin_plan: CinPlanTable;
  cin_section47: CinSection47Table;
  cin_cp_plan: CinCpPlanTable;
  cin_cp_review: CinCpReviewTable;
  cin_pre_proceedings: CinPreProceedingsTable;
}
