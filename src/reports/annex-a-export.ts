// The Annex A lists for regional sharing with degraded identifiers, as London's pooled data does:
// a date of birth is moved to the first of its month, a postcode cut to its sector ("AB1 2CD" ->
// "AB1 2"), child, adopter and family ids replaced by a hash keyed with the council's own salt (the
// same child gets the same hash in every list, and no other council can reverse or match it), and
// staff names left out; the Annex A SEND lists likewise, their UPN and ULN hashed too. One CSV
// per list (the CLI), or one workbook with a sheet per list (the Inspection page), Ofsted's
// headings. The salt is read from a file on this machine, is never written anywhere, and no
// message names it.
import { statSync, readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { parseDate } from '../core/dates.ts';
import { writeWorkbook } from '../generate/annexA.ts';
import { ANNEX_A_LISTS, type AnnexAList } from '../importers/annexA/lists.ts';
import { ANNEX_A_SEND_LISTS } from '../importers/annexA/send-lists.ts';
import type { Store } from '../store/open.ts';
import { annexAListSizes, annexARecords } from '../store/queries/annexA.ts';

type Cell = string | number | boolean | null;

/** Columns holding an identifier: hashed (a pupil's UPN and a learner's ULN as well as the case system's ids). */
const ID_COLUMNS = new Set(['child_id', 'adopter_id', 'family_id', 'upn', 'uln']);
/** Columns naming a member of staff: left out of a shared export. */
const STAFF_COLUMNS = new Set(['worker', 'personal_adviser']);
/** Hex characters of the keyed hash kept (64 bits: no collision among a region's children). */
const HASH_CHARS = 16;
/** A salt shorter than this could be guessed, and every hash reversed by trying the ids. */
export const MIN_SALT_LENGTH = 16;

export class SaltError extends Error {}

export function hashedId(id: string, salt: string): string {
  return createHmac('sha256', salt).update(id).digest('hex').slice(0, HASH_CHARS);
}

/** A UK postcode's sector: the outward code and the first digit of the inward code. */
export function postcodeSector(postcode: string): string {
  const p = postcode.toUpperCase().replace(/\s+/g, '');
  return p.length > 3 ? `${p.slice(0, -3)} ${p.slice(-3, -2)}` : '';
}

/** A date of birth as the first of its month; anything not a date is left out (never passed on as written). */
function birthMonth(value: Cell): Cell {
  const d = typeof value === 'string' ? parseDate(value) : null;
  return d ? `${d.slice(0, 8)}01` : null;
}

export function degradedCell(key: string, value: Cell, salt: string): Cell {
  if (value === null || value === '') return value;
  if (ID_COLUMNS.has(key)) return hashedId(String(value), salt);
  if (key === 'birth_date') return birthMonth(value);
  if (key.endsWith('postcode')) return postcodeSector(String(value));
  return value;
}

function checkSalt(salt: string): void {
  if (salt.length < MIN_SALT_LENGTH) throw new SaltError(`The council's salt must be at least ${MIN_SALT_LENGTH} characters (MIN_SALT_LENGTH): a short one could be guessed and the ids recovered.`);
}

/** The columns a shared export keeps (staff names left out). */
export function sharedColumns(list: AnnexAList): AnnexAList['columns'] {
  return list.columns.filter((c) => !STAFF_COLUMNS.has(c.key));
}

/** One list's rows degraded, each as its shared columns' values. */
export function degradedRows(list: AnnexAList, rows: readonly Record<string, Cell>[], salt: string): Cell[][] {
  checkSalt(salt);
  const columns = sharedColumns(list);
  return rows.map((r) => columns.map((c) => degradedCell(c.key, r[c.key] ?? null, salt)));
}

/** One list's rows as a degraded CSV (staff columns left out, yes/no as Y and N). */
export function degradedListCsv(list: AnnexAList, rows: readonly Record<string, Cell>[], salt: string): string {
  const body = degradedRows(list, rows, salt).map((r) => r.map((v) => (typeof v === 'boolean' ? (v ? 'Y' : 'N') : v)));
  return stringify([sharedColumns(list).map((c) => c.name), ...body]);
}

/**
 * The council's salt from its file: the file must be readable by its owner only (as the data
 * directory is), and the salt long enough. Messages name the file, never its content.
 */
export function readSaltFile(path: string): string {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new SaltError(`The salt file ${path} cannot be read: create it with a long random line (e.g. \`openssl rand -hex 32 > ${path}; chmod 600 ${path}\`).`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SaltError(`The salt file ${path} can be read by others than its owner: run \`chmod 600 ${path}\`. Anyone with the salt can match the shared ids back to children.`);
  }
  const salt = readFileSync(path, 'utf8').trim();
  if (salt.length < MIN_SALT_LENGTH) throw new SaltError(`The salt file ${path} holds fewer than ${MIN_SALT_LENGTH} characters (MIN_SALT_LENGTH): a short salt could be guessed and the ids recovered.`);
  return salt;
}

export interface ExportedList {
  list: AnnexAList;
  /** A file name for the list's CSV ("annex_a_list_03.csv", "annex_a_send_list_01.csv"). */
  fileName: string;
  /** The sheet it goes on in the workbook ("List 3", "SEND List 1"). */
  sheet: string;
  rows: Record<string, Cell>[];
  /** The stored (not hashed) ids of the children the list is about, for the audit log. */
  childIds: string[];
}

const FAMILIES = [
  { family: 'ilacs', lists: ANNEX_A_LISTS, prefix: '' },
  { family: 'send', lists: ANNEX_A_SEND_LISTS, prefix: 'send_' },
] as const;

/**
 * The stored lists, ILACS then SEND, as they are to be shared (an imported list with no rows as
 * its headings). Lists never imported are left out.
 */
export async function annexAExport(store: Store): Promise<ExportedList[]> {
  const out: ExportedList[] = [];
  for (const { family, lists, prefix } of FAMILIES) {
    const [records, imported] = await Promise.all([annexARecords(store, lists.map((l) => l.list), family), annexAListSizes(store, family)]);
    for (const list of lists) {
      if (!imported.some((i) => i.list === list.list)) continue;
      const mine = records.filter((r) => r.list === list.list);
      const n = String(list.list).padStart(2, '0');
      out.push({ list, fileName: `annex_a_${prefix}list_${n}.csv`, sheet: `${prefix ? 'SEND ' : ''}List ${list.list}`, rows: mine.map((r) => r.data), childIds: mine.map((r) => r.childId) });
    }
  }
  return out;
}

/** The degraded lists as one workbook (a sheet per list, dates as date cells), written to `out`. */
export function writeDegradedWorkbook(out: Writable, lists: readonly ExportedList[], salt: string): Promise<void> {
  checkSalt(salt);
  return writeWorkbook(out, (wb) => {
    for (const { list, rows, sheet } of lists) {
      const columns = sharedColumns(list);
      const ws = wb.addWorksheet(sheet);
      ws.columns = columns.map((c) => ({ header: c.name, width: 18, style: c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {} }));
      for (const values of degradedRows(list, rows, salt)) {
        ws.addRow(values.map((v, i) => (columns[i]!.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : typeof v === 'boolean' ? (v ? 'Y' : 'N') : v))).commit();
      }
      ws.commit();
    }
  });
}
