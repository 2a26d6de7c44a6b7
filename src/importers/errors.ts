// Errors of a run: all are counted; the first MAX_REPORTED_ERRORS are kept for the report (its
// summary and download, report.ts), and the first MAX_ERRORS of those shown with the result.
import type { ImportError } from './types.ts';

/** Errors shown with a result and kept on its import_run row: a page or terminal can take this many. */
export const MAX_ERRORS = 500;

/**
 * Errors kept for a run's report and download. A return with errors on every row of a national
 * file would otherwise hold millions in memory; this many (some 30 MB) is enough to fix from.
 */
export const MAX_REPORTED_ERRORS = 100_000;

export class ErrorList {
  readonly items: ImportError[] = [];
  count = 0;

  add(e: ImportError): void {
    this.count += 1;
    if (this.items.length < MAX_REPORTED_ERRORS) this.items.push(e);
  }

  /** Adds `total` errors of which only `shown` are listed. */
  addCounted(shown: ImportError[], total: number): void {
    for (const e of shown) this.add(e);
    this.count += total - shown.length;
  }
}

/** Thrown inside the transaction so that a run with errors stores nothing. */
export class Rejected extends Error {
  constructor() {
    super('The import was rejected');
  }
}

/** The errors as a plain-text table, for the command line. */
export function formatErrors(errors: readonly ImportError[], total = errors.length): string {
  const head = ['File', 'Row', 'Field', 'Rule', 'Message'];
  const rows = errors.map((e) => [e.file, e.row ? String(e.row) : '', e.field, e.rule, e.message]);
  const widths = head.slice(0, 4).map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)).concat('-------')), ...rows.map(line)];
  if (total > errors.length) out.push(`... and ${total - errors.length} more (${total} errors in all)`);
  return out.join('\n');
}
