// COPY text for bulk loads, in its own module (no database client) so the importer's parse
// workers can serialise rows without loading the store.

/** A CSV line for COPY ... WITH (FORMAT csv): null is an unquoted empty field. */
export function copyLine(values: readonly unknown[]): string {
  // A plain loop: this runs for every imported row.
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    const v = values[i];
    if (v === null || v === undefined) continue;
    const s = typeof v === 'string' ? v : Array.isArray(v) ? pgArray(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    line += s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`;
  }
  return line + '\n';
}

function pgArray(values: unknown[]): string {
  return `{${values.map((v) => `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
