-- Children's social care workforce, one row per team and month (docs/formats.md). Names follow
-- the DfE's Children's social work workforce collection: FTE in post (employed), agency FTE,
-- vacancies FTE, starters and leavers FTE, cases and case-holding FTE. Stock figures are the
-- position at the end of the month (or on the day the file was made, for the month in progress);
-- starters and leavers are those in the month.
CREATE TABLE workforce_month (
  month               date NOT NULL CHECK (extract(day FROM month) = 1),  -- first day of the month
  team                text NOT NULL,
  employed_fte        double precision NOT NULL CHECK (employed_fte >= 0),
  agency_fte          double precision NOT NULL CHECK (agency_fte >= 0),
  vacant_fte          double precision NOT NULL CHECK (vacant_fte >= 0),
  starters_fte        double precision NOT NULL CHECK (starters_fte >= 0),
  leavers_fte         double precision NOT NULL CHECK (leavers_fte >= 0),
  cases               integer NOT NULL CHECK (cases >= 0),
  case_holding_fte    double precision NOT NULL CHECK (case_holding_fte >= 0),
  training_required   integer NOT NULL CHECK (training_required >= 0),
  training_completed  integer NOT NULL CHECK (training_completed >= 0 AND training_completed <= training_required),
  PRIMARY KEY (month, team)
);
CREATE INDEX workforce_month_team ON workforce_month (team, month);
