-- Pre-proceedings (the Public Law Outline) with family group decision making, from the 2026-27
-- CIN census: one row per PreProceedingsandFGDM group of a referral (CINdetails) in cin_referral.
-- Census item names are in the comments. Pre-proceedings has ended once the step decision is made
-- or care proceedings are applied for.
CREATE TABLE cin_pre_proceedings (
  la_child_id            text NOT NULL,
  referral_date          date NOT NULL,
  start_date             date NOT NULL,               -- PPStartDate
  lbp_sent_date          date,                        -- LBPSentDate (letter before proceedings)
  fgdm_offered           boolean,                     -- FGDMMeetingOffer
  fgdm_facilitated       boolean,                     -- FGDMMeetingFac
  initial_meeting_date   date,                        -- InitialPPMeetingDate
  review_meetings        integer CHECK (review_meetings >= 0),  -- ReviewMeetingsCount
  step_decision_date     date,                        -- StepDecisionDate
  outcome                text,                        -- PPOutcome
  court_application_date date,                        -- CourtAppDate
  letter_initiating_date date,                        -- LetterInitCPDate
  PRIMARY KEY (la_child_id, referral_date, start_date),
  FOREIGN KEY (la_child_id, referral_date) REFERENCES cin_referral ON DELETE CASCADE
);
CREATE INDEX cin_pre_proceedings_dates ON cin_pre_proceedings (start_date, step_decision_date, court_application_date);
