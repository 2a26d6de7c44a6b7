// Reading the generator's output back for the tests: small files, parsed whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export type Row = Record<string, string>;

export function readCsv(dir: string, file: string): { header: string[]; rows: Row[] } {
  const text = readFileSync(join(dir, file), 'utf8');
  const header = (text.slice(0, text.indexOf('\n')) || '').split(',');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Row[];
  return { header, rows };
}

/** DD/MM/YYYY to YYYY-MM-DD (comparable as text); blank stays blank. */
export function iso(dfe: string | undefined): string {
  if (!dfe) return '';
  return `${dfe.slice(6, 10)}-${dfe.slice(3, 5)}-${dfe.slice(0, 2)}`;
}
