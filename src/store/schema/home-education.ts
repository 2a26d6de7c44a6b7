// Kysely's view of this area's tables (its migration in ../migrations/063_home_education.sql).
import type { ColumnType } from 'kysely';

export interface EheRegistrationTable {
  child_id: string;
  start_date: string;
  dob: string;
  sex: 'M' | 'F' | 'U' | null;
  end_date: string | null;
  end_reason: string | null;
  reason: string;
  engaged: boolean;
  social_care: ColumnType<string, string | undefined, string>;
  sen: ColumnType<string, string | undefined, string>;
}

export interface HomeEducationTables {
  ehe_registration: EheRegistrationTable;
}
