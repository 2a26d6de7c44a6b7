-- Officer commentary on an indicator for the committee paper of a reporting period, in versions:
-- an officer (or anyone who may draft) writes a version, a manager who did not write it approves
-- it, and the paper prints the latest approved version. Versions are never changed or deleted
-- except for their approval, so the history shows who wrote and who approved each word.
CREATE TABLE commentary (
  indicator_id  text NOT NULL,
  period_type   text NOT NULL,
  period_start  date NOT NULL,
  version       integer NOT NULL CHECK (version >= 1),
  body          text NOT NULL,
  drafted_by    text NOT NULL,
  drafted_at    timestamptz NOT NULL DEFAULT now(),
  approved_by   text,
  approved_at   timestamptz,
  PRIMARY KEY (indicator_id, period_type, period_start, version),
  CHECK (approved_by IS NULL OR approved_by <> drafted_by)
);
