// Who a family's EHCP letters go to: the parent or carer's name and postal address from the case
// system's export. Personal data, read here for the letters only (officers with view_child_records):
// no page, paper, export or log reads this table.
import type { Store } from './open.ts';

export interface EhcpContact {
  name: string | null;
  /** The postal address, a line each (blank lines left out); empty when none is recorded. */
  address: string[];
}

/** The contacts recorded for these requests, by request; a request with none is absent. */
export async function ehcpContacts(store: Store, requestIds: readonly string[]): Promise<Map<string, EhcpContact>> {
  if (requestIds.length === 0) return new Map();
  const rows = await store.db.selectFrom('ehcp_contact').selectAll().where('request_id', 'in', [...requestIds]).execute();
  return new Map(
    rows.map((r) => [
      r.request_id,
      { name: r.parent_name, address: [r.address_line1, r.address_line2, r.town, r.postcode].filter((l): l is string => l !== null && l.trim() !== '') },
    ]),
  );
}
