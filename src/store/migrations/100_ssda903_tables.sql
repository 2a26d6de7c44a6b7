-- The SSDA903 tables beyond Header, Episodes, Missing and OC3 (docs/formats.md), each with the
-- key the importer upserts on. Tables reported once a year (UASC, OC2, AD1, PrevPerm) carry the
-- collection year fy (financial year start, 2024 = 2024-25); dated tables are keyed by their date.
-- The errors of every import run are kept in full (import_error), for the report and its download.

CREATE TABLE la_review (
  child_id     text NOT NULL REFERENCES child ON DELETE CASCADE,
  review       date NOT NULL,
  review_code  text,
  PRIMARY KEY (child_id, review)
);

CREATE TABLE uasc (
  child_id  text NOT NULL REFERENCES child ON DELETE CASCADE,
  fy        smallint NOT NULL,
  duc       date,                                -- date UASC status ceased (18th birthday at the latest)
  PRIMARY KEY (child_id, fy)
);

CREATE TABLE oc2 (
  child_id              text NOT NULL REFERENCES child ON DELETE CASCADE,
  fy                    smallint NOT NULL,
  sdq_score             smallint,
  sdq_reason            text,
  convicted             boolean,
  health_check          boolean,
  immunisations         boolean,
  teeth_check           boolean,
  health_assessment     boolean,
  substance_misuse      boolean,
  intervention_received boolean,
  intervention_offered  boolean,
  PRIMARY KEY (child_id, fy)
);

CREATE TABLE ad1 (
  child_id     text NOT NULL REFERENCES child ON DELETE CASCADE,
  fy           smallint NOT NULL,
  date_int     date,
  date_match   date,
  foster_care  boolean,
  nb_adoptr    smallint,
  sex_adoptr   text,
  ls_adoptr    text,
  PRIMARY KEY (child_id, fy)
);

CREATE TABLE placed_adoption (
  child_id              text NOT NULL REFERENCES child ON DELETE CASCADE,
  date_placed           date NOT NULL,
  date_placed_ceased    date,
  reason_placed_ceased  text,
  PRIMARY KEY (child_id, date_placed)
);

CREATE TABLE prev_perm (
  child_id   text NOT NULL REFERENCES child ON DELETE CASCADE,
  fy         smallint NOT NULL,
  prev_perm  text NOT NULL,
  la_perm    text,
  date_perm  text,                               -- DfE allows a partial date (e.g. zz/zz/2010)
  PRIMARY KEY (child_id, fy)
);

CREATE TABLE sw_episode (
  child_id   text NOT NULL REFERENCES child ON DELETE CASCADE,
  sw_decom   date NOT NULL,
  sw_id      text NOT NULL,
  sw_dec     date,
  sw_reason  text,
  PRIMARY KEY (child_id, sw_decom)
);

CREATE TABLE dolo (
  child_id    text NOT NULL REFERENCES child ON DELETE CASCADE,
  dolo_start  date NOT NULL,
  dolo_end    date,
  PRIMARY KEY (child_id, dolo_start)
);

CREATE TABLE import_error (
  run_id   bigint NOT NULL REFERENCES import_run ON DELETE CASCADE,
  n        integer NOT NULL,                    -- order in the report: causes before consequences
  file     text NOT NULL,
  row      integer NOT NULL,
  child    text,
  field    text NOT NULL,
  rule     text NOT NULL,
  message  text NOT NULL,
  vals     text,                                -- the values of the fields, as "FIELD=value; ..."
  PRIMARY KEY (run_id, n)
);

-- Header's MOTHER and MC_DOB, kept with the child (1 = the child is a mother).
ALTER TABLE child ADD COLUMN mother smallint CHECK (mother IN (0, 1));
ALTER TABLE child ADD COLUMN mc_dob date;

-- A check-only run (csinsight check, "check only" on the import page) validates and stores nothing.
ALTER TABLE import_run DROP CONSTRAINT import_run_status_check;
ALTER TABLE import_run ADD CONSTRAINT import_run_status_check CHECK (status IN ('running', 'accepted', 'rejected', 'failed', 'checked'));
