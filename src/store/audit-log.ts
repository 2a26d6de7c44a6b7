// The audit log: who viewed or changed what. Rows are only ever inserted; the database itself
// refuses UPDATE and DELETE (migration 020), so this module offers no way to do either.
import { sql, type Kysely } from 'kysely';
import type { AuditEvent, Database } from './schema.ts';
import type { Store } from './open.ts';

export interface AuditRecord {
  id: number;
  at: string; // ISO, UTC
  username: string | null;
  role: string | null;
  event: AuditEvent;
  method: string;
  route: string;
  url: string;
  status: number;
  recordIds: string[];
  ip: string | null;
}

/** What a caller appends: the time defaults to the database's now. */
export type AuditEntry = Omit<AuditRecord, 'id' | 'at' | 'recordIds' | 'ip'> & { at?: Date; recordIds?: string[]; ip?: string | null };

export interface AuditQuery {
  username?: string;
  event?: AuditEvent;
  /** Only entries naming this record id (a child id, an action id...). */
  recordId?: string;
  from?: string; // ISO date, inclusive
  to?: string; // ISO date, inclusive
  limit?: number;
  /** Entries with a smaller id than this (paging back in time). */
  before?: number;
}

/** Appends one entry; `db` may be a transaction's, so a change and its record commit together. */
/** Text as the log can hold it: no NUL (PostgreSQL refuses it), bounded length. */
const clean = (s: string, max: number) => s.replaceAll('\u0000', '\\0').slice(0, max);

export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at ? sql<string>`${entry.at.toISOString()}::timestamptz` : undefined,
      username: entry.username === null ? null : clean(entry.username, 200),
      role: entry.role,
      event: entry.event,
      method: entry.method,
      route: clean(entry.route, 500),
      url: clean(entry.url, 2000),
      status: entry.status,
      record_ids: sql<string[]>`${(entry.recordIds ?? []).map((id) => clean(id, 200))}::text[]`,
      ip: entry.ip ?? null,
    })
    .execute();
}

/** Newest first. */
export async function queryAudit(store: Store, q: AuditQuery = {}): Promise<AuditRecord[]> {
  let query = store.db
    .selectFrom('audit_log')
    .select(['id', 'username', 'role', 'event', 'method', 'route', 'url', 'status', 'record_ids', 'ip'])
    .select(sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('at'))
    .orderBy('id', 'desc')
    .limit(Math.min(q.limit ?? 500, 100_000));
  if (q.username) query = query.where('username', '=', q.username);
  if (q.event) query = query.where('event', '=', q.event);
  if (q.recordId) query = query.where(sql<boolean>`${q.recordId} = ANY(record_ids)`);
  if (q.from) query = query.where(sql<boolean>`(at AT TIME ZONE 'UTC')::date >= ${q.from}::date`);
  if (q.to) query = query.where(sql<boolean>`(at AT TIME ZONE 'UTC')::date <= ${q.to}::date`);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    username: r.username,
    role: r.role,
    event: r.event,
    method: r.method,
    route: r.route,
    url: r.url,
    status: r.status,
    recordIds: r.record_ids,
    ip: r.ip,
  }));
}
