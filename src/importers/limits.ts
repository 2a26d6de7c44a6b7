// How big a file's parts may be, and the pre-flight that checks a file's first line against them
// before anything else reads it. A hostile file (a header of a million columns, a 9 MB line) is
// refused from a few KiB of its start, before any per-column work and before the run takes the
// store. Limits are on the text as read, after decoding (encoding.ts).
import { open } from 'node:fs/promises';
import { decodeHead, sniffEncoding, type Encoding } from './encoding.ts';
import type { ImportError, ImportFile } from './types.ts';
import { isXmlFile } from './xml/parse-xml.ts';

/** Columns of a header or row: the widest table has 14; the margin lets a nearly right file be explained. */
export const MAX_COLUMNS = 200;
/** Bytes (UTF-8) of one line or one record: a row of the widest table, every text at its longest, is under 20 KiB. */
export const MAX_LINE_BYTES = 64 << 10;
/** Characters of one field: the longest text any table accepts is 5,000 characters. */
export const MAX_FIELD_CHARS = 8 << 10;
/** Rows of one file: the national benchmark's biggest file (EHCP advice) has about 2.9 million. */
export const MAX_ROWS = 10_000_000;

const kib = (n: number) => `${n >> 10} KiB`;

/** A file broken in a way that stops it being read further: a limit passed, or its encoding. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly rule: 'limit' | 'encoding',
    readonly field = '',
  ) {
    super(message);
  }
}

export const lineTooLong = (line: number) =>
  new InputError(`Line ${line} is longer than ${kib(MAX_LINE_BYTES)}, the limit for one line (MAX_LINE_BYTES); is this the right file?`, line, 'limit');
export const recordTooLong = (row: number) =>
  new InputError(`Row ${row} is longer than ${kib(MAX_LINE_BYTES)}, the limit for one row (MAX_LINE_BYTES); a quoted cell may be missing its closing quote.`, row, 'limit');
export const tooManyColumns = (row: number, n: number) =>
  new InputError(`Row ${row} has ${n.toLocaleString('en-GB')} columns; at most ${MAX_COLUMNS} are read (MAX_COLUMNS; the widest table has 14).`, row, 'limit');
export const fieldTooLong = (row: number, field: string) =>
  new InputError(`This cell is longer than ${MAX_FIELD_CHARS.toLocaleString('en-GB')} characters, the limit for one cell (MAX_FIELD_CHARS).`, row, 'limit', field);
export const tooManyRows = () =>
  new InputError(`The file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows, the limit for one file (MAX_ROWS); split it.`, MAX_ROWS + 1, 'limit');

/** An error of the run's list from a file's InputError. */
export function inputError(file: ImportFile, e: InputError): ImportError {
  return { file: file.name, row: e.row, field: e.field, rule: e.rule, message: `${file.name}: ${e.message}` };
}

/** Bytes read for the pre-flight: a whole first line at the limit, in UTF-16 (two bytes a character), and a character more. */
const HEAD_BYTES = MAX_LINE_BYTES * 2 + 4;

async function headOf(file: ImportFile): Promise<{ head: Buffer; whole: boolean }> {
  if (file.content !== undefined) {
    const all = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    return { head: all.subarray(0, HEAD_BYTES), whole: all.length <= HEAD_BYTES };
  }
  if (!file.path) throw new Error(`${file.name} has neither a path nor content.`);
  const fd = await open(file.path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES + 1);
    const { bytesRead } = await fd.read(head, 0, head.length, 0);
    return { head: head.subarray(0, Math.min(bytesRead, HEAD_BYTES)), whole: bytesRead <= HEAD_BYTES };
  } finally {
    await fd.close();
  }
}

/** Fields of a CSV line, counted without building them (quotes respected). */
function countFields(line: string): number {
  let n = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 44 && !quoted) n++;
  }
  return n;
}

/**
 * The file's encoding, once its first line is known to be within the limits. Throws an
 * InputError for a line or header past them; errors of the file system are thrown as they are.
 */
export async function preflight(file: ImportFile): Promise<Encoding> {
  const { head, whole } = await headOf(file);
  const encoding = sniffEncoding(head, whole);
  // An XML return is read element by element with its own limits (xml/tree.ts), not by lines.
  if (isXmlFile(file.name)) return encoding;
  const text = decodeHead(head, encoding);
  const end = text.indexOf('\n');
  if (end === -1 && !whole) throw lineTooLong(1);
  const line = end === -1 ? text : text.slice(0, end);
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) throw lineTooLong(1);
  const columns = countFields(line);
  if (columns > MAX_COLUMNS) throw tooManyColumns(1, columns);
  return encoding;
}
