// Accounts: adding users, checking a password with lockout, and the demo logins.
import { ROLES, type Role } from '../../core/access.ts';
import type { Store } from '../../store/open.ts';
import { claimSignInAttempt, createUser, listUsers, setPasswordHash, settleFailedSignIn, settleSignIn } from '../../store/users.ts';
import { decoyHash, hashPassword, passwordProblem, randomPassword, verifyPassword } from './passwords.ts';
import { endUserSessions } from './sessions.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export type CheckResult =
  | { ok: true; username: string; role: Role }
  | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks a username and password at `now`. The attempt is counted and the lock checked before the
 * password is (users.ts), so parallel guesses cannot outrun the lockout. A locked account is
 * refused even with the right password. Unknown and locked accounts are checked against a decoy
 * hash: every refusal costs the same scrypt work, so timing does not tell them apart.
 */
export async function checkPassword(store: Store, username: string, password: string, now: Date): Promise<CheckResult> {
  const claim = await claimSignInAttempt(store, username, now, MAX_FAILED_ATTEMPTS, LOCK_MINUTES);
  const open = claim && !claim.locked ? claim : undefined;
  const right = await verifyPassword(password, open?.passwordHash ?? (await decoyHash()));
  if (!open) return { ok: false, reason: claim ? 'locked' : 'invalid' };
  if (!right || open.disabled) {
    const locked = await settleFailedSignIn(store, username, now, MAX_FAILED_ATTEMPTS, LOCK_MINUTES);
    return { ok: false, reason: locked ? 'locked' : 'invalid' };
  }
  if (!(await settleSignIn(store, username, now))) return { ok: false, reason: 'locked' };
  return { ok: true, username: open.username, role: open.role };
}

export async function addUser(store: Store, username: string, role: Role, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  await createUser(store, { username, role, passwordHash: await hashPassword(password) });
}

/** Sets a new password and ends the user's sessions; false when there is no such user. */
export async function resetPassword(store: Store, username: string, password: string): Promise<boolean> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  const done = await setPasswordHash(store, username, await hashPassword(password));
  if (done) await endUserSessions(store, username);
  return done;
}

/** The demo's accounts are `demo.<role>`. */
export const DEMO_USER_PREFIX = 'demo.';

export interface DemoLogin {
  username: string;
  role: Role;
  password: string;
}

/**
 * One demo login per role (demo.admin, demo.officer, ...), each with a new random password that
 * is returned for the demo command to print and is stored nowhere else. Existing demo users get a
 * fresh password, so a restarted demo can always print working logins.
 */
export async function ensureDemoUsers(store: Store): Promise<DemoLogin[]> {
  const existing = new Set((await listUsers(store)).map((u) => u.username));
  const logins: DemoLogin[] = [];
  for (const role of ROLES) {
    const login = { username: `${DEMO_USER_PREFIX}${role}`, role, password: randomPassword() };
    if (existing.has(login.username)) await resetPassword(store, login.username, login.password);
    else await addUser(store, login.username, role, login.password);
    logins.push(login);
  }
  return logins;
}
