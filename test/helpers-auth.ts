// Signing in from tests: one user per role (created on first use), a session cookie and the
// CSRF token that goes with it. `as(role).inject(...)` sends both, so a test reads like a person.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../src/core/access.ts';
import { addUser } from '../src/server/auth/accounts.ts';
import { listUsers } from '../src/store/users.ts';

export const TEST_PASSWORD = 'test password for every role';

export interface SignedIn {
  role: Role;
  username: string;
  /** `csinsight_session=...`, for a Cookie header (or a browser context's cookies). */
  cookie: string;
  sessionToken: string;
  csrfToken: string;
  /** Injects with the session cookie, and the CSRF header on POST, PUT, PATCH and DELETE. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((c) => c.name === name && c.value !== '')?.value;
}

/** Makes sure `test.<role>` exists with TEST_PASSWORD. */
export async function ensureTestUser(app: FastifyInstance, role: Role): Promise<string> {
  const username = `test.${role}`;
  if (!(await listUsers(app.store)).some((u) => u.username === username)) await addUser(app.store, username, role, TEST_PASSWORD);
  return username;
}

/** Signs in as `test.<role>` through the real sign-in API (sessions, CSRF and all). */
export async function signIn(app: FastifyInstance, role: Role): Promise<SignedIn> {
  const username = await ensureTestUser(app, role);
  const pre = await app.inject({ method: 'GET', url: '/api/session' });
  const preCookie = pre.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await app.inject({
    method: 'POST',
    url: '/api/sign-in',
    headers: { cookie: preCookie, 'x-csrf-token': pre.json().csrfToken },
    payload: { username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
  const sessionToken = cookieValue(res, 'csinsight_session')!;
  const cookie = `csinsight_session=${sessionToken}`;
  const csrfToken: string = res.json().csrfToken;
  return {
    role,
    username,
    cookie,
    sessionToken,
    csrfToken,
    inject(options) {
      const unsafe = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(String(options.method ?? 'GET').toUpperCase());
      const headers = { cookie, ...(unsafe ? { 'x-csrf-token': csrfToken } : {}), ...(options.headers ?? {}) };
      return app.inject({ ...options, headers });
    },
  };
}
