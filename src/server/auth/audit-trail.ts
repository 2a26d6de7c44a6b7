// The audit trail, kept in one hook rather than route by route: every view of a child-level or
// confidential record or list, every change, and every refusal of a signed-in user, keyed on the
// route's permission. It runs as the response is sent (onSend) rather than after it (onResponse)
// so that it fails closed: if the entry cannot be written, the record is not shown.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../core/access.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { AuditEvent } from '../../store/schema.ts';
import { UNSAFE_METHODS } from './csrf.ts';

/** Reading a route with one of these permissions is recorded. */
const RECORDED_VIEWS = new Set<Permission>(['view_child_records', 'view_audits', 'view_audit_log', 'view_exempt']);

function eventFor(request: FastifyRequest, status: number): AuditEvent | null {
  const permission = request.routeOptions.config?.permission;
  if (!request.user || !permission || request.is404) return null;
  if (status === 401 || status === 403) return 'denied';
  if (permission === 'public') return null; // sign-in and sign-out record themselves
  if (UNSAFE_METHODS.has(request.method)) return 'change';
  return RECORDED_VIEWS.has(permission as Permission) && status < 400 ? 'view' : null;
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
