// Kysely's view of this area's tables (its migration in ../migrations/064_voice.sql).
import type { ColumnType } from 'kysely';

export interface VoiceFeedbackTable {
  feedback_id: string;
  received_date: string;
  source: string;
  priority_id: string;
  themes: string[];
  sentiment: 'positive' | 'mixed' | 'negative' | null;
  age_band: string | null;
  care_experienced: ColumnType<boolean, boolean | undefined, boolean>;
  participants: ColumnType<number, number | undefined, number>;
  summary: string;
  you_said_we_did: string | null;
  response_date: string | null;
  action_id: string | null;
}

export interface VoiceTables {
  voice_feedback: VoiceFeedbackTable;
}
