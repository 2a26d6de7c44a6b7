// Kysely's view of this area's tables (its migration in ../migrations/060_front_door.sql).
import type { ColumnType } from 'kysely';

export interface CinReferralTable {
  la_child_id: string;
  referral_date: string;
  person_birth_date: string | null;
  gender: string;
  ethnicity: string | null;
  referral_source: string;
  local_source: string | null;
  primary_need: string | null;
  referral_nfa: boolean;
  closure_date: string | null;
  closure_reason: string | null;
}

export interface CinAssessmentTable {
  la_child_id: string;
  referral_date: string;
  start_date: string;
  review_date: string | null;
  authorisation_date: string | null;
  factors: ColumnType<string[], string[] | undefined, string[]>;
  due_date: string;
}

export interface ChildPopulationTable {
  year: number;
  population: number;
}

export interface FrontDoorTables {
  cin_referral: CinReferralTable;
  cin_assessment: CinAssessmentTable;
  child_population: ChildPopulationTable;
}
