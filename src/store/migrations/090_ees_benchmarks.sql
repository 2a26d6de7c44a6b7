-- Official benchmarks (issue 15): figures published on Explore Education Statistics for England,
-- each region and each local authority, the council's own identity, and its statistical
-- neighbours per year. A published cell that is not a number keeps its symbol (c, x, z, low, :)
-- with a null value: it is never stored as 0.
CREATE TABLE ees_figure (
  indicator_id     text NOT NULL,
  mapping_id       text NOT NULL,
  time_period      integer NOT NULL,
  time_identifier  text NOT NULL,
  geographic_level text NOT NULL,
  -- E92000001 for England, the region's code, or the authority's new (E-) code.
  area_code        text NOT NULL,
  old_la_code      text,
  area_name        text NOT NULL,
  region_code      text,
  region_name      text,
  value            double precision,
  numerator        double precision,
  denominator      double precision,
  symbol           text,
  CHECK ((value IS NULL) = (symbol IS NOT NULL)),
  PRIMARY KEY (indicator_id, time_period, time_identifier, geographic_level, area_code)
);
CREATE INDEX ees_figure_authority ON ees_figure (geographic_level, area_code);

-- The authority this installation serves (one row): its codes as the DfE publishes them.
CREATE TABLE council_identity (
  one          boolean PRIMARY KEY DEFAULT true CHECK (one),
  old_la_code  text NOT NULL,
  new_la_code  text NOT NULL,
  name         text NOT NULL,
  updated_by   text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Ten statistical neighbours per authority, nearest first, as published for a year.
CREATE TABLE statistical_neighbour (
  year           smallint NOT NULL,
  la_code        text NOT NULL,
  neighbour_code text NOT NULL,
  rank           smallint NOT NULL CHECK (rank >= 1),
  PRIMARY KEY (year, la_code, rank),
  UNIQUE (year, la_code, neighbour_code)
);

CREATE TRIGGER ees_figure_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ees_figure
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER council_identity_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_identity
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER statistical_neighbour_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statistical_neighbour
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
