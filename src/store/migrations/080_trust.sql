-- Import runs whose process died, and figures that lag the data (issue 12).
-- 'failed': the process running the import stopped before finishing (nothing of it was stored).
-- pid and host say which process ran it, for the message.
ALTER TABLE import_run DROP CONSTRAINT import_run_status_check;
ALTER TABLE import_run ADD CONSTRAINT import_run_status_check CHECK (status IN ('running', 'accepted', 'rejected', 'failed'));
ALTER TABLE import_run ADD COLUMN pid integer, ADD COLUMN host text;

-- Whether the indicator figures were computed from the data as it is now. An accepted import
-- bumps data_version in its own transaction (the trigger below), so a crash before the recompute
-- leaves the figures marked stale rather than silently out of step; computing them records the
-- data_version read before it started. Stale figures are recomputed when a store is served
-- (src/store/fresh-figures.ts).
CREATE TABLE figure_freshness (
  one              boolean PRIMARY KEY DEFAULT true CHECK (one),
  data_version     bigint NOT NULL,
  figures_version  bigint NOT NULL
);
-- A store left by that crash before this migration: data imported, no figures.
INSERT INTO figure_freshness (data_version, figures_version)
  SELECT CASE WHEN EXISTS (SELECT 1 FROM import_run WHERE status = 'accepted') AND NOT EXISTS (SELECT 1 FROM indicator_value) THEN 1 ELSE 0 END, 0;

CREATE FUNCTION mark_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE figure_freshness SET data_version = data_version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER import_run_stale AFTER UPDATE OF status ON import_run
  FOR EACH ROW WHEN (NEW.status = 'accepted' AND OLD.status IS DISTINCT FROM 'accepted')
  EXECUTE FUNCTION mark_figures_stale();
