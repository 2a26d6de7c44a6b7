// People who may sign in, and the failed-attempt counter behind the lockout. Times come from the
// caller's clock so that lockout and expiry can be tested without waiting.
import { sql } from 'kysely';
import type { Role } from '../core/access.ts';
import type { Store } from './open.ts';

export interface User {
  username: string;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  lastSignIn: string | null;
}

export interface UserWithHash extends User {
  passwordHash: string;
  locked: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export function isValidUsername(username: string): boolean {
  return USERNAME.test(username);
}

const ts = (d: Date) => sql<string>`${d.toISOString()}::timestamptz`;

export async function createUser(store: Store, user: { username: string; role: Role; passwordHash: string }): Promise<void> {
  if (!isValidUsername(user.username)) throw new Error(`Invalid username: ${user.username} (lower-case letters, digits, '.', '_', '-')`);
  await store.db
    .insertInto('app_user')
    .values({ username: user.username, role: user.role, password_hash: user.passwordHash })
    .execute();
}

/** Sets a new password (and ends the lockout); returns false when there is no such user. */
export async function setPasswordHash(store: Store, username: string, passwordHash: string): Promise<boolean> {
  const r = await store.db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null })
    .where('username', '=', username)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.db.selectFrom('app_user').selectAll().orderBy('username').execute();
  return rows.map((r) => ({ username: r.username, role: r.role, disabled: r.disabled, lockedUntil: r.locked_until, lastSignIn: r.last_sign_in }));
}

/** The user with their hash and whether they are locked out at `now`; undefined when unknown. */
export async function findUserForSignIn(store: Store, username: string, now: Date): Promise<UserWithHash | undefined> {
  const r = await store.db
    .selectFrom('app_user')
    .selectAll()
    .select(sql<boolean>`coalesce(locked_until > ${ts(now)}, false)`.as('locked'))
    .where('username', '=', username)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    username: r.username,
    role: r.role,
    disabled: r.disabled,
    lockedUntil: r.locked_until,
    lastSignIn: r.last_sign_in,
    passwordHash: r.password_hash,
    locked: r.locked,
  };
}

/**
 * Counts a failed attempt in one statement (two parallel guesses cannot both slip under the
 * limit); the `maxAttempts`-th locks the account until `now + lockMinutes` and restarts the count.
 * Returns whether the account is now locked.
 */
export async function recordFailedSignIn(store: Store, username: string, now: Date, maxAttempts: number, lockMinutes: number): Promise<boolean> {
  const r = await store.db
    .updateTable('app_user')
    .set({
      failed_attempts: sql`CASE WHEN failed_attempts + 1 >= ${maxAttempts}::int THEN 0 ELSE failed_attempts + 1 END`,
      locked_until: sql`CASE WHEN failed_attempts + 1 >= ${maxAttempts}::int THEN ${ts(now)} + make_interval(mins => ${lockMinutes}::int) ELSE locked_until END`,
    })
    .where('username', '=', username)
    .returning(sql<boolean>`coalesce(locked_until > ${ts(now)}, false)`.as('locked'))
    .executeTakeFirst();
  return r?.locked ?? false;
}

export async function recordSignIn(store: Store, username: string, now: Date): Promise<void> {
  await store.db
    .updateTable('app_user')
    .set({ failed_attempts: 0, locked_until: null, last_sign_in: ts(now) })
    .where('username', '=', username)
    .execute();
}
