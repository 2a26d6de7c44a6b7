-- A counter that changes whenever the figures the pages show could change: an import finishing,
-- indicator values being written, benchmarks loaded. Caches of indicator results are keyed on it
-- (src/store/figure-cache.ts). It is a row, not a sequence, so a reader sees the new number only
-- once the writing transaction has committed, and a server process sees another's writes.
-- Any other table that feeds an indicator and is written outside an import needs the same trigger.
CREATE TABLE store_version (
  one      boolean PRIMARY KEY DEFAULT true CHECK (one),
  version  bigint NOT NULL
);
INSERT INTO store_version (version) VALUES (0);

CREATE FUNCTION bump_store_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_version SET version = version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER indicator_value_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_value
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER benchmark_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmark
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
-- An accepted import commits its data with the run's final status.
CREATE TRIGGER import_run_version AFTER UPDATE ON import_run
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
