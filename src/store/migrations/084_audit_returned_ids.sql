-- Which records a response showed, not only the ids in its address: a list of 259 missing
-- children is logged with the 259 child ids. Keyed by kind of record, e.g.
-- {"child": ["C000123", ...], "ehcp_request": ["R1", ...]}; at most MAX_RETURNED_IDS ids are kept
-- (store/audit-log.ts) and returned_count says how many the response held, so a cut is visible.
ALTER TABLE audit_log ADD COLUMN returned_ids jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE audit_log ADD COLUMN returned_count integer NOT NULL DEFAULT 0;
