-- Front door: the CIN census CINdetails (one row per referral of a child) and Assessments, with
-- the child population for rates per 10,000 children. Census item names are in the comments.

CREATE TABLE cin_referral (
  la_child_id        text NOT NULL,                  -- LAchildID
  referral_date      date NOT NULL,                  -- CINreferralDate
  person_birth_date  date,                           -- PersonBirthDate (blank for an unborn child)
  gender             char(1) NOT NULL CHECK (gender IN ('0', '1', '2', '9')),  -- GenderCurrent
  ethnicity          text,                           -- Ethnicity
  referral_source    text NOT NULL,                  -- ReferralSource (census code, e.g. 6 police)
  local_source       text,                           -- case-system sub-code, e.g. FIRE under 8
  primary_need       text,                           -- PrimaryNeedCode N0-N9
  referral_nfa       boolean NOT NULL,               -- ReferralNFA: no further action on the referral
  closure_date       date,                           -- CINclosureDate
  closure_reason     text,                           -- ReasonForClosure RC1-RC8
  PRIMARY KEY (la_child_id, referral_date),
  CHECK (closure_date IS NULL OR closure_date >= referral_date)
);
CREATE INDEX cin_referral_date ON cin_referral (referral_date);

-- Assessments of a referral. due_date is the 45th working day after the start (England and
-- Wales bank holidays, src/core/cin.ts), worked out on import so the SQL needs no calendar.
CREATE TABLE cin_assessment (
  la_child_id         text NOT NULL,
  referral_date       date NOT NULL,
  start_date          date NOT NULL,                 -- AssessmentActualStartDate
  review_date         date,                          -- AssessmentInternalReviewDate
  authorisation_date  date,                          -- AssessmentAuthorisationDate
  factors             text[] NOT NULL DEFAULT '{}',  -- AssessmentFactors
  due_date            date NOT NULL,
  PRIMARY KEY (la_child_id, referral_date, start_date),
  FOREIGN KEY (la_child_id, referral_date) REFERENCES cin_referral ON DELETE CASCADE,
  CHECK (start_date >= referral_date),
  CHECK (authorisation_date IS NULL OR authorisation_date >= start_date)
);
CREATE INDEX cin_assessment_dates ON cin_assessment (authorisation_date, start_date);

-- Children aged 0 to 17 living in the area (ONS mid-year estimate for `year`, used for the
-- financial year starting that April).
CREATE TABLE child_population (
  year        smallint PRIMARY KEY,
  population  integer NOT NULL CHECK (population > 0)
);
