// Keeps the indicator figures in step with the data. An accepted import marks the figures stale
// in its own transaction (080_trust.sql); computeIndicators marks them fresh up to the data it
// read. Whatever stops between the two (a crash, a CLI import, a recompute that failed), the next
// process to serve figures recomputes them first, so pages never show figures that lag the data.
import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../core/dates.ts';
import { computeIndicators } from './indicators.ts';
import type { Store } from './open.ts';
import type { Database } from './schema.ts';

export async function dataVersionNow(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('figure_freshness').select('data_version').executeTakeFirstOrThrow();
  return Number(row.data_version);
}

/** In the recompute's write transaction: the figures now reflect the data up to `dataVersion`. */
export async function markFiguresFresh(db: Kysely<Database>, dataVersion: number): Promise<void> {
  await db
    .updateTable('figure_freshness')
    .set({ figures_version: sql<number>`greatest(figures_version, ${dataVersion})` })
    .execute();
}

/** Whether data has been imported since the figures were last computed. */
export async function figuresStale(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('figure_freshness').select(['data_version', 'figures_version']).executeTakeFirstOrThrow();
  return Number(row.data_version) > Number(row.figures_version);
}

const inFlight = new WeakMap<Store, Promise<{ values: number; seconds: number } | null>>();

/**
 * Recomputes the figures if they are stale (one recompute at a time per store: concurrent callers
 * share it). Returns what was computed, or null when they were fresh.
 */
export function refreshStaleFigures(store: Store, asOf?: IsoDate): Promise<{ values: number; seconds: number } | null> {
  const running = inFlight.get(store);
  if (running) return running;
  const refresh = (async () => ((await figuresStale(store.db)) ? computeIndicators(store, { asOf }) : null))();
  inFlight.set(store, refresh);
  const done = () => inFlight.get(store) === refresh && inFlight.delete(store);
  refresh.then(done, done);
  return refresh;
}
