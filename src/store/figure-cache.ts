// Indicator results kept in memory between requests, so pages and the API do not recompute them.
// Every entry belongs to one store version (migration 070: a counter bumped in the transaction of
// every import, indicator computation and benchmark load), read from the database, so a write by
// this process or any other PostgreSQL client empties the cache for the next reader.
import { sql } from 'kysely';
import type { Store } from './open.ts';

/** Entries kept per store; the oldest go first (the keys are few: periods, indicators, breakdowns). */
const MAX_ENTRIES = 2000;

interface StoreCache {
  version: string | null;
  entries: Map<string, Promise<unknown>>;
  /** The version read in flight, shared by every caller that asks while it runs. */
  reading: Promise<string> | null;
}

const caches = new WeakMap<Store, StoreCache>();

function cacheOf(store: Store): StoreCache {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { version: null, entries: new Map(), reading: null }));
  return c;
}

/** The store's current version: one single-row read, shared by concurrent callers. */
export function storeVersion(store: Store): Promise<string> {
  const c = cacheOf(store);
  c.reading ??= sql<{ version: string }>`SELECT version::text AS version FROM store_version`
    .execute(store.db)
    .then((r) => r.rows[0]?.version ?? '0')
    .finally(() => (c.reading = null));
  return c.reading;
}

/**
 * The result of `compute` for `key` at the store's current version: computed once, then shared
 * (the same object) by every later caller until the version changes. Callers must not mutate it.
 * A failed computation is not kept.
 */
export async function cached<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await storeVersion(store);
  const c = cacheOf(store);
  if (c.version !== version) {
    c.version = version;
    c.entries.clear();
  }
  const hit = c.entries.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const entries = c.entries;
  const result = compute();
  entries.set(key, result);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  result.catch(() => entries.get(key) === result && entries.delete(key));
  return result;
}
