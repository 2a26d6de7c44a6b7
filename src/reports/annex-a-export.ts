// The Annex A lists for regional sharing with degraded identifiers, as London's pooled data does:
// a date of birth is moved to the first of its month, a postcode cut to its sector ("AB1 2CD" ->
// "AB1 2"), child, adopter and family ids replaced by a hash keyed with the council's own salt (the
// same child gets the same hash in every list, and no other council can reverse or match it), and
// staff names left out. One CSV per list, Ofsted's headings.
import { createHmac } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { AnnexAList } from '../importers/annexA/lists.ts';

type Cell = string | number | boolean | null;

/** Columns holding an identifier: hashed. */
const ID_COLUMNS = new Set(['child_id', 'adopter_id', 'family_id']);
/** Columns naming a member of staff: left out of a shared export. */
const STAFF_COLUMNS = new Set(['worker', 'personal_adviser']);
/** Hex characters of the keyed hash kept (64 bits: no collision among a region's children). */
const HASH_CHARS = 16;
/** A salt shorter than this could be guessed, and every hash reversed by trying the ids. */
export const MIN_SALT_LENGTH = 16;

export function hashedId(id: string, salt: string): string {
  return createHmac('sha256', salt).update(id).digest('hex').slice(0, HASH_CHARS);
}

/** A UK postcode's sector: the outward code and the first digit of the inward code. */
export function postcodeSector(postcode: string): string {
  const p = postcode.toUpperCase().replace(/\s+/g, '');
  return p.length > 3 ? `${p.slice(0, -3)} ${p.slice(-3, -2)}` : '';
}

export function degradedCell(key: string, value: Cell, salt: string): Cell {
  if (value === null || value === '') return value;
  if (ID_COLUMNS.has(key)) return hashedId(String(value), salt);
  if (key === 'birth_date' && typeof value === 'string') return `${value.slice(0, 8)}01`;
  if (key.endsWith('postcode') && typeof value === 'string') return postcodeSector(value);
  return value;
}

/** One list's rows as a degraded CSV (staff columns left out). */
export function degradedListCsv(list: AnnexAList, rows: readonly Record<string, Cell>[], salt: string): string {
  if (salt.length < MIN_SALT_LENGTH) throw new Error(`The council's salt must be at least ${MIN_SALT_LENGTH} characters (MIN_SALT_LENGTH): a short one could be guessed and the ids recovered.`);
  const columns = list.columns.filter((c) => !STAFF_COLUMNS.has(c.key));
  const body = rows.map((r) => columns.map((c) => {
    const v = degradedCell(c.key, r[c.key] ?? null, salt);
    return typeof v === 'boolean' ? (v ? 'Y' : 'N') : v;
  }));
  return stringify([columns.map((c) => c.name), ...body]);
}

