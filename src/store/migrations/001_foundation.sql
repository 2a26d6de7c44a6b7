-- Foundation tables. Column names follow the DfE return they come from (lower-cased), so a
-- reader of the SSDA903 or SEN2 guidance can find each field.

-- One row per child across returns. child_id is the council's pseudonymous CHILD id.
CREATE TABLE child (
  child_id     text PRIMARY KEY,
  sex          smallint CHECK (sex IN (1, 2)),      -- 903 SEX: 1 male, 2 female
  dob          date NOT NULL,
  ethnic       text,                                -- 903 ETHNIC code, e.g. WBRI
  upn          text
);

-- SSDA903 Episodes: one row per episode of care.
CREATE TABLE la_episode (
  child_id            text NOT NULL REFERENCES child ON DELETE CASCADE,
  decom               date NOT NULL,
  rne                 text NOT NULL,
  ls                  text NOT NULL,
  cin                 text NOT NULL,
  place               text NOT NULL,
  place_provider      text,
  dec                 date,
  rec                 text,
  reason_place_change text,
  home_post           text,
  pl_post             text,
  urn                 text,
  PRIMARY KEY (child_id, decom),
  CHECK (dec IS NULL OR dec >= decom)
);
CREATE INDEX la_episode_dates ON la_episode (decom, dec);

-- SSDA903 Missing (looked after) plus children missing from home (looked_after = false),
-- with the return home interview from the case system.
CREATE TABLE missing_episode (
  child_id          text NOT NULL REFERENCES child ON DELETE CASCADE,
  mis_start         date NOT NULL,
  missing           char(1) NOT NULL CHECK (missing IN ('M', 'A')),
  mis_end           date,
  looked_after      boolean NOT NULL,
  start_time        time,                   -- case system, for patterns by time of day
  rhi_offered       date,
  rhi_completed     date,
  rhi_declined      date,                   -- child declined or avoided the interview
  exploitation_risk text NOT NULL DEFAULT 'NONE' CHECK (exploitation_risk IN ('NONE', 'CSE', 'CCE', 'BOTH')),
  themes            text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (child_id, mis_start),
  CHECK (mis_end IS NULL OR mis_end >= mis_start)
);
CREATE INDEX missing_episode_start ON missing_episode (mis_start);
CREATE INDEX missing_episode_end ON missing_episode (mis_end);

-- SSDA903 OC3: care leavers' information around their 17th to 21st birthdays, per collection
-- year (fy = financial year starting 1 April, 2024 = 2024-25).
CREATE TABLE oc3 (
  child_id  text NOT NULL REFERENCES child ON DELETE CASCADE,
  fy        smallint NOT NULL,
  in_touch  text NOT NULL,
  activ     text,
  accom     text,
  PRIMARY KEY (child_id, fy)
);

