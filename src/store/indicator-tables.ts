// Which stored tables each indicator reads, derived once from its row source's SQL: every table
// the migrations create whose name appears in the SQL as a word. A name can match more than it
// reads (never less), so an indicator is at worst recomputed when it need not be. Incremental
// recompute (indicators.ts) recomputes only the indicators reading a table that changed.
import type { IndicatorDefinition } from '../core/indicators/index.ts';
import { INDICATORS } from '../core/indicators/index.ts';
import { migrationFiles, migrationText } from './migrate.ts';

let known: readonly string[] | null = null;

/** Every table the migrations create. */
export function storedTables(): readonly string[] {
  if (!known) {
    const names = new Set<string>();
    for (const file of migrationFiles()) {
      for (const m of migrationText(file).matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi)) names.add(m[1]!.toLowerCase());
    }
    known = [...names].sort();
  }
  return known;
}

const readsCache = new Map<string, readonly string[]>();

/** The stored tables a definition's row source reads (its SQL and its `since` query). */
export function tablesRead(def: IndicatorDefinition): readonly string[] {
  let tables = readsCache.get(def.id);
  if (!tables) {
    const text = def.source.kind === 'snapshot' ? `${def.source.sql}\n${def.source.since ?? ''}` : def.source.sql;
    tables = storedTables().filter((t) => new RegExp(`\\b${t}\\b`, 'i').test(text));
    readsCache.set(def.id, tables);
  }
  return tables;
}

/** Every table some indicator reads: the tables whose changes migration 140 records. */
export function tablesReadByIndicators(): string[] {
  return [...new Set(INDICATORS.flatMap(tablesRead))].sort();
}

/** The indicators that read any of `tables`. */
export function indicatorsReading(tables: Iterable<string>): IndicatorDefinition[] {
  const changed = new Set(tables);
  return INDICATORS.filter((def) => tablesRead(def).some((t) => changed.has(t)));
}
