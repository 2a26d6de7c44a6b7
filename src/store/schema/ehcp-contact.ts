// Kysely's view of the EHCP parent or carer contact table (its migration in ../migrations/200_ehcp_contact.sql).

export interface EhcpContactTable {
  request_id: string;
  parent_name: string | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
}

export interface EhcpContactTables {
  ehcp_contact: EhcpContactTable;
}
