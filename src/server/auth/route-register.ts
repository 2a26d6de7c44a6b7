// The register of routes: every method and path the server answers, with the permission it
// demands. It is what a data-protection officer reviews, and what the security tests walk, so a
// new route is covered without anyone remembering to list it.
import type { FastifyInstance } from 'fastify';
import { can, ROLES, type Role } from '../../core/access.ts';
import type { RoutePermission } from '../plugins/access.ts';
import { isCaseLevel } from './audit-trail.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
  /** May carry case-level rows: never cached, and logged with the records shown (audit-trail.ts). */
  caseLevel: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeRegister: RegisteredRoute[];
  }
}

export function installRouteRegister(app: FastifyInstance): void {
  app.decorate('routeRegister', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' && route.url !== '/') continue; // Fastify's automatic twin of each GET
      app.routeRegister.push({ method, url: route.url, permission: route.config?.permission, caseLevel: isCaseLevel(route.config) });
    }
  });
}

/** The roles that may use a route: everyone, signed out included, for a public one. */
export function rolesFor(permission: RoutePermission | undefined): Role[] | 'everyone' {
  if (permission === 'public') return 'everyone';
  return permission ? ROLES.filter((r) => can(r, permission)) : [];
}
