// The one place the server enforces access: each route names its permission in
// `config.permission` and this hook checks it against the signed-in user's role (core/access.ts).
// A route without a permission is refused at start-up, so nothing is open by accident. A route
// may also declare `config.caseLevel`: see below.
import type { FastifyInstance } from 'fastify';
import { can, PERMISSIONS, type Permission } from '../../core/access.ts';
import { HttpError } from '../errors.ts';

export type RoutePermission = Permission | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /**
     * The response can carry case-level rows (children, EHC requests, episodes) or a document of
     * exact small counts (an officer paper, a CSV) to a role with view_child_records, though the
     * route itself is open to more roles. Routes needing view_child_records, view_audits,
     * view_exempt or view_audit_log are case-level anyway. Such responses are never cached and a
     * signed-in role that sees cases has each one logged with the records shown (auth/audit-trail.ts).
     */
    caseLevel?: boolean;
  }
}

export async function access(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (permission !== 'public' && !PERMISSIONS.includes(permission as Permission)) {
      throw new Error(`Route ${route.method} ${route.url} must declare config.permission`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (permission === 'public') return;
    if (!permission) throw new HttpError(500, 'This page has no access rule.');
    // The service's front door is the sign-in form; any other page says why it needs a sign-in.
    if (!request.user && request.method === 'GET' && request.url === '/') return reply.redirect('/sign-in', 303);
    if (!request.user) throw new HttpError(401, 'You need to sign in to see this page.');
    if (!can(request.user.role, permission)) throw new HttpError(403, 'Your role does not allow you to see or do this.');
  });
}
