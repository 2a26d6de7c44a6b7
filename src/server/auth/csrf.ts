// CSRF protection for every state-changing request, with @fastify/csrf-protection. The secret
// belongs to the session (created with it at sign-in, gone at sign-out); before sign-in it lives
// in a pre-session cookie so the sign-in form is protected too. Forms send `_csrf`, JSON clients
// the `x-csrf-token` header.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCsrf from '@fastify/csrf-protection';
import { cookieOptions, PRE_SESSION_COOKIE } from './cookies.ts';

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The shape @fastify/csrf-protection expects of `request.session` in its secure-session mode. */
interface CsrfSecretHolder {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  options(opts: unknown): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: CsrfSecretHolder;
  }
}

const SECRET = /^[A-Za-z0-9_-]{24,64}$/;

export function newCsrfSecret(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Gives the request its CSRF secret: the session's when signed in; otherwise the pre-session
 * cookie's, created (and the cookie set) only when a token is first asked for.
 */
export function holdCsrfSecret(request: FastifyRequest, reply: FastifyReply, sessionSecret: string | undefined): void {
  const cookie = request.cookies[PRE_SESSION_COOKIE];
  let secret = sessionSecret ?? (cookie && SECRET.test(cookie) ? cookie : undefined);
  request.session = {
    get: () => secret,
    set: (_key, value) => {
      secret = value;
      if (!sessionSecret) reply.setCookie(PRE_SESSION_COOKIE, value, cookieOptions(request));
    },
    options: () => {},
  };
}

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const field = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === 'string') return field;
  // A multipart field (when fields are attached to the body) carries its text in `value`.
  if (field && typeof field === 'object' && typeof (field as { value?: unknown }).value === 'string') return (field as { value: string }).value;
  // A streamed upload form cannot put the token in a header or ahead of its files: allow the query.
  if (typeof request.isMultipart === 'function' && request.isMultipart()) {
    const q = (request.query as Record<string, unknown> | undefined)?._csrf;
    if (typeof q === 'string') return q;
  }
  return undefined;
}

export async function installCsrf(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/secure-session',
    getToken: tokenOf,
    csrfOpts: { secretLength: 24 },
  });
  app.addHook('preValidation', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || request.is404) return done();
    app.csrfProtection(request, reply, done);
  });
}
