// Kysely's view of this area's tables (its migration in ../migrations/061_early_help.sql).

export interface EarlyHelpEpisodeTable {
  episode_id: string;
  child_id: string;
  birth_date: string | null;
  start_date: string;
  end_date: string | null;
  level: string;
  lead_agency: string;
  source: string;
  outcome: string | null;
}

export interface EarlyHelpTables {
  early_help_episode: EarlyHelpEpisodeTable;
}
