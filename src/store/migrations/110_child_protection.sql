-- Child protection from the CIN census: CIN plans, section 47 enquiries with their initial child
-- protection conference (ICPC), child protection plans and their review conferences. Each belongs
-- to a referral (CINdetails) in cin_referral. Census item names are in the comments.

CREATE TABLE cin_plan (
  la_child_id    text NOT NULL,
  referral_date  date NOT NULL,
  start_date     date NOT NULL,                       -- CINPlanStartDate
  end_date       date,                                -- CINPlanEndDate
  PRIMARY KEY (la_child_id, referral_date, start_date),
  FOREIGN KEY (la_child_id, referral_date) REFERENCES cin_referral ON DELETE CASCADE,
  CHECK (end_date IS NULL OR end_date >= start_date)
);

-- icpc_due is the 15th working day after the strategy discussion (S47ActualStartDate; England
-- and Wales bank holidays, src/core/childProtection.ts), worked out on import.
CREATE TABLE cin_section47 (
  la_child_id       text NOT NULL,
  referral_date     date NOT NULL,
  start_date        date NOT NULL,                    -- S47ActualStartDate (the strategy discussion)
  icpc_target       date,                             -- InitialCPCtarget
  icpc_date         date,                             -- DateOfInitialCPC
  icpc_not_required boolean NOT NULL,                 -- ICPCnotRequired
  icpc_due          date NOT NULL,
  PRIMARY KEY (la_child_id, referral_date, start_date),
  FOREIGN KEY (la_child_id, referral_date) REFERENCES cin_referral ON DELETE CASCADE,
  CHECK (icpc_date IS NULL OR icpc_date >= start_date)
);
CREATE INDEX cin_section47_dates ON cin_section47 (start_date, icpc_date);

CREATE TABLE cin_cp_plan (
  la_child_id       text NOT NULL,
  referral_date     date NOT NULL,
  start_date        date NOT NULL,                    -- CPPstartDate
  end_date          date,                             -- CPPendDate
  initial_category  text NOT NULL,                    -- InitialCategoryOfAbuse
  latest_category   text NOT NULL,                    -- LatestCategoryOfAbuse
  previous_plans    integer NOT NULL CHECK (previous_plans >= 0),  -- NumberOfPreviousCPP
  PRIMARY KEY (la_child_id, referral_date, start_date),
  FOREIGN KEY (la_child_id, referral_date) REFERENCES cin_referral ON DELETE CASCADE,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX cin_cp_plan_dates ON cin_cp_plan (start_date, end_date);

CREATE TABLE cin_cp_review (
  la_child_id    text NOT NULL,
  referral_date  date NOT NULL,
  plan_start     date NOT NULL,                       -- the plan's CPPstartDate
  review_date    date NOT NULL,                       -- CPPreviewDate
  PRIMARY KEY (la_child_id, referral_date, plan_start, review_date),
  FOREIGN KEY (la_child_id, referral_date, plan_start) REFERENCES cin_cp_plan ON DELETE CASCADE
);
