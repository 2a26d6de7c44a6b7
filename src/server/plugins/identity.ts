// Who is asking: the signed-in user from the session cookie (server-side session, see
// auth/sessions.ts), or nobody. The rest of the server relies only on `request.user` (absent = not
// signed in) and `request.csrfToken` (put in every form as _csrf). This also installs what has to
// see every route from the start: CSRF checks, the NUL-byte guard, the sign-in rate limit, the
// audit trail and the register of routes and their permissions.
import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Role } from '../../core/access.ts';
import { installAuditTrail } from '../auth/audit-trail.ts';
import { cookieOptions, SESSION_COOKIE } from '../auth/cookies.ts';
import { holdCsrfSecret, installCsrf } from '../auth/csrf.ts';
import { installInputGuard } from '../auth/input-guard.ts';
import { installRouteRegister } from '../auth/route-register.ts';
import { currentSession } from '../auth/sessions.ts';

export interface User {
  username: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
    csrfToken?: string;
    /** The session cookie's token, when it names a live session. */
    sessionToken?: string;
  }
  interface FastifyInstance {
    /** Now, for session expiry and lockout; tests substitute their own clock. */
    clock(): Date;
  }
}

export interface IdentityOptions {
  clock?: () => Date;
}

export async function identity(app: FastifyInstance, options: IdentityOptions = {}): Promise<void> {
  app.decorate('clock', options.clock ?? (() => new Date()));
  installRouteRegister(app);
  await app.register(fastifyCookie);
  // Only routes that ask for it (sign-in) are limited; the lockout guards each account.
  await app.register(fastifyRateLimit, { global: false });
  installInputGuard(app);
  await installCsrf(app);
  installAuditTrail(app);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await currentSession(app.store, token, app.clock()) : undefined;
    if (token && !session) reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    holdCsrfSecret(request, reply, session?.csrfSecret);
    if (session) {
      request.user = { username: session.username, role: session.role };
      request.sessionToken = token;
      request.csrfToken = reply.generateCsrf();
    }
  });
}
