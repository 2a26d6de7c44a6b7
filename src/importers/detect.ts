// Which table a file holds, from its header row alone (names matched without regard to case or
// order; extra or missing columns mean the wrong file, though a table's optional columns may be absent).
import type { TableSpec } from './spec.ts';
import { TABLES } from './tables/index.ts';

const norm = (s: string) => s.trim().toLowerCase();

export function detectTable(header: readonly string[]): TableSpec<unknown> | null {
  const names = new Set(header.map(norm));
  if (names.size !== header.length) return null;
  const exact = TABLES.find((t) => t.columns.every((c) => names.has(norm(c))) && [...names].every((n) => ownColumns(t).has(n)));
  return exact ?? TABLES.find((t) => t.recognise?.(header)) ?? null;
}

/** A table's columns, required and optional, as matched. */
function ownColumns(spec: TableSpec<unknown>): Set<string> {
  return new Set([...spec.columns, ...(spec.optionalColumns ?? [])].map(norm));
}

/** Why a header matches no table, naming the nearest table when there is one. */
export function explainHeader(header: readonly string[]): string {
  // Sets throughout: the header may be long (limits.ts bounds it; this stays linear anyway).
  const names = new Set<string>();
  const repeated = new Set<string>();
  for (const n of header.map(norm)) (names.has(n) ? repeated : names).add(n);
  if (repeated.size) return `The header row names a column more than once: ${[...repeated].join(', ')}.`;
  // The nearest table shares the most columns (UASC's four are mostly the Header's), then the largest part of its own.
  let best: { spec: TableSpec<unknown>; share: number; shared: number } | null = null;
  for (const spec of TABLES) {
    const shared = spec.columns.filter((c) => names.has(norm(c))).length;
    const share = shared / spec.columns.length;
    if (!best || shared > best.shared || (shared === best.shared && share > best.share)) best = { spec, share, shared };
  }
  if (best && best.share >= 0.5) {
    const own = ownColumns(best.spec);
    const missing = best.spec.columns.filter((c) => !names.has(norm(c)));
    const extra = header.filter((h) => !own.has(norm(h)));
    const parts = [missing.length ? `is missing ${missing.join(', ')}` : '', extra.length ? `has unexpected columns ${extra.join(', ')}` : ''].filter(Boolean);
    return `The header row looks like ${best.spec.label} but ${parts.join(' and ')}.`;
  }
  return `The header row does not match any known table (${TABLES.map((t) => t.label).join(', ')}).`;
}
