-- Ofsted's Annex A SEND lists (src/importers/annexA/send-lists.ts): List 1, children and young
-- people with an EHC plan; List 2, those on SEN support. Kept as the ILACS lists are (migration
-- 130): a list is a snapshot, so importing it replaces it; a row's cells as jsonb by column key.
CREATE TABLE annex_a_send_row (
  list      smallint NOT NULL CHECK (list BETWEEN 1 AND 2),
  row_no    integer NOT NULL,
  child_id  text NOT NULL,
  data      jsonb NOT NULL,
  PRIMARY KEY (list, row_no)
);
CREATE INDEX annex_a_send_row_child ON annex_a_send_row (child_id, list);

CREATE TABLE annex_a_send_import (
  list         smallint PRIMARY KEY CHECK (list BETWEEN 1 AND 2),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  rows         integer NOT NULL
);
