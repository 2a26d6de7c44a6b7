-- Pages are kept per store version (server/plugins/page-cache.ts): what officers edit on the web
-- (the action plan, committee actions, narratives and commentary) moves the version too, not
-- only imports and recomputes, so a second server or process sees the edit within a second.
CREATE TRIGGER priority_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON priority
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER strategy_action_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON strategy_action
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER action_update_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON action_update
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER committee_action_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_action
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER narrative_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON narrative
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER commentary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commentary
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER case_audit_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_audit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
