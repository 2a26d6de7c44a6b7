// The SSDA903 return as the XML that case systems export (root EXPSSDA903), laid out as the open
// 903 validator reads it (data-to-insight/csc-validator-be-903, lac_validator/ingress.py, MIT):
// one CHILD per child, holding a HEADER and its EPISODEs. The HEADER's own fields are the Header
// table's, plus those of the tables a child has one row of a year (UASC, OC3, AD1); elements in
// the HEADER hold one row each of the other tables (AREVIEW, AMISSING, OC2, PERMANENCE,
// AD_PLACED). Field elements are named as the CSV columns, but for CHILDID (CHILD) and PL (PLACE).
// The validator's XML has no SWEpisodes or DoLo: those come as CSV. Pure data, shared by the
// importer (importers/xml/ssda903.ts) and the generator's writer (generate/ssda903Xml.ts).

export const SSDA903_ROOT = 'EXPSSDA903';

/** The element of a CSV column. */
export function xmlNameOf(column: string): string {
  return column === 'CHILD' ? 'CHILDID' : column === 'PLACE' ? 'PL' : column;
}

/** The HEADER's own fields, in the order written. */
export const HEADER_FIELDS = [
  'CHILDID', 'UPN', 'SEX', 'DOB', 'ETHNIC', 'UASC', 'DUC', 'IN_TOUCH', 'ACTIV', 'ACCOM',
  'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR', 'MOTHER', 'MC_DOB',
] as const;

/**
 * Tables read from the HEADER's own fields (importer table ids), each with the field whose value
 * says the child has a row of it (none: every child has a Header row). UASC's own flag is UASC.
 */
export const HEADER_TABLES: readonly { table: string; when: string | null }[] = [
  { table: 'header', when: null },
  { table: 'uasc', when: 'UASC' },
  { table: 'oc3', when: 'IN_TOUCH' },
  { table: 'ad1', when: 'DATE_INT' },
];

/** Elements holding one row each, by where they sit, with the table (importer id) of the row. */
export const ROW_ELEMENTS = {
  CHILD: { EPISODE: 'episodes' },
  HEADER: { AREVIEW: 'reviews', AMISSING: 'missing', OC2: 'oc2', PERMANENCE: 'prev_perm', AD_PLACED: 'placed_adoption' },
} as const satisfies Record<string, Record<string, string>>;

/** Columns a row element leaves to its child's HEADER. */
export const FROM_HEADER = new Set(['CHILD', 'SEX', 'DOB']);
