// Strategy action plan and committee actions register: reads for the pages, and officers' edits.
// A strategy action's RAG/status change and its dated history entry are written together, so the
// history on the page is always the full story of how the rating got where it is.
import { groupBy } from '../core/group.ts';
import type { IsoDate } from '../core/dates.ts';
import type { Rag } from '../core/rag.ts';
import type { Store } from './open.ts';
import type { Row } from './schema.ts';

export const ACTION_STATUSES = ['not_started', 'in_progress', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  complete: 'Complete',
};

export const COMMITTEE_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];
export const COMMITTEE_STATUS_LABEL: Record<CommitteeStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Past its due date and not finished: the flag a committee chases. */
export function isOverdue(dueDate: IsoDate | null, finished: boolean, asOf: IsoDate): boolean {
  return dueDate !== null && !finished && dueDate < asOf;
}

export type ActionUpdate = Row<'action_update'>;

/** What an import writes in an action's history: a record of the change, not a progress note. */
export const IMPORT_COMMENT = { added: 'Added by import', changed: 'Changed by import' } as const;

/** A person's progress note, not an import's record of a change. */
export function isProgressNote(update: ActionUpdate): boolean {
  return update.comment.trim() !== '' && update.comment !== IMPORT_COMMENT.added && update.comment !== IMPORT_COMMENT.changed;
}

export interface StrategyAction extends Row<'strategy_action'> {
  overdue: boolean;
  /** The latest progress note an officer wrote (imports' records of changes are not notes). */
  latestNote: ActionUpdate | null;
  /** Overdue yet rated Green: the rating and the due date disagree, so one of them needs a look. */
  greenButOverdue: boolean;
  history: ActionUpdate[];
}

/** How many actions are Red, Amber, Green and not rated (these add up to the total), overdue, and Green though overdue. */
export function actionCounts(actions: readonly { rag: Rag | null; overdue: boolean }[]) {
  const rated = (rag: Rag | null) => actions.filter((a) => a.rag === rag).length;
  return {
    total: actions.length,
    red: rated('red'),
    amber: rated('amber'),
    green: rated('green'),
    unrated: rated(null),
    overdue: actions.filter((a) => a.overdue).length,
    greenButOverdue: actions.filter((a) => a.overdue && a.rag === 'green').length,
  };
}

export interface PriorityWithActions extends Row<'priority'> {
  actions: StrategyAction[];
}

/** Every priority with its actions (and each action's history, newest first). */
export async function actionPlan(store: Store, asOf: IsoDate): Promise<PriorityWithActions[]> {
  const [priorities, actions, updates] = await Promise.all([
    store.db.selectFrom('priority').selectAll().orderBy('sort_order').orderBy('priority_id').execute(),
    store.db.selectFrom('strategy_action').selectAll().orderBy('due_date').orderBy('action_id').execute(),
    store.db.selectFrom('action_update').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').execute(),
  ]);
  const historyOf = groupBy(updates, (u) => u.action_id);
  const actionsOf = groupBy(
    actions.map((a) => withFlags(a, historyOf.get(a.action_id) ?? [], asOf)),
    (a) => a.priority_id,
  );
  return priorities.map((p) => ({ ...p, actions: actionsOf.get(p.priority_id) ?? [] }));
}

export async function strategyAction(store: Store, actionId: string, asOf: IsoDate): Promise<StrategyAction | null> {
  const action = await store.db.selectFrom('strategy_action').selectAll().where('action_id', '=', actionId).executeTakeFirst();
  if (!action) return null;
  const history = await store.db
    .selectFrom('action_update')
    .selectAll()
    .where('action_id', '=', actionId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return withFlags(action, history, asOf);
}

export interface ActionChange {
  actionId: string;
  rag: Rag | null;
  status: ActionStatus;
  comment: string;
  user: string;
}

/** Sets an action's RAG and status and records the change with its comment. False if no such action. */
export async function updateStrategyAction(store: Store, change: ActionChange): Promise<boolean> {
  return store.transaction(async (tx) => {
    const updated = await tx.db
      .updateTable('strategy_action')
      .set({ rag: change.rag, status: change.status, updated_at: new Date().toISOString() })
      .where('action_id', '=', change.actionId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await tx.db
      .insertInto('action_update')
      .values({ action_id: change.actionId, by_user: change.user, rag: change.rag, status: change.status, comment: change.comment })
      .execute();
    return true;
  });
}

export interface CommitteeAction extends Row<'committee_action'> {
  overdue: boolean;
}

export type CommitteeActionUpdate = Row<'committee_action_update'>;

/** One register entry with every officer's save of it, newest first. */
export interface CommitteeActionWithHistory extends CommitteeAction {
  history: CommitteeActionUpdate[];
}

/** The register, most recent meeting first. */
export async function committeeActions(store: Store, asOf: IsoDate): Promise<CommitteeAction[]> {
  const rows = await store.db
    .selectFrom('committee_action')
    .selectAll()
    .orderBy('meeting_date', 'desc')
    .orderBy('committee_action_id')
    .execute();
  return rows.map((r) => committeeFlags(r, asOf));
}

export async function committeeAction(store: Store, id: string, asOf: IsoDate): Promise<CommitteeActionWithHistory | null> {
  const [row, history] = await Promise.all([
    store.db.selectFrom('committee_action').selectAll().where('committee_action_id', '=', id).executeTakeFirst(),
    store.db.selectFrom('committee_action_update').selectAll().where('committee_action_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').execute(),
  ]);
  return row ? { ...committeeFlags(row, asOf), history } : null;
}

export interface CommitteeChange {
  id: string;
  responsible: string;
  dueDate: IsoDate | null;
  status: CommitteeStatus;
  response: string;
  user: string;
}

/** An officer's edit of a register entry, kept in its history with who made it. False if no such entry. */
export async function updateCommitteeAction(store: Store, change: CommitteeChange): Promise<boolean> {
  return store.transaction(async (tx) => {
    const saved = { responsible: change.responsible, due_date: change.dueDate, status: change.status, response: change.response };
    const result = await tx.db
      .updateTable('committee_action')
      .set({ ...saved, updated_at: new Date().toISOString() })
      .where('committee_action_id', '=', change.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await tx.db.insertInto('committee_action_update').values({ committee_action_id: change.id, by_user: change.user, ...saved }).execute();
    return true;
  });
}

function withFlags(action: Row<'strategy_action'>, history: ActionUpdate[], asOf: IsoDate): StrategyAction {
  const overdue = isOverdue(action.due_date, action.status === 'complete', asOf);
  return { ...action, overdue, greenButOverdue: overdue && action.rag === 'green', latestNote: history.find(isProgressNote) ?? null, history };
}

function committeeFlags(row: Row<'committee_action'>, asOf: IsoDate): CommitteeAction {
  return { ...row, overdue: isOverdue(row.due_date, row.status === 'done' || row.status === 'dropped', asOf) };
}

