-- An SSDA903 return replaces its collection year (src/importers/annual.ts): each stored row of an
-- annual table records the collection years (financial year start, 2024 = 2024-25) whose returns
-- held it, so re-importing a year removes that year's rows the new file lacks and leaves other
-- years' rows alone. An episode open across 31 March is in two years' returns, and is removed only
-- when neither holds it. Rows stored before this migration of the dated tables have no years
-- (null): no year's replacement removes them. The tables with fy already belong to that year.
ALTER TABLE la_episode ADD COLUMN returns smallint[];
ALTER TABLE missing_episode ADD COLUMN returns smallint[];
ALTER TABLE la_review ADD COLUMN returns smallint[];
ALTER TABLE placed_adoption ADD COLUMN returns smallint[];
ALTER TABLE sw_episode ADD COLUMN returns smallint[];
ALTER TABLE dolo ADD COLUMN returns smallint[];
ALTER TABLE oc3 ADD COLUMN returns smallint[];
ALTER TABLE uasc ADD COLUMN returns smallint[];
ALTER TABLE oc2 ADD COLUMN returns smallint[];
ALTER TABLE ad1 ADD COLUMN returns smallint[];
ALTER TABLE prev_perm ADD COLUMN returns smallint[];
UPDATE oc3 SET returns = ARRAY[fy];
UPDATE uasc SET returns = ARRAY[fy];
UPDATE oc2 SET returns = ARRAY[fy];
UPDATE ad1 SET returns = ARRAY[fy];
UPDATE prev_perm SET returns = ARRAY[fy];

-- A row's years once the years `replaced` are imported again and the new files hold it in
-- `returned`: the stored years outside those replaced, and those returned, in order.
CREATE FUNCTION return_years(stored smallint[], replaced smallint[], returned smallint[]) RETURNS smallint[]
  LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}')
      FROM unnest(array_cat(ARRAY(SELECT y FROM unnest(stored) y WHERE y <> ALL (replaced)), returned)) x
  $$;

-- What an accepted run did to each annual table: [{ table, years, added, changed, removed }].
ALTER TABLE import_run ADD COLUMN changes jsonb NOT NULL DEFAULT '[]';
