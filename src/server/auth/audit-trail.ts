// The audit trail, kept in one hook rather than route by route: every response that may carry
// case-level rows or confidential records (the route's permission, or its `config.caseLevel`), with
// the ids of the records it showed; every change; and every refusal of a signed-in user. The same
// hook marks case-level responses `Cache-Control: no-store`, so signing out and pressing Back does
// not bring a list of children back from the browser's cache. It runs as the response is sent
// (onSend) rather than after it (onResponse) so that it fails closed: if the entry cannot be
// written, the record is not shown.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../core/access.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { AuditEvent } from '../../store/schema.ts';
import { UNSAFE_METHODS } from './csrf.ts';

/** Reading a route with one of these permissions is recorded, whatever the role. */
const RECORDED_VIEWS = new Set<Permission>(['view_child_records', 'view_audits', 'view_audit_log', 'view_exempt']);

/** The kinds of record a response can show, as named in the audit log. */
export type RecordKind = 'child' | 'ehcp_request' | 'early_help_episode' | 'case_audit';

declare module 'fastify' {
  interface FastifyRequest {
    /** The records this response shows, noted by the handler with `recordsShown`. */
    shownRecords?: Map<RecordKind, Set<string>>;
  }
}

/**
 * Notes that the response shows these rows (for its audit entry) and gives them back, so a
 * handler can wrap what it sends: `recordsShown(request, 'child', await list(), (r) => r.childId)`.
 */
export function recordsShown<T>(request: FastifyRequest, kind: RecordKind, rows: readonly T[], idOf: (row: T) => string | null | undefined): T[] {
  request.shownRecords ??= new Map();
  let ids = request.shownRecords.get(kind);
  if (!ids) request.shownRecords.set(kind, (ids = new Set()));
  for (const row of rows) {
    const id = idOf(row);
    if (id) ids.add(id);
  }
  return rows as T[];
}

/** The route may send case-level rows or confidential records (to some role). */
export function isCaseLevel(config: { permission?: string; caseLevel?: boolean } | undefined): boolean {
  return config?.caseLevel === true || RECORDED_VIEWS.has(config?.permission as Permission);
}

function eventFor(request: FastifyRequest, status: number): AuditEvent | null {
  const config = request.routeOptions.config;
  const permission = config?.permission;
  if (!request.user || !permission || request.is404) return null;
  if (status === 401 || status === 403) return 'denied';
  if (permission === 'public') return null; // sign-in and sign-out record themselves
  if (UNSAFE_METHODS.has(request.method)) return 'change';
  if (status >= 400) return null;
  if (RECORDED_VIEWS.has(permission as Permission)) return 'view';
  return config.caseLevel && can(request.user.role, 'view_child_records') ? 'view' : null;
}

/** The ids in the route's path (child, request, action, audit...), which is what was touched. */
function recordIds(request: FastifyRequest): string[] {
  const params = (request.params ?? {}) as Record<string, unknown>;
  return Object.entries(params)
    .filter(([k, v]) => k !== '*' && typeof v === 'string')
    .map(([, v]) => v as string);
}

export function installAuditTrail(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.is404 && isCaseLevel(request.routeOptions.config) && !/no-store/.test(String(reply.getHeader('cache-control') ?? ''))) {
      reply.header('cache-control', 'no-store');
    }
    const event = eventFor(request, reply.statusCode);
    if (!event) return payload;
    try {
      await appendAudit(app.store.db, {
        at: app.clock(),
        username: request.user!.username,
        role: request.user!.role,
        event,
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        url: request.url,
        status: reply.statusCode,
        recordIds: recordIds(request),
        returned: Object.fromEntries([...(request.shownRecords ?? [])].map(([kind, ids]) => [kind, [...ids]])),
        ip: request.ip,
      });
      return payload;
    } catch (err) {
      request.log.error(err, 'audit log write failed');
      reply.code(500).type('text/plain; charset=utf-8');
      return 'Sorry, there is a problem with the service: the access could not be recorded, so nothing is shown.';
    }
  });
}
