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
  /** The records the response showed, by kind ('child', 'ehcp_request'...), up to MAX_RETURNED_IDS. */
  returnedIds: Record<string, string[]>;
  /** How many records it showed: more than returnedIds holds when the list was cut. */
  returnedCount: number;
}

/** What a caller appends: the time defaults to the database's now. */
export type AuditEntry = Omit<AuditRecord, 'id' | 'at' | 'recordIds' | 'ip' | 'returnedIds' | 'returnedCount'> & {
  at?: Date;
  recordIds?: string[];
  ip?: string | null;
  returned?: Record<string, readonly string[]>;
};

/**
 * Most record ids kept in one entry. The longest lists the service sends (every delayed EHC plan's
 * letter, a year of missing children) hold hundreds; 10,000 ids of up to 200 characters keeps an
 * entry under about 2 MB at worst. Past it, returned_count still says how many were shown.
 */
export const MAX_RETURNED_IDS = 10_000;

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

/** Text as the log can hold it: no NUL (PostgreSQL refuses it), bounded length. */
const clean = (s: string, max: number) => s.replaceAll('\u0000', '\\0').slice(0, max);

/** Query parameters that carry a secret: a CSRF token in a log could be read and sent again. */
const SECRET_PARAMS = new Set(['_csrf']);

function paramName(part: string): string {
  const name = part.split('=', 1)[0]!.replaceAll('+', ' ');
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** The URL with any secret query parameter (however encoded) taken out; the rest as it came. */
export function urlWithoutSecrets(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const kept = url.slice(at + 1).split('&').filter((part) => !SECRET_PARAMS.has(paramName(part)));
  return kept.length ? `${url.slice(0, at)}?${kept.join('&')}` : url.slice(0, at);
}

/** Appends one entry; `db` may be a transaction's, so a change and its record commit together. */

/** The returned ids as stored: each kind's ids cleaned, at most MAX_RETURNED_IDS in all. */
function boundedReturned(returned: Record<string, readonly string[]>): { ids: Record<string, string[]>; count: number } {
  const ids: Record<string, string[]> = {};
  let room = MAX_RETURNED_IDS;
  let count = 0;
  for (const [kind, list] of Object.entries(returned)) {
    count += list.length;
    if (list.length && room > 0) ids[clean(kind, 50)] = list.slice(0, room).map((id) => clean(id, 200));
    room -= Math.min(room, list.length);
  }
  return { ids, count };
}

export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const returned = boundedReturned(entry.returned ?? {});
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at ? sql<string>`${entry.at.toISOString()}::timestamptz` : undefined,
      username: entry.username === null ? null : clean(entry.username, 200),
      role: entry.role,
      event: entry.event,
      method: entry.method,
      route: clean(entry.route, 500),
      url: clean(urlWithoutSecrets(entry.url), 2000),
      status: entry.status,
      record_ids: sql<string[]>`${(entry.recordIds ?? []).map((id) => clean(id, 200))}::text[]`,
      ip: entry.ip ?? null,
      returned_ids: sql<string>`${JSON.stringify(returned.ids)}::jsonb`,
      returned_count: returned.count,
    })
    .execute();
}

/** Newest first. */
export async function queryAudit(store: Store, q: AuditQuery = {}): Promise<AuditRecord[]> {
  let query = store.db
    .selectFrom('audit_log')
    .select(['id', 'username', 'role', 'event', 'method', 'route', 'url', 'status', 'record_ids', 'ip', 'returned_ids', 'returned_count'])
    .select(sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('at'))
    .orderBy('id', 'desc')
    .limit(Math.min(q.limit ?? 500, 100_000));
  if (q.username) query = query.where('username', '=', q.username);
  if (q.event) query = query.where('event', '=', q.event);
  if (q.recordId) {
    const id = q.recordId;
    query = query.where(sql<boolean>`(${id} = ANY(record_ids) OR EXISTS (SELECT 1 FROM jsonb_each(returned_ids) AS r(kind, ids) WHERE r.ids @> jsonb_build_array(${id}::text)))`);
  }
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
    returnedIds: r.returned_ids,
    returnedCount: r.returned_count,
  }));
}
