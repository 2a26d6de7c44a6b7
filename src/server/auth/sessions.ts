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
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const id = hashToken(token);
  const row = await store.db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.username', 'session.username')
    .select(['session.username', 'app_user.role', 'session.csrf_secret'])
    .select(sql<boolean>`session.last_seen_at <= ${ts(now)} - make_interval(secs => ${TOUCH_SECONDS}::int)`.as('stale'))
    .where('session.id', '=', id)
    .where('app_user.disabled', '=', false)
    .where(sql<boolean>`NOT ${expired(now)}`)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.stale) await store.db.updateTable('session').set({ last_seen_at: ts(now) }).where('id', '=', id).execute();
  return { username: row.username, role: row.role, csrfSecret: row.csrf_secret };
}

export async function endSession(store: Store, token: string): Promise<void> {
  await store.db.deleteFrom('session').where('id', '=', hashToken(token)).execute();
}

/** Signs someone out everywhere, e.g. after a password reset. */
export async function endUserSessions(store: Store, username: string): Promise<void> {
  await store.db.deleteFrom('session').where('username', '=', username).execute();
}
