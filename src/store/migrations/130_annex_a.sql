-- Ofsted ILACS Annex A lists 1-11 (src/importers/annexA/lists.ts): each list is a snapshot the
-- case system produces for an inspection, so importing a list replaces that list. A row keeps its
-- cells as jsonb keyed by the column keys of the list spec (dates as ISO text), and the child (or,
-- for list 11, the adopter) it is about.
CREATE TABLE annex_a_row (
  list      smallint NOT NULL CHECK (list BETWEEN 1 AND 11),
  row_no    integer NOT NULL,
  child_id  text NOT NULL,
  data      jsonb NOT NULL,
  PRIMARY KEY (list, row_no)
);
CREATE INDEX annex_a_row_child ON annex_a_row (child_id, list);

-- When each list was last imported (an inspection pack says how fresh its lists are).
CREATE TABLE annex_a_import (
  list         smallint PRIMARY KEY CHECK (list BETWEEN 1 AND 11),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  rows         integer NOT NULL
);
