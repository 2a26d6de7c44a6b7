-- Each officer's save of a committee action (who answers, by when, status, response to the
-- committee), kept: a later save changes the register but never loses what was written before.
CREATE TABLE committee_action_update (
  id                  bigserial PRIMARY KEY,
  committee_action_id text NOT NULL REFERENCES committee_action ON DELETE CASCADE,
  at                  timestamptz NOT NULL DEFAULT now(),
  by_user             text NOT NULL,
  responsible         text NOT NULL,
  due_date            date,
  status              text NOT NULL,
  response            text NOT NULL DEFAULT ''
);
CREATE INDEX committee_action_update_action ON committee_action_update (committee_action_id, at);
CREATE TRIGGER committee_action_update_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_action_update
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
