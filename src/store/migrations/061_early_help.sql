-- Early help episodes from the case system (no DfE return; codes in src/core/earlyHelp.ts).
-- child_id is the same LAchildID the CIN census uses, so a step-up can be matched to a referral.
CREATE TABLE early_help_episode (
  episode_id   text PRIMARY KEY,
  child_id     text NOT NULL,
  birth_date   date,
  start_date   date NOT NULL,
  end_date     date,
  level        text NOT NULL CHECK (level IN ('UNIVERSAL_PLUS', 'TARGETED')),
  lead_agency  text NOT NULL,
  source       text NOT NULL CHECK (source IN ('NEW', 'STEP_DOWN')),
  outcome      text CHECK (outcome IN ('NEEDS_MET', 'STEP_UP', 'STEP_DOWN_UNIVERSAL', 'DISENGAGED', 'MOVED_AWAY')),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (outcome IS NULL))
);
CREATE INDEX early_help_episode_child ON early_help_episode (child_id, start_date);
CREATE INDEX early_help_episode_dates ON early_help_episode (start_date, end_date);
