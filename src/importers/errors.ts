// Errors of a run: the first few hundred are kept for the report, all are counted.
import type { ImportError } from './types.ts';

export const MAX_ERRORS = 500;

export class ErrorList {
  readonly items: ImportError[] = [];
  count = 0;

  add(e: ImportError): void {
    this.count += 1;
    if (this.items.length < MAX_ERRORS) this.items.push(e);
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
