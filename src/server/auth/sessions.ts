// Server-side sessions. The cookie holds a random 256-bit token; the table holds only its SHA-256,
// so reading the table (a backup, a query log) does not hand out live sessions. A session ends
// after IDLE_MINUTES without a request or ABSOLUTE_HOURS after sign-in, whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../core/access.ts';
import type { Store } from '../../store/open.ts';

export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 8;
/** last_seen_at is refreshed at most this often, so browsing does not write on every request. */
const TOUCH_SECONDS = 60;

export interface Session {
  username: string;
  role: Role;
  csrfSecret: string;
}

const ts = (d: Date) => sql<string>`${d.toISOString()}::timestamptz`;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session and returns the cookie token; expired sessions are swept at the same time. */
export async function createSession(store: Store, username: string, now: Date): Promise<{ token: string; csrfSecret: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfSecret = randomBytes(24).toString('base64url');
  await store.db.deleteFrom('session').where(expired(now)).execute();
  await store.db
    .insertInto('session')
    .values({ id: hashToken(token), username, csrf_secret: csrfSecret, created_at: ts(now), last_seen_at: ts(now) })
    .execute();
  return { token, csrfSecret };
}

function expired(now: Date) {
  return sql<boolean>`(session.last_seen_at <= ${ts(now)} - make_interval(mins => ${IDLE_MINUTES}::int)
    OR session.created_at <= ${ts(now)} - make_interval(hours => ${ABSOLUTE_HOURS}::int))`;
}

/** The live session for a cookie token at `now` (and marks it used), or undefined. */
export async function findSession(store: Store, token: string, now: Date): Promise<Session | undefined> {
  return (await lookUp(store, token, now))?.session;
}

interface Found {
  session: Session;
  /** When the session ends unless used again (idle) or anyway (absolute), epoch ms. */
  endsAt: number;
  /** When last_seen_at is next due a refresh, epoch ms. */
  touchAt: number;
}

const epochMs = (column: string) => sql<number>`(extract(epoch FROM ${sql.ref(column)}) * 1000)::float8`;

async function lookUp(store: Store, token: string, now: Date): Promise<Found | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const id = hashToken(token);
  const row = await store.db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.username', 'session.username')
    .select(['session.username', 'app_user.role', 'session.csrf_secret'])
    .select(sql<boolean>`session.last_seen_at <= ${ts(now)} - make_interval(secs => ${TOUCH_SECONDS}::int)`.as('stale'))
    .select([epochMs('session.created_at').as('created_ms'), epochMs('session.last_seen_at').as('seen_ms')])
    .where('session.id', '=', id)
    .where('app_user.disabled', '=', false)
    .where(sql<boolean>`NOT ${expired(now)}`)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.stale) await store.db.updateTable('session').set({ last_seen_at: ts(now) }).where('id', '=', id).execute();
  const seen = row.stale ? now.getTime() : Number(row.seen_ms);
  return {
    session: { username: row.username, role: row.role, csrfSecret: row.csrf_secret },
    endsAt: Math.min(Number(row.created_ms) + ABSOLUTE_HOURS * 3_600_000, seen + IDLE_MINUTES * 60_000),
    touchAt: seen + TOUCH_SECONDS * 1000,
  };
}

// Requests look sessions up through a cache of at most CACHE_MS per token (keyed by its hash), so a
// burst of requests from one person costs one database read a second. Expiry is still checked on
// every request against the caller's clock, and the idle-timeout refresh still happens (a cached
// entry due one goes back to the database). Sign-out and password resets in this process drop the
// entries at once; a session ended by another process (the CLI, a second server on PostgreSQL, a
// user disabled in the database) can still be used here for up to CACHE_MS.
export const CACHE_MS = 1000;
const MAX_CACHED = 5000;

interface Cached {
  found: Promise<Found | undefined>;
  /** performance.now() when read: the cache's age runs on real time, not the injected clock. */
  at: number;
  /** Whose session it is, once read. */
  username?: string;
}

const caches = new WeakMap<Store, Map<string, Cached>>();

function cacheOf(store: Store): Map<string, Cached> {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = new Map()));
  return c;
}

/** findSession for requests: the same answer, read from the database at most once per CACHE_MS. */
export async function currentSession(store: Store, token: string, now: Date): Promise<Session | undefined> {
  const cache = cacheOf(store);
  const id = hashToken(token);
  const at = performance.now();
  const hit = cache.get(id);
  if (hit && at - hit.at < CACHE_MS) {
    const found = await hit.found;
    const t = now.getTime();
    if (found && t < found.endsAt && t < found.touchAt) return found.session;
    if (!found || t >= found.endsAt) return undefined;
  }
  // Missing, old or due a touch: read again, shared by every request that arrives meanwhile.
  if (cache.size >= MAX_CACHED) for (const [key, c] of cache) if (at - c.at >= CACHE_MS) cache.delete(key);
  const entry: Cached = { found: lookUp(store, token, now), at };
  cache.set(id, entry);
  const found = await entry.found.catch((e: unknown) => {
    if (cache.get(id) === entry) cache.delete(id);
    throw e;
  });
  entry.username = found?.session.username;
  if (!found && cache.get(id) === entry) cache.delete(id);
  return found?.session;
}

/** Ends a session (and drops it from this process's cache). */
export async function endSession(store: Store, token: string): Promise<void> {
  const id = hashToken(token);
  cacheOf(store).delete(id);
  await store.db.deleteFrom('session').where('id', '=', id).execute();
}

/** Signs someone out everywhere, e.g. after a password reset. */
export async function endUserSessions(store: Store, username: string): Promise<void> {
  const cache = cacheOf(store);
  // An entry still being read (no username yet) may be theirs too: drop it as well.
  for (const [id, c] of cache) if (c.username === undefined || c.username === username) cache.delete(id);
  await store.db.deleteFrom('session').where('username', '=', username).execute();
}
