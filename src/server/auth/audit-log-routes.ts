// The audit log for administrators (view_audit_log): a page, JSON, and a CSV export. Also the
// register of routes and the roles allowed on each, for the data-protection officer to review.
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { GRANTS, ROLES, roleAbilities } from '../../core/access.ts';
import { queryAudit, type AuditQuery, type AuditRecord } from '../../store/audit-log.ts';
import { isoDate, parse } from '../validate.ts';
import { rolesFor } from './route-register.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const auditQuery = z.object({
  username: z.preprocess(blank, z.string().max(64).optional()),
  event: z.preprocess(blank, z.enum(['view', 'change', 'sign_in', 'sign_in_failed', 'sign_out', 'denied']).optional()),
  recordId: z.preprocess(blank, z.string().max(200).optional()),
  from: z.preprocess(blank, isoDate.optional()),
  to: z.preprocess(blank, isoDate.optional()),
  // An entry id: past the largest safe integer it is not one (and would not survive the trip to bigint).
  before: z.preprocess(blank, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()),
});

const LOG = { config: { permission: 'view_audit_log' as const } };
const PAGE_SIZE = 200;
const CSV_COLUMNS = ['id', 'at', 'username', 'role', 'event', 'method', 'route', 'url', 'status', 'recordIds', 'ip', 'returnedCount', 'returnedIds'] as const;
/** Record ids shown per kind in an entry on the page (a list can hold hundreds); the CSV has them all. */
const IDS_ON_PAGE = 20;

/** "child: C1;C2 | ehcp_request: R1": the records a response showed, by kind. */
const returnedText = (ids: AuditRecord['returnedIds']) => Object.entries(ids).map(([kind, list]) => `${kind}: ${list.join(';')}`).join(' | ');

/** A spreadsheet would run a cell starting with = + - @ as a formula: make it plain text. */
export function csvSafe(value: unknown): string {
  const s = Array.isArray(value) ? value.join(';') : value == null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** An entry as the page shows it: each kind of record with its first IDS_ON_PAGE ids. */
function onPage(e: AuditRecord) {
  const returned = Object.entries(e.returnedIds).map(([kind, ids]) => ({ kind, ids: ids.slice(0, IDS_ON_PAGE), more: ids.length - Math.min(ids.length, IDS_ON_PAGE) }));
  return { ...e, returned };
}

export async function auditLogRoutes(app: FastifyInstance): Promise<void> {
  const read = (q: AuditQuery) => queryAudit(app.store, q);

  app.get('/admin/audit-log', LOG, async (request, reply) => {
    const q = parse(auditQuery, request.query);
    const entries = await read({ ...q, limit: PAGE_SIZE });
    const older = entries.length === PAGE_SIZE ? entries[entries.length - 1]!.id : null;
    return reply.view('auth/audit-log.njk', { title: 'Audit log', entries: entries.map(onPage), q, older });
  });

  app.get('/api/audit-log', LOG, async (request) => ({ entries: await read({ ...parse(auditQuery, request.query), limit: PAGE_SIZE }) }));

  app.get('/admin/audit-log.csv', LOG, async (request, reply) => {
    const entries = await read({ ...parse(auditQuery, request.query), limit: 100_000 });
    const cell = (e: AuditRecord, c: (typeof CSV_COLUMNS)[number]) => csvSafe(c === 'returnedIds' ? returnedText(e.returnedIds) : e[c]);
    const body = stringify([[...CSV_COLUMNS], ...entries.map((e) => CSV_COLUMNS.map((c) => cell(e, c)))]);
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
