// Streams a CSV file record by record, so a file is never held in memory whole.
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

/** Records of a file; `onBytes` hears how many bytes each chunk read carried. */
export async function* readCsv(file: ImportFile, onBytes: (n: number) => void): AsyncGenerator<CsvRecord> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
  const input = source(file);
  input.on('error', (e) => parser.destroy(e));
  counter.on('error', (e) => parser.destroy(e));
  input.pipe(counter).pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number; empty_lines: number } }>) {
      yield { values: record, row: info.records + info.empty_lines };
    }
  } finally {
    input.destroy();
  }
}