-- Dated care-leaver activity from the case system, so NEET spells have a start and an end.
CREATE TABLE leaver_activity (
  child_id   text NOT NULL REFERENCES child ON DELETE CASCADE,
  start_date date NOT NULL,
  end_date   date,
  activ      text NOT NULL,                 -- 903 ACTIV code; G4, G5, G6 are NEET
  PRIMARY KEY (child_id, start_date),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX leaver_activity_dates ON leaver_activity (start_date, end_date);

-- EHCP requests: SEN2 Requests, Assessment and NamedPlan items (SEN2 element names, snake_case),
-- plus the milestones SEN2 does not hold (draft plan date, reason for a 20-week exception).
CREATE TABLE ehcp_request (
  request_id              text PRIMARY KEY,
  person_id               text NOT NULL,    -- the case system's pseudonymous id for the child
  person_birth_date       date NOT NULL,
  sex                     char(1) CHECK (sex IN ('M', 'F', 'U')),
  received_date           date NOT NULL,
  request_outcome_date    date,
  request_outcome         char(1) NOT NULL DEFAULT 'A' CHECK (request_outcome IN ('Y', 'N', 'A', 'W', 'H')),
  assessment_outcome_date date,
  assessment_outcome      char(1) CHECK (assessment_outcome IN ('Y', 'N', 'A', 'W', 'H')),
  week20                  boolean NOT NULL DEFAULT false,  -- "20-week time limit exceptions apply"
  exception_reason        text,
  draft_plan_date         date,
  start_date              date,             -- NamedPlan StartDate: the final plan was issued
  sen_type                text,             -- primary need (SENtype rank 1)
  CHECK (request_outcome_date IS NULL OR request_outcome_date >= received_date),
  CHECK (start_date IS NULL OR start_date >= received_date)
);
CREATE INDEX ehcp_request_received ON ehcp_request (received_date);
CREATE INDEX ehcp_request_start ON ehcp_request (start_date);

CREATE TABLE ehcp_advice (
  request_id     text NOT NULL REFERENCES ehcp_request ON DELETE CASCADE,
  partner        text NOT NULL CHECK (partner IN ('health', 'social_care', 'educational_psychology', 'education')),
  requested_date date NOT NULL,
  received_date  date,
  PRIMARY KEY (request_id, partner),
  CHECK (received_date IS NULL OR received_date >= requested_date)
);
CREATE INDEX ehcp_advice_requested ON ehcp_advice (requested_date);

-- Children's Services Strategy: priorities and their actions, with every RAG change kept.
CREATE TABLE priority (
  priority_id  text PRIMARY KEY,
  title        text NOT NULL,
  description  text NOT NULL DEFAULT '',
  sort_order   integer NOT NULL DEFAULT 0
);
CREATE TABLE strategy_action (
  action_id    text PRIMARY KEY,
  priority_id  text NOT NULL REFERENCES priority,
  title        text NOT NULL,
  owner        text NOT NULL,
  due_date     date,
  status       text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'complete')),
  rag          text CHECK (rag IN ('red', 'amber', 'green')),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE action_update (
  id           bigserial PRIMARY KEY,
  action_id    text NOT NULL REFERENCES strategy_action ON DELETE CASCADE,
  at           timestamptz NOT NULL DEFAULT now(),
  by_user      text NOT NULL,
  rag          text CHECK (rag IN ('red', 'amber', 'green')),
  status       text NOT NULL,
  comment      text NOT NULL DEFAULT ''
);
CREATE INDEX action_update_action ON action_update (action_id, at);

-- Actions agreed at Overview and Scrutiny Committee meetings.
CREATE TABLE committee_action (
  committee_action_id text PRIMARY KEY,
  meeting_date date NOT NULL,
  committee    text NOT NULL,
  item         text NOT NULL,
  action       text NOT NULL,
  responsible  text NOT NULL,
  due_date     date,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  response     text NOT NULL DEFAULT '',
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Indicator values per period. Recomputed after each import; earlier periods stay as history.
CREATE TABLE indicator_value (
  indicator_id  text NOT NULL,
  period_type   text NOT NULL CHECK (period_type IN ('month', 'quarter', 'year')),
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  numerator     double precision,
  denominator   double precision,
  value         double precision,
  rag           text CHECK (rag IN ('red', 'amber', 'green')),
  computed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period_type, period_start)
);

-- England, regional and statistical-neighbour figures, loaded from published tables.
CREATE TABLE benchmark (
  indicator_id  text NOT NULL,
  area          text NOT NULL,
  fy            smallint NOT NULL,
  value         double precision NOT NULL,
  PRIMARY KEY (indicator_id, area, fy)
);

-- Officer narrative for an indicator in a period, for the committee report.
CREATE TABLE narrative (
  indicator_id  text NOT NULL,
  period_type   text NOT NULL,
  period_start  date NOT NULL,
  body          text NOT NULL,
  updated_by    text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period_type, period_start)
);

-- Every import attempt, accepted or rejected, with its per-row errors.
CREATE TABLE import_run (
  id           bigserial PRIMARY KEY,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  by_user      text NOT NULL,
  files        jsonb NOT NULL,
  status       text NOT NULL CHECK (status IN ('running', 'accepted', 'rejected')),
  rows         integer NOT NULL DEFAULT 0,
  errors       jsonb NOT NULL DEFAULT '[]'
);
