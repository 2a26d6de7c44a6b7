// Streams a CSV file in batches of records, so a file is never held in memory whole and the
// importer does not pay a promise per record.
import { createReadStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
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

function source(file: ImportFile): Readable {
  if (file.content !== undefined) return Readable.from([Buffer.from(file.content)]);
  if (!file.path) throw new Error(`${file.name} has neither a path nor content.`);
  return createReadStream(file.path);
}

/** A blank line: csv-parse gives it as one empty field. */
const isBlank = (values: string[]) => values.length === 1 && values[0] === '';

/**
 * Records of a file, a batch (what the parser has ready) at a time, without blank lines.
 * `onBytes` hears how many bytes each chunk read carried. Blank lines are parsed as records and
 * counted here rather than skipped by the parser, which keeps row numbers without asking the
 * parser for per-record information (a costly object per record).
 */
export async function* readCsv(file: ImportFile, onBytes: (n: number) => void): AsyncGenerator<CsvRecord[]> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const parser = parse({ bom: true, relax_column_count: true });
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
  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let values: string[] | null;
      while ((values = parser.read() as string[] | null) !== null) {
        row += 1;
        if (!isBlank(values)) batch.push({ values, row });
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failed) throw failed;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    input.destroy();
  }
}
