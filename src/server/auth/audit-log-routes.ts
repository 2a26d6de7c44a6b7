// The audit log for administrators (view_audit_log): a page, JSON, and a CSV export. Also the
// register of routes and the roles allowed on each, for the data-protection officer to review.
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { GRANTS, ROLES, roleAbilities } from '../../core/access.ts';
import { queryAudit, type AuditQuery } from '../../store/audit-log.ts';
import { parse } from '../validate.ts';
import { rolesFor } from './route-register.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');
const auditQuery = z.object({
  username: z.preprocess(blank, z.string().max(64).optional()),
  event: z.preprocess(blank, z.enum(['view', 'change', 'sign_in', 'sign_in_failed', 'sign_out', 'denied']).optional()),
  recordId: z.preprocess(blank, z.string().max(200).optional()),
  from: z.preprocess(blank, isoDate.optional()),
  to: z.preprocess(blank, isoDate.optional()),
  before: z.preprocess(blank, z.coerce.number().int().positive().optional()),
});

const LOG = { config: { permission: 'view_audit_log' as const } };
const PAGE_SIZE = 200;
const CSV_COLUMNS = ['id', 'at', 'username', 'role', 'event', 'method', 'route', 'url', 'status', 'recordIds', 'ip'] as const;

/** A spreadsheet would run a cell starting with = + - @ as a formula: make it plain text. */
export function csvSafe(value: unknown): string {
  const s = Array.isArray(value) ? value.join(';') : value == null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function auditLogRoutes(app: FastifyInstance): Promise<void> {
  const read = (q: AuditQuery) => queryAudit(app.store, q);

  app.get('/admin/audit-log', LOG, async (request, reply) => {
    const q = parse(auditQuery, request.query);
    const entries = await read({ ...q, limit: PAGE_SIZE });
    const older = entries.length === PAGE_SIZE ? entries[entries.length - 1]!.id : null;
    return reply.view('auth/audit-log.njk', { title: 'Audit log', entries, q, older });
  });

  app.get('/api/audit-log', LOG, async (request) => ({ entries: await read({ ...parse(auditQuery, request.query), limit: PAGE_SIZE }) }));

  app.get('/admin/audit-log.csv', LOG, async (request, reply) => {
    const entries = await read({ ...parse(auditQuery, request.query), limit: 100_000 });
    const body = stringify([[...CSV_COLUMNS], ...entries.map((e) => CSV_COLUMNS.map((c) => csvSafe(e[c])))]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-log-${app.clock().toISOString().slice(0, 10)}.csv"`)
      .send(body);
  });

  app.get('/admin/access-register', LOG, async (_request, reply) => {
    const routes = [...app.routeRegister]
      .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))
      .map((r) => ({ ...r, roles: rolesFor(r.permission) }));
    const roles = ROLES.map((role) => ({ role, abilities: roleAbilities(role), permissions: GRANTS[role] }));
    return reply.view('auth/access-register.njk', { title: 'Access register', routes, allRoles: ROLES, roles });
  });
}
