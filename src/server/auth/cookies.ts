// The cookies sign-in sets. httpOnly keeps them from page scripts; SameSite=Lax keeps them off
// cross-site form posts; Secure whenever the page itself came over https.
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'csinsight_session';
/** The CSRF secret of someone not yet signed in (the sign-in form itself needs a token). */
export const PRE_SESSION_COOKIE = 'csinsight_csrf';

export function cookieOptions(request: FastifyRequest): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' };
}
