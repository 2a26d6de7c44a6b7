// Indicator results kept in memory between requests, so pages and the API do not recompute them.
// Every entry belongs to one store version (migration 070: a counter bumped by triggers in the
// transaction of every import, indicator computation and benchmark load). The version is read
// from the database at most once a second, so a write by another process (a CLI import, a second
// server on PostgreSQL) is seen within a second; this process's own imports and computations
// forget the version at once (forgetVersion), so their results show on the next request.
import { sql } from 'kysely';
import type { Store } from './open.ts';

/** Entries kept per store; the oldest go first (the keys are few: periods, indicators, breakdowns). */
const MAX_ENTRIES = 2000;
/** How long a version read from the database is trusted. */
export const VERSION_MAX_AGE_MS = 1000;

interface StoreCache {
  /** The version the entries belong to. */
  version: string | null;
  entries: Map<string, Promise<unknown>>;
  /** The last version read and when (by `now`), or a read in flight shared by every caller. */
  known: { version: Promise<string>; at: number } | null;
  now: () => number;
}

const caches = new WeakMap<Store, StoreCache>();

function cacheOf(store: Store): StoreCache {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { version: null, entries: new Map(), known: null, now: () => performance.now() }));
  return c;
}

/** The store's version as last read (at most VERSION_MAX_AGE_MS ago), else read now. */
export function storeVersion(store: Store): Promise<string> {
  const c = cacheOf(store);
  const now = c.now();
  if (c.known && now - c.known.at < VERSION_MAX_AGE_MS) return c.known.version;
  const known = {
    at: now,
    version: sql<{ version: string }>`SELECT version::text AS version FROM store_version`.execute(store.db).then((r) => r.rows[0]?.version ?? '0'),
  };
  c.known = known;
  known.version.catch(() => c.known === known && (c.known = null));
  return known.version;
}

/** After this process has written figures or data: the next read asks the database again. */
export function forgetVersion(store: Store): void {
  cacheOf(store).known = null;
}

/** Tests: the clock that ages the version (milliseconds). */
export function setVersionClock(store: Store, now: () => number): void {
  const c = cacheOf(store);
  c.now = now;
  c.known = null;
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
