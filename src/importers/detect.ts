// Which table a file holds, from its header row alone (names matched without regard to case or
// order; extra or missing columns mean the wrong file).
import type { TableSpec } from './spec.ts';
import { TABLES } from './tables/index.ts';

const norm = (s: string) => s.trim().toLowerCase();

export function detectTable(header: readonly string[]): TableSpec<unknown> | null {
  const names = new Set(header.map(norm));
  if (names.size !== header.length) return null;
  return TABLES.find((t) => t.columns.length === names.size && t.columns.every((c) => names.has(norm(c)))) ?? null;
}

/** Why a header matches no table, naming the nearest table when there is one. */
export function explainHeader(header: readonly string[]): string {
  const names = header.map(norm);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) return `The header row names a column more than once: ${[...new Set(repeated)].join(', ')}.`;
  let best: { spec: TableSpec<unknown>; shared: number } | null = null;
  for (const spec of TABLES) {
    const shared = spec.columns.filter((c) => names.includes(norm(c))).length;
    if (!best || shared > best.shared) best = { spec, shared };
  }
  if (best && best.shared * 2 >= best.spec.columns.length) {
    const missing = best.spec.columns.filter((c) => !names.includes(norm(c)));
    const extra = header.filter((h) => !best.spec.columns.some((c) => norm(c) === norm(h)));
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unexpected ${extra.join(', ')}` : ''].filter(Boolean);
    return `The header row looks like ${best.spec.label} but has ${parts.join(' and ')}.`;
  }
  return `The header row does not match any known table (${TABLES.map((t) => t.label).join(', ')}).`;
}
