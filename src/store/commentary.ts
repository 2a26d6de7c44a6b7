// Officer commentary on an indicator for a reporting period's committee paper: each save is a new
// version; a manager approves a version someone else wrote; the paper prints the latest approved.
import type { IsoDate } from '../core/dates.ts';
import type { Store } from './open.ts';
import type { Row } from './schema.ts';

export interface CommentaryKey {
  indicatorId: string;
  periodType: string;
  periodStart: IsoDate;
}

export type CommentaryVersion = Row<'commentary'>;

/** The longest commentary: a few paragraphs under one indicator of a printed paper. */
export const COMMENTARY_MAX_CHARS = 5000;

export class CommentaryError extends Error {}

/** Every version for the indicator and period, newest first. */
export async function commentaryVersions(store: Store, key: CommentaryKey): Promise<CommentaryVersion[]> {
  return store.db
    .selectFrom('commentary')
    .selectAll()
    .where('indicator_id', '=', key.indicatorId)
    .where('period_type', '=', key.periodType)
    .where('period_start', '=', key.periodStart)
    .orderBy('version', 'desc')
    .execute();
}

/** Saves `body` as the next version (a draft until approved); returns its number. */
export async function draftCommentary(store: Store, key: CommentaryKey, body: string, user: string): Promise<number> {
  return store.transaction(async (tx) => {
    const latest = await tx.db
      .selectFrom('commentary')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('indicator_id', '=', key.indicatorId)
      .where('period_type', '=', key.periodType)
      .where('period_start', '=', key.periodStart)
      .executeTakeFirst();
    const version = Number(latest?.v ?? 0) + 1;
    await tx.db
      .insertInto('commentary')
      .values({ indicator_id: key.indicatorId, period_type: key.periodType, period_start: key.periodStart, version, body, drafted_by: user })
      .execute();
    return version;
  });
}

/** Approves one version. Refused for someone's own draft, a version that does not exist, or one already approved. */
export async function approveCommentary(store: Store, key: CommentaryKey, version: number, user: string): Promise<void> {
  const row = (await commentaryVersions(store, key)).find((v) => v.version === version);
  if (!row) throw new CommentaryError(`There is no version ${version} of this commentary.`);
  if (row.drafted_by === user) throw new CommentaryError('You wrote this version: another manager must approve it.');
  if (row.approved_by) throw new CommentaryError(`Version ${version} was already approved by ${row.approved_by}.`);
  await store.db
    .updateTable('commentary')
    .set({ approved_by: user, approved_at: new Date().toISOString() })
    .where('indicator_id', '=', key.indicatorId)
    .where('period_type', '=', key.periodType)
    .where('period_start', '=', key.periodStart)
    .where('version', '=', version)
    .where('approved_by', 'is', null)
    .execute();
}

/** For a period's paper: each indicator's latest approved commentary. */
export async function approvedCommentary(store: Store, periodType: string, periodStart: IsoDate): Promise<Map<string, CommentaryVersion>> {
  const rows = await store.db
    .selectFrom('commentary')
    .selectAll()
    .where('period_type', '=', periodType)
    .where('period_start', '=', periodStart)
    .where('approved_by', 'is not', null)
    .orderBy('version', 'asc')
    .execute();
  return new Map(rows.map((r) => [r.indicator_id, r]));
}

/** Each indicator's latest version for the period (approved or not), for the overview of what is still to do. */
export async function latestCommentary(store: Store, periodType: string, periodStart: IsoDate): Promise<Map<string, CommentaryVersion>> {
  const rows = await store.db
    .selectFrom('commentary')
    .selectAll()
    .where('period_type', '=', periodType)
    .where('period_start', '=', periodStart)
    .orderBy('version', 'asc')
    .execute();
  return new Map(rows.map((r) => [r.indicator_id, r]));
}
