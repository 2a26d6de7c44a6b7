-- The date each indicator value was worked out to. Before the period's last day the period was
-- still running: the figure covers only part of it, and pages label it "to <date>" and compare a
-- count with the same part of the previous period. Null for values computed before this column.
ALTER TABLE indicator_value ADD COLUMN as_of date;
