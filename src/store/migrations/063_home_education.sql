-- Elective home education register (docs/formats.md): one row per spell on the register. A child
-- can come off (back to school, moved away) and return later as a new spell. Engaged and the
-- social care and SEN status are the register's current view of the child, not a history.
CREATE TABLE ehe_registration (
  child_id       text NOT NULL,             -- the education case system's pseudonymous id
  start_date     date NOT NULL,             -- the day the child came on the register
  dob            date NOT NULL,
  sex            char(1) CHECK (sex IN ('M', 'F', 'U')),
  end_date       date,                      -- the day the child came off the register
  end_reason     text,                      -- why: SCHOOL, MOVED, AGE, CME, OTHER
  reason         text NOT NULL,             -- primary reason for home education (DfE EHE categories)
  engaged        boolean NOT NULL,          -- the family engages with the EHE team
  social_care    text NOT NULL DEFAULT 'NONE' CHECK (social_care IN ('NONE', 'CIN', 'CP', 'CLA')),
  sen            char(1) NOT NULL DEFAULT 'N' CHECK (sen IN ('N', 'K', 'E')),  -- school census SEN provision
  PRIMARY KEY (child_id, start_date),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE INDEX ehe_registration_dates ON ehe_registration (start_date, end_date);
