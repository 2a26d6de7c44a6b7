-- Incremental recompute (issue 17): which tables the figures read have changed since the figures
-- were last computed, so a recompute after an import redoes only the indicators that read them
-- (src/store/indicator-tables.ts derives which tables each indicator reads). Every write to such a
-- table, by an import or otherwise, notes the table with a new change number in its own
-- transaction; a recompute forgets exactly the notes it read (a table written again meanwhile has a
-- new number and stays noted). A table an indicator reads must have the trigger (a test checks).
CREATE SEQUENCE figure_change_no;
CREATE TABLE figure_changed_table (
  table_name  text PRIMARY KEY,
  change_no   bigint NOT NULL
);

CREATE FUNCTION note_figure_table_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figure_changed_table (table_name, change_no) VALUES (TG_TABLE_NAME, nextval('figure_change_no'))
    ON CONFLICT (table_name) DO UPDATE SET change_no = excluded.change_no;
  RETURN NULL;
END $$;

-- What the stored figures were computed for: the "as of" date and the definitions (a digest).
-- A recompute for another date or other definitions redoes every indicator; null (a store from
-- before this migration, whose changes were not noted) does too.
ALTER TABLE figure_freshness ADD COLUMN figures_basis text;

CREATE TRIGGER child_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON child
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER child_population_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON child_population
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER cin_assessment_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cin_assessment
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER cin_cp_plan_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cin_cp_plan
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER cin_cp_review_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cin_cp_review
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER cin_referral_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cin_referral
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER cin_section47_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cin_section47
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER early_help_episode_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON early_help_episode
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER ehcp_advice_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ehcp_advice
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER ehcp_request_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ehcp_request
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER ehe_registration_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ehe_registration
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER la_episode_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON la_episode
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER leaver_activity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON leaver_activity
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER missing_episode_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON missing_episode
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER oc3_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON oc3
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER voice_feedback_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON voice_feedback
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
CREATE TRIGGER workforce_month_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workforce_month
  FOR EACH STATEMENT EXECUTE FUNCTION note_figure_table_changed();
