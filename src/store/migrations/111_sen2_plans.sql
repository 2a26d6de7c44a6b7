-- What the SEN2 return (child-level XML since 2023) says about a plan once issued: the setting
-- named in it (NamedPlan PlanDetail or ActivePlans PlacementDetail of PlacementRank 1), when and
-- why it ceased (CeaseDate, CeaseReason) and the date of its last annual review (LastReview).
-- Case-system CSV leaves them blank; the SEN2 XML (or its CSV layout) fills them.
ALTER TABLE ehcp_request ADD COLUMN sen_setting text;
ALTER TABLE ehcp_request ADD COLUMN cease_date date;
ALTER TABLE ehcp_request ADD COLUMN cease_reason text;
ALTER TABLE ehcp_request ADD COLUMN last_review date;
ALTER TABLE ehcp_request ADD CONSTRAINT ehcp_request_cease CHECK (cease_date IS NULL OR start_date IS NULL OR cease_date >= start_date);
CREATE INDEX ehcp_request_person_received ON ehcp_request (person_id, received_date);
