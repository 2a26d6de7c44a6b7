// Aggregate pages rendered once per role, address and store version, then served from memory
// (issue 17: under load, pages spent their time re-running the same queries and templates while
// the JSON API answered from the figure cache). Only what is the same for everyone of a role is
// kept: the form token, the script nonce and the signed-in name are written into the page as
// markers and replaced by the requester's own on every answer, so nobody is served another's
// token. Pages that may name children (case-level routes, for roles that see children) are never
// kept. An edit made through this process forgets the store version at once, so the editor sees
// the change on the next page; a change by another process moves the version (triggers, migration
// 180) and is seen within a second, as the figures are (figure-cache.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../core/access.ts';
import { forgetVersion, storeVersion } from '../../store/figure-cache.ts';
import { UNSAFE_METHODS } from '../auth/csrf.ts';
import { escapeHtml } from '../format.ts';

/**
 * The pages kept (route addresses): the dashboard, the area pages and the action plan, which set
 * no headers of their own. Papers and downloads set their own policy and type, so are not here.
 */
const PAGES = new Set([
  '/', '/indicators/:id', '/actions', '/actions/:actionId', '/committee', '/care-leavers', '/ehcp', '/missing', '/front-door',
  '/child-protection', '/early-help', '/workforce', '/home-education', '/voice', '/inspection',
]);

/** Bytes of page bodies kept per process (pages are 20-200 KB; the oldest go first). */
const MAX_BYTES = 32 * 1024 * 1024;

// Plain words, so that HTML escaping leaves them as they are.
const TOKEN = 'csinsightpagecachetoken';
const NONCE = 'csinsightpagecachenonce';
const STYLE_NONCE = 'csinsightpagecachestylenonce';
const USER = 'csinsightpagecacheuser';

interface Page {
  version: string;
  body: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this page is being rendered for, and the store version it was read at. */
    pageCache?: { key: string; version: string };
  }
}

function cacheable(request: FastifyRequest): boolean {
  const config = request.routeOptions.config;
  const role = request.user?.role;
  if (request.method !== 'GET' || !role || config?.permission !== 'view_aggregates' || !PAGES.has(request.routeOptions.url ?? '')) return false;
  return !(config.caseLevel && can(role, 'view_child_records'));
}

export async function pageCache(app: FastifyInstance): Promise<void> {
  const pages = new Map<string, Page>();
  let bytes = 0;
  const keep = (key: string, page: Page) => {
    const old = pages.get(key);
    if (old) bytes -= old.body.length;
    pages.delete(key);
    pages.set(key, page);
    bytes += page.body.length;
    for (const [k, p] of pages) {
      if (bytes <= MAX_BYTES) break;
      pages.delete(k);
      bytes -= p.body.length;
    }
  };

  const personal = (request: FastifyRequest, reply: FastifyReply, body: string) =>
    body
      .replaceAll(TOKEN, request.csrfToken ?? '')
      .replaceAll(STYLE_NONCE, reply.cspNonce?.style ?? '')
      .replaceAll(NONCE, reply.cspNonce?.script ?? '')
      .replaceAll(USER, escapeHtml(request.user?.username ?? ''));
  // A template may also have been given the token or a nonce by its route rather than the locals.
  const shared = (request: FastifyRequest, reply: FastifyReply, body: string) => {
    const own: [string | undefined, string][] = [[request.csrfToken, TOKEN], [reply.cspNonce?.script, NONCE], [reply.cspNonce?.style, STYLE_NONCE]];
    return own.reduce((b, [value, marker]) => (value ? b.replaceAll(value, marker) : b), body);
  };

  // After the views plugin's preHandler has set the page's locals.
  app.addHook('preHandler', async (request, reply) => {
    if (!cacheable(request)) return;
    const key = JSON.stringify([request.user!.role, request.url, app.asOf()]);
    const version = await storeVersion(app.store);
    const page = pages.get(key);
    if (page?.version === version) return reply.type('text/html; charset=utf-8').send(personal(request, reply, page.body));
    request.pageCache = { key, version };
    reply.locals = { ...reply.locals, csrfToken: TOKEN, cspNonce: NONCE, user: { ...request.user!, username: USER } };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.pageCache;
    if (!pending || typeof payload !== 'string') return payload;
    if (reply.statusCode === 200 && /^text\/html/.test(String(reply.getHeader('content-type')))) keep(pending.key, { version: pending.version, body: shared(request, reply, payload) });
    return personal(request, reply, payload);
  });

  // An edit through this process: the next page reads the version the edit's triggers moved.
  app.addHook('onResponse', async (request, reply) => {
    if (UNSAFE_METHODS.has(request.method) && reply.statusCode < 400) forgetVersion(app.store);
  });
}
