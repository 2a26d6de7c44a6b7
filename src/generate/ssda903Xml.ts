// The synthetic SSDA903 return as the XML case systems export (layout in core/ssda903-xml.ts):
// a year's tables, as the generator writes them in CSV, become one EXPSSDA903 document with a
// CHILD per Header row, so a test can import the same data both ways and compare.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FROM_HEADER, HEADER_FIELDS, HEADER_TABLES, ROW_ELEMENTS, SSDA903_ROOT, xmlNameOf } from '../core/ssda903-xml.ts';

/** A table's rows keyed by CSV column (upper case), by the importer's table id. */
export type Tables903 = Record<string, Record<string, string>[]>;

/** The CSV files of one return folder that the XML holds, by the importer's table id. */
const FILE_TABLES: Record<string, string> = {
  'header.csv': 'header', 'episodes.csv': 'episodes', 'missing.csv': 'missing', 'oc3.csv': 'oc3', 'uasc.csv': 'uasc', 'oc2.csv': 'oc2',
  'ad1.csv': 'ad1', 'reviews.csv': 'reviews', 'placed_for_adoption.csv': 'placed_adoption', 'previous_permanence.csv': 'prev_perm',
};

/** The importer's table id of a return folder's CSV file (by its name), or undefined when the XML does not hold it. */
export const tableOfFile = (name: string): string | undefined => FILE_TABLES[name.toLowerCase()];

const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const element = (name: string, v: string | undefined) => (v ? `<${name}>${escape(v)}</${name}>` : `<${name} />`);

/** The fields of a row as elements (those its HEADER holds left out), named as the XML names them. */
function fieldsOf(row: Record<string, string>): string {
  return Object.entries(row)
    .filter(([c]) => !FROM_HEADER.has(c))
    .map(([c, v]) => element(xmlNameOf(c), v))
    .join('');
}

/** The XML of one year's return. */
export function ssda903Xml(tables: Tables903): string {
  const byChild = (table: string) => {
    const m = new Map<string, Record<string, string>[]>();
    for (const row of tables[table] ?? []) m.set(row.CHILD!, [...(m.get(row.CHILD!) ?? []), row]);
    return m;
  };
  const groups = new Map([...HEADER_TABLES.map((t) => t.table), ...Object.values(ROW_ELEMENTS).flatMap((e) => Object.values(e))].map((t) => [t, byChild(t)]));
  const out = [`<?xml version="1.0" encoding="UTF-8"?>\n<${SSDA903_ROOT}>\n`];
  for (const h of tables.header ?? []) {
    const rowsOf = (table: string) => groups.get(table)!.get(h.CHILD!) ?? [];
    // The HEADER's own fields: the Header's, then those of the child's UASC, OC3 and AD1 rows.
    const own: Record<string, string> = { ...h, UASC: rowsOf('uasc').length ? '1' : '' };
    for (const { table } of HEADER_TABLES.slice(1)) Object.assign(own, rowsOf(table)[0] ?? {});
    let header = HEADER_FIELDS.map((f) => element(f, own[f === 'CHILDID' ? 'CHILD' : f])).join('');
    for (const [name, table] of Object.entries(ROW_ELEMENTS.HEADER)) for (const row of rowsOf(table)) header += `<${name}>${fieldsOf(row)}</${name}>`;
    const episodes = Object.entries(ROW_ELEMENTS.CHILD).flatMap(([name, table]) => rowsOf(table).map((row) => `<${name}>${fieldsOf(row)}</${name}>`));
    out.push(`<CHILD><HEADER>${header}</HEADER>${episodes.join('')}</CHILD>\n`);
  }
  out.push(`</${SSDA903_ROOT}>\n`);
  return out.join('');
}

/** The XML of a return folder the generator wrote (ssda903_YYYY/*.csv). */
export function ssda903XmlOfFolder(dir: string): string {
  const tables: Tables903 = {};
  for (const name of readdirSync(dir)) {
    const table = tableOfFile(name);
    if (!table) continue;
    tables[table] = parse(readFileSync(join(dir, name), 'utf8'), { columns: (h: string[]) => h.map((c) => c.trim().toUpperCase()), skip_empty_lines: true, bom: true });
  }
  return ssda903Xml(tables);
}
