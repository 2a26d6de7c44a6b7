// Streams a CSV file in batches of records, so a file is never held in memory whole and the
// importer does not pay a promise per record.
import { createReadStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { EncodingError, toUtf8, type Encoding } from './encoding.ts';
import { InputError, MAX_LINE_BYTES, MAX_ROWS, lineTooLong, recordTooLong, tooManyRows } from './limits.ts';
import type { ImportFile } from './types.ts';

export interface CsvRecord {
  values: string[];
  /** Spreadsheet row (header = 1; blank lines count, a quoted line break does not). */
  row: number;
}

export function fileSize(file: ImportFile): number {
  if (file.content !== undefined) return Buffer.byteLength(file.content);
  return file.path ? statSync(file.path).size : 0;
}

/** Pieces an in-memory file is read in, so the parser takes it a piece at a time as from disk. */
const PIECE = 64 << 10;

function source(file: ImportFile): Readable {
  if (file.content !== undefined) {
    const all = Buffer.from(file.content);
    return Readable.from(Array.from({ length: Math.ceil(all.length / PIECE) }, (_, i) => all.subarray(i * PIECE, (i + 1) * PIECE)));
  }
  if (!file.path) throw new Error(`${file.name} has neither a path nor content.`);
  return createReadStream(file.path);
}

/** Records read between turns of the event loop given to other work. */
const TURN_RECORDS = 10_000;

/** A blank line: csv-parse gives it as one empty field. */
const isBlank = (values: string[]) => values.length === 1 && values[0] === '';

/**
 * A file's bytes as checked UTF-8 (encoding.ts), each line within MAX_LINE_BYTES; `onBytes` hears
 * how many bytes each read carried. Line ends are found with indexOf, which costs a call a line.
 */
function guard(encoding: Encoding, onBytes: (n: number) => void): Transform {
  const utf8 = toUtf8(encoding);
  let line = 1;
  let lineBytes = 0;
  const scan = (b: Buffer) => {
    for (let pos = 0; ; ) {
      const nl = b.indexOf(10, pos);
      lineBytes += (nl === -1 ? b.length : nl) - pos;
      if (lineBytes > MAX_LINE_BYTES) throw lineTooLong(line);
      if (nl === -1) return b;
      line += 1;
      lineBytes = 0;
      pos = nl + 1;
    }
  };
  const pass = (read: () => Buffer, done: (e: Error | null, b?: Buffer) => void) => {
    try {
      done(null, scan(read()));
    } catch (e) {
      if (!(e instanceof EncodingError)) return done(e as Error);
      let at = line;
      for (let i = e.before.indexOf(10); i !== -1; i = e.before.indexOf(10, i + 1)) at++;
      done(new InputError(e.describe(at), at, 'encoding'));
    }
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      pass(() => utf8.chunk(chunk), done);
    },
    flush(done) {
      pass(() => utf8.end(), done);
    },
  });
}

interface ParserApi {
  state: { record: unknown[]; expectedRecordLength: number };
  __onRecord(this: ParserApi, ...args: unknown[]): unknown;
}

/**
 * csv-parse (7.0) builds an error (a stack and deep copies of its options) for every record whose
 * width differs from the first, even when told to let it pass: 0.15 ms a record, so a 50 MB upload
 * of blank lines or one-cell rows took hours. Widths are checked in parse-file.ts, so the parser
 * is told, as each record ends, that it has the width expected. (An accessor on the parser's state
 * did the same but slowed every byte's work by half.)
 */
function agreeWidths(parser: Parser): void {
  const api = (parser as unknown as { api: ParserApi }).api;
  const onRecord = api.__onRecord;
  api.__onRecord = function (...args) {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.apply(this, args);
  };
}

/**
 * Records of a file, a batch (what the parser has ready) at a time, without blank lines.
 * `onBytes` hears how many bytes each chunk read carried. Blank lines are parsed as records and
 * counted here rather than skipped by the parser, which keeps row numbers without asking the
 * parser for per-record information (a costly object per record).
 */
export async function* readCsv(file: ImportFile, encoding: Encoding, onBytes: (n: number) => void): AsyncGenerator<CsvRecord[]> {
  const counter = guard(encoding, onBytes);
  // max_record_size counts the characters of a record's fields (quoted line breaks included).
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: MAX_LINE_BYTES });
  agreeWidths(parser);
  const input = source(file);
  input.on('error', (e) => parser.destroy(e));
  counter.on('error', (e) => parser.destroy(e));
  let failed: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => wake?.();
  parser.on('readable', signal);
  parser.on('end', () => ((ended = true), signal()));
  parser.on('error', (e) => ((failed = e), signal()));
  input.pipe(counter).pipe(parser);
  let row = 0;
  let sinceTurn = 0;
  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let values: string[] | null;
      while ((values = parser.read() as string[] | null) !== null) {
        if (++row > MAX_ROWS) throw tooManyRows();
        if (!isBlank(values)) batch.push({ values, row });
        if (++sinceTurn >= TURN_RECORDS) break;
      }
      if (sinceTurn >= TURN_RECORDS) {
        sinceTurn = 0;
        // A file in memory never waits on I/O: let a web server's other requests in.
        await new Promise(setImmediate);
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (values !== null) continue;
      if (failed) throw (failed as { code?: string }).code === 'CSV_MAX_RECORD_SIZE' ? recordTooLong(row + 1) : failed;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    input.destroy();
  }
}
