-- Queries of an import run: findings of the DfE's query rules (CIN census codes ending Q), which
-- ask the council to amend an item or give a reason. They are listed with the run, accepted or
-- rejected, and do not refuse it (src/importers/run.ts).
ALTER TABLE import_run ADD COLUMN queries jsonb NOT NULL DEFAULT '[]';
