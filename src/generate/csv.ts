// Streams CSV rows to disk. Rows are buffered and flushed synchronously in large blocks: national
// scale writes millions of rows, so holding a table in memory, or queueing async writes without
// back-pressure, would not fit.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { fromEpochDay, toDfeDate } from '../core/dates.ts';

const FLUSH_AT = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

export type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Text streamed to a file in large blocks; `rows` counts what the writer calls a row. */
export class TextWriter {
  rows = 0;
  private fd: number;
  private buffer = '';

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  text(s: string): void {
    this.buffer += s;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

export class CsvWriter extends TextWriter {
  constructor(path: string, header: readonly string[]) {
    super(path);
    this.text(`${header.join(',')}\n`);
  }

  write(values: readonly Cell[]): void {
    this.text(`${values.map(cell).join(',')}\n`);
    this.rows++;
  }
}

const dfeCache = new Map<number, string>();

/** An epoch day as the DfE's DD/MM/YYYY; null stays blank. */
export function dfe(day: number | null): string | null {
  if (day === null) return null;
  let s = dfeCache.get(day);
  if (s === undefined) {
    s = toDfeDate(fromEpochDay(day));
    dfeCache.set(day, s);
  }
  return s;
}
