// Sign-in and sign-out: a GOV.UK form for people, and the same under /api for scripts (which first
// ask GET /api/session for a CSRF token). Sign-in is rate limited per address on top of the
// per-account lockout, and a new session (new id, new CSRF secret) is made at every sign-in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../../store/audit-log.ts';
import type { AuditEvent } from '../../store/schema.ts';
import { parseForm } from '../forms.ts';
import { ROLES, roleAbilities } from '../../core/access.ts';
import { checkPassword, DEMO_USER_PREFIX, LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from './accounts.ts';
import { cookieOptions, PRE_SESSION_COOKIE, SESSION_COOKIE } from './cookies.ts';
import { holdCsrfSecret } from './csrf.ts';
import { createSession, endSession } from './sessions.ts';

export const SIGN_IN_RATE_LIMIT = { max: 20, timeWindow: '1 minute', groupId: 'sign-in' };
const SIGN_IN = { config: { permission: 'public' as const, rateLimit: SIGN_IN_RATE_LIMIT } };
const PUBLIC = { config: { permission: 'public' as const } };

const credentials = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Enter your username').max(64, 'Enter your username'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Enter your password'),
  returnTo: z.string().max(2000).optional(),
});

/** Only a path on this site, so the sign-in page cannot be used to send people elsewhere. */
export function safeReturnTo(value: string | undefined): string {
  return value && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/sign-') ? value : '/';
}

/**
 * One answer to every refused sign-in: a wrong password, an unknown username and a locked account
 * must look alike, or the answer would tell a stranger which usernames exist.
 */
export const SIGN_IN_REFUSED = `The username or password is not right. After ${MAX_FAILED_ATTEMPTS} wrong attempts an account is locked for ${LOCK_MINUTES} minutes: try again later, or ask an administrator.`;

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const record = (request: FastifyRequest, event: AuditEvent, username: string | null, role: string | null, status: number) =>
    appendAudit(app.store.db, {
      at: app.clock(),
      username,
      role,
      event,
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      url: request.url,
      status,
      ip: request.ip,
    });

  /** Checks the password and starts a session; returns the failure reason, or null on success. */
  const signIn = async (request: FastifyRequest, reply: FastifyReply, username: string, password: string) => {
    const result = await checkPassword(app.store, username, password, app.clock());
    if (!result.ok) {
      await record(request, 'sign_in_failed', username, null, 401);
      return result.reason;
    }
    if (request.sessionToken) await endSession(app.store, request.sessionToken);
    const { token, csrfSecret } = await createSession(app.store, result.username, app.clock());
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
    reply.clearCookie(PRE_SESSION_COOKIE, cookieOptions(request));
    request.user = { username: result.username, role: result.role };
    // From here on, tokens come from the new session's secret.
    holdCsrfSecret(request, reply, csrfSecret);
    request.csrfToken = reply.generateCsrf();
    await record(request, 'sign_in', result.username, result.role, 200);
    return null;
  };

  const signOut = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.sessionToken) {
      await endSession(app.store, request.sessionToken);
      await record(request, 'sign_out', request.user!.username, request.user!.role, 200);
    }
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
  };

  // In the demo, each account's role and what it may do, so a visitor knows which to try.
  const demoRoles = app.demo ? ROLES.map((role) => ({ role, username: `${DEMO_USER_PREFIX}${role}`, abilities: roleAbilities(role) })) : null;

  app.get('/sign-in', PUBLIC, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const returnTo = safeReturnTo(typeof query.returnTo === 'string' ? query.returnTo : undefined);
    return reply.view('auth/sign-in.njk', {
      title: 'Sign in',
      demoRoles,
      csrfToken: reply.generateCsrf(),
      values: { returnTo },
      signedOut: query.signedOut === '1',
    });
  });

  app.post('/sign-in', SIGN_IN, async (request, reply) => {
    const form = parseForm(credentials, request.body);
    const page = (status: number, errors: unknown) =>
      reply.code(status).view('auth/sign-in.njk', {
        title: 'Sign in',
        demoRoles,
        csrfToken: reply.generateCsrf(),
        errors,
        values: { username: (request.body as Record<string, unknown> | undefined)?.username, returnTo: safeReturnTo(form.ok ? form.value.returnTo : undefined) },
      });
    if (!form.ok) return page(400, form.errors);
    const failure = await signIn(request, reply, form.value.username, form.value.password);
    if (failure) {
      const text = SIGN_IN_REFUSED;
      return page(401, { summary: [{ text, href: '#username' }], byField: { username: { text } } });
    }
    return reply.redirect(safeReturnTo(form.value.returnTo), 303);
  });

  app.post('/sign-out', PUBLIC, async (request, reply) => {
    await signOut(request, reply);
    return reply.redirect('/sign-in?signedOut=1', 303);
  });

  app.get('/api/session', PUBLIC, async (request, reply) => ({
    user: request.user ?? null,
    csrfToken: reply.generateCsrf(),
  }));

  app.post('/api/sign-in', SIGN_IN, async (request, reply) => {
    const parsed = credentials.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'There is a problem with the request', message: 'Send a username and a password.' });
    const failure = await signIn(request, reply, parsed.data.username, parsed.data.password);
    if (failure) return reply.code(401).send({ error: 'You need to sign in', message: SIGN_IN_REFUSED });
    return { user: request.user, csrfToken: request.csrfToken };
  });

  app.post('/api/sign-out', PUBLIC, async (request, reply) => {
    await signOut(request, reply);
    return reply.code(204).send();
  });
}
