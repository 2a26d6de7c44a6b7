// People who may sign in, and the failed-attempt counter behind the lockout. Times come from the
// caller's clock so that lockout and expiry can be tested without waiting.
import { sql } from 'kysely';
import type { Role } from '../core/access.ts';
import type { Store } from './open.ts';

export interface User {
  username: string;
  role: Role;
  disabled: boolean;
  /** Locked out by failed sign-ins at the time asked about. */
  locked: boolean;
  lockedUntil: string | null;
  lastSignIn: string | null;
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

function usersAt(store: Store, now: Date) {
  return store.db
    .selectFrom('app_user')
    .select(['username', 'role', 'disabled'])
    .select(sql<boolean>`coalesce(locked_until > ${ts(now)}, false)`.as('locked'))
    .select(sql<string | null>`to_char(locked_until AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')`.as('locked_until'))
    .select(sql<string | null>`to_char(last_sign_in AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')`.as('last_sign_in'));
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersAt>['executeTakeFirstOrThrow']>>;

const toUser = (r: UserRow): User => ({
  username: r.username,
  role: r.role,
  disabled: r.disabled,
  locked: r.locked,
  lockedUntil: r.locked_until,
  lastSignIn: r.last_sign_in,
});

export async function listUsers(store: Store, now = new Date()): Promise<User[]> {
  const rows = await usersAt(store, now).orderBy('username').execute();
  return rows.map(toUser);
}

/** An account as a sign-in attempt finds it, after the attempt has been counted. */
export interface SignInClaim {
  username: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  /** Locked out: the attempt is refused whatever the password. */
  locked: boolean;
}

/**
 * Counts a sign-in attempt as failed BEFORE its password is checked, and checks the lock, in one
 * statement: the row lock makes parallel attempts take their turn, so a burst cannot all pass the
 * check before any is counted. `maxAttempts` unproven attempts (failed, or still being checked)
 * are allowed; the next locks the account until `now + lockMinutes` and restarts the count.
 * Undefined when there is no such user.
 */
export async function claimSignInAttempt(store: Store, username: string, now: Date, maxAttempts: number, lockMinutes: number): Promise<SignInClaim | undefined> {
  const lockedNow = sql<boolean>`coalesce(locked_until > ${ts(now)}, false)`;
  const r = await store.db
    .updateTable('app_user')
    .set({
      failed_attempts: sql`CASE WHEN ${lockedNow} THEN failed_attempts WHEN failed_attempts >= ${maxAttempts}::int THEN 0 ELSE failed_attempts + 1 END`,
      locked_until: sql`CASE WHEN ${lockedNow} THEN locked_until WHEN failed_attempts >= ${maxAttempts}::int THEN ${ts(now)} + make_interval(mins => ${lockMinutes}::int) ELSE locked_until END`,
    })
    .where('username', '=', username)
    .returning(['username', 'role', 'password_hash', 'disabled'])
    .returning(lockedNow.as('locked'))
    .executeTakeFirst();
  return r && { username: r.username, role: r.role, passwordHash: r.password_hash, disabled: r.disabled, locked: r.locked };
}

/**
 * Settles a wrong password (already counted by claimSignInAttempt): the `maxAttempts`-th locks
 * the account until `now + lockMinutes` and restarts the count. Returns whether it is now locked.
 */
export async function settleFailedSignIn(store: Store, username: string, now: Date, maxAttempts: number, lockMinutes: number): Promise<boolean> {
  const r = await store.db
    .updateTable('app_user')
    .set({
      failed_attempts: sql`CASE WHEN failed_attempts >= ${maxAttempts}::int THEN 0 ELSE failed_attempts END`,
      locked_until: sql`CASE WHEN failed_attempts >= ${maxAttempts}::int THEN ${ts(now)} + make_interval(mins => ${lockMinutes}::int) ELSE locked_until END`,
    })
    .where('username', '=', username)
    .returning(sql<boolean>`coalesce(locked_until > ${ts(now)}, false)`.as('locked'))
    .executeTakeFirst();
  return r?.locked ?? false;
}

/**
 * Settles a right password: the count restarts, unless attempts made meanwhile have locked the
 * account, in which case the sign-in is refused (false) and the lock stays.
 */
export async function settleSignIn(store: Store, username: string, now: Date): Promise<boolean> {
  const r = await store.db
    .updateTable('app_user')
    .set({ failed_attempts: 0, locked_until: null, last_sign_in: ts(now) })
    .where('username', '=', username)
    .where(sql<boolean>`NOT coalesce(locked_until > ${ts(now)}, false)`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
