// Keeps the indicator figures in step with the data. An accepted import marks the figures stale
// in its own transaction (080_trust.sql); computeIndicators marks them fresh up to the data it
// read. Whatever stops between the two (a crash, a CLI import, a recompute that failed), the next
// process to serve figures recomputes them first, so pages never show figures that lag the data.
import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../core/dates.ts';
import { createHash } from 'node:crypto';
import { INDICATORS } from '../core/indicators/index.ts';
import { computeIndicators, HISTORY_MONTHS, type ComputeResult } from './indicators.ts';
import type { Store } from './open.ts';
import type { Database } from './schema.ts';

export async function dataVersionNow(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('figure_freshness').select('data_version').executeTakeFirstOrThrow();
  return Number(row.data_version);
}

/**
 * In the recompute's write transaction: the figures now reflect the data up to `dataVersion`, and
 * were computed for `basis` (figuresBasis; null: the next recompute redoes every indicator).
 */
export async function markFiguresFresh(db: Kysely<Database>, dataVersion: number, basis: string | null): Promise<void> {
  await db
    .updateTable('figure_freshness')
    .set({ figures_version: sql<number>`greatest(figures_version, ${dataVersion})`, figures_basis: basis })
    .execute();
}

/**
 * What figures computed now are computed for: the "as of" date, how far back periods are
 * recomputed and a digest of every definition. Figures of another basis may differ for every
 * indicator, so a recompute for a new basis is a full one.
 */
export function figuresBasis(asOf: IsoDate): string {
  const digest = createHash('sha256').update(JSON.stringify([HISTORY_MONTHS, INDICATORS])).digest('hex').slice(0, 16);
  return `${asOf} ${digest}`;
}

export async function storedBasis(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('figure_freshness').select('figures_basis').executeTakeFirstOrThrow();
  return row.figures_basis;
}

/** A table the figures read, written since they were computed (migration 140), with its change number. */
export interface TableChange {
  table_name: string;
  change_no: string;
}

export async function changedTables(db: Kysely<Database>): Promise<TableChange[]> {
  const { rows } = await sql<TableChange>`SELECT table_name, change_no::text AS change_no FROM figure_changed_table`.execute(db);
  return rows;
}

/** In the recompute's write transaction: forgets the changes it read (not those noted since). */
export async function forgetChanges(db: Kysely<Database>, changes: readonly TableChange[]): Promise<void> {
  for (const c of changes) {
    await sql`DELETE FROM figure_changed_table WHERE table_name = ${c.table_name} AND change_no::text = ${c.change_no}`.execute(db);
  }
}

/** Whether data has been imported since the figures were last computed. */
export async function figuresStale(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('figure_freshness').select(['data_version', 'figures_version']).executeTakeFirstOrThrow();
  return Number(row.data_version) > Number(row.figures_version);
}

const inFlight = new WeakMap<Store, Promise<ComputeResult | null>>();

/**
 * Recomputes the figures if they are stale (one recompute at a time per store: concurrent callers
 * share it). Returns what was computed, or null when they were fresh.
 */
export function refreshStaleFigures(store: Store, asOf?: IsoDate): Promise<ComputeResult | null> {
  const running = inFlight.get(store);
  if (running) return running;
  const refresh = (async () => ((await figuresStale(store.db)) ? computeIndicators(store, { asOf }) : null))();
  inFlight.set(store, refresh);
  const done = () => inFlight.get(store) === refresh && inFlight.delete(store);
  refresh.then(done, done);
  return refresh;
}
