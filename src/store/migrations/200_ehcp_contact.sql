-- The parent or carer an EHCP request's letters go to, from the case system's export (optional
-- columns of the EHCP requests file). Personal data: kept apart from the request so that no
-- query for a page, paper or export reads it by accident; only the family letters (officers
-- only) do. A request with no contact recorded has no row here.
CREATE TABLE ehcp_contact (
  request_id    text PRIMARY KEY REFERENCES ehcp_request ON DELETE CASCADE,
  parent_name   text,
  address_line1 text,
  address_line2 text,
  town          text,
  postcode      text
);
CREATE TRIGGER ehcp_contact_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ehcp_contact
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
