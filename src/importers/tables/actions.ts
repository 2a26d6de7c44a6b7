// Children's Services Strategy actions (with their RAG history), the dated history a council
// kept before csinsight (ratings and progress notes at past reviews), and committee actions.
import * as z from 'zod';
import { sql } from 'kysely';
import { ACTION_STATUS, COMMITTEE_ACTION_STATUS, RAG_CODES } from '../../core/codes.ts';
import type { IsoDate } from '../../core/dates.ts';
import { code, date, text } from '../fields.ts';
import { afterImport, script, type TableSpec } from '../spec.ts';
import { IMPORT_COMMENT } from '../../store/actions.ts';

interface StrategyRow {
  priorityId: string;
  priorityTitle: string;
  actionId: string;
  action: string;
  owner: string;
  dueDate: IsoDate | null;
  status: string;
  rag: string | null;
}

export const strategyActions: TableSpec<StrategyRow> = {
  id: 'strategy',
  label: 'Strategy actions',
  columns: ['PriorityID', 'PriorityTitle', 'ActionID', 'Action', 'Owner', 'DueDate', 'Status', 'RAG'],
  schema: () =>
    z
      .object({
        priorityid: text({ required: true, max: 40 }),
        prioritytitle: text({ required: true, max: 300 }),
        actionid: text({ required: true, max: 40 }),
        action: text({ required: true, max: 2000 }),
        owner: text({ required: true }),
        duedate: date(),
        status: code(ACTION_STATUS, { required: true }),
        rag: code(RAG_CODES),
      })
      .transform((r) => ({
        priorityId: r.priorityid,
        priorityTitle: r.prioritytitle,
        actionId: r.actionid,
        action: r.action,
        owner: r.owner,
        dueDate: r.duedate,
        status: r.status,
        rag: r.rag,
      })),
  stage: [
    ['priority_id', 'text'], ['priority_title', 'text'], ['action_id', 'text'], ['title', 'text'], ['owner', 'text'],
    ['due_date', 'date'], ['status', 'text'], ['rag', 'text'],
  ],
  toStage: (r) => [r.priorityId, r.priorityTitle, r.actionId, r.action, r.owner, r.dueDate, r.status, r.rag],
  key: ['action_id'],
  keyFields: ['ActionID'],
  checks: [
    `SELECT s.f, s.r, 'PriorityTitle' AS field, 'priority-title' AS rule,
       'Priority ' || s.priority_id || ' has another title on row ' || o.r || ' of the same import.' AS message
     FROM s_strategy s JOIN s_strategy o ON o.priority_id = s.priority_id AND o.priority_title <> s.priority_title
       AND (o.f, o.r) < (s.f, s.r)`,
  ],
  async upsert(tx, run) {
    // New actions, and those whose status or RAG changes, get a dated history entry.
    await tx.exec(`
      CREATE TEMP TABLE s_strategy_changed ON COMMIT DROP AS
        SELECT s.action_id, s.status, s.rag, a.action_id IS NULL AS is_new
        FROM s_strategy s LEFT JOIN strategy_action a ON a.action_id = s.action_id
        WHERE a.action_id IS NULL OR a.status IS DISTINCT FROM s.status OR a.rag IS DISTINCT FROM s.rag;
      INSERT INTO priority (priority_id, title)
        SELECT DISTINCT ON (priority_id) priority_id, priority_title FROM s_strategy ORDER BY priority_id, f, r
        ON CONFLICT (priority_id) DO UPDATE SET title = excluded.title WHERE priority.title IS DISTINCT FROM excluded.title;
      INSERT INTO strategy_action (action_id, priority_id, title, owner, due_date, status, rag)
        SELECT action_id, priority_id, title, owner, due_date, status, rag FROM s_strategy
        ON CONFLICT (action_id) DO UPDATE SET priority_id = excluded.priority_id, title = excluded.title, owner = excluded.owner,
          due_date = excluded.due_date, status = excluded.status, rag = excluded.rag, updated_at = now()
        WHERE (strategy_action.priority_id, strategy_action.title, strategy_action.owner, strategy_action.due_date,
               strategy_action.status, strategy_action.rag)
          IS DISTINCT FROM (excluded.priority_id, excluded.title, excluded.owner, excluded.due_date, excluded.status, excluded.rag);`);
    await sql`INSERT INTO action_update (action_id, by_user, rag, status, comment)
      SELECT action_id, ${run.user}, rag, status, CASE WHEN is_new THEN ${IMPORT_COMMENT.added} ELSE ${IMPORT_COMMENT.changed} END
      FROM s_strategy_changed`.execute(tx.db);
  },
};

interface HistoryRow {
  actionId: string;
  updateDate: IsoDate;
  rag: string | null;
  status: string;
  note: string | null;
  updatedBy: string | null;
}

const STRATEGY_ACTIONS = afterImport({ stages: ['s_strategy'], table: 'strategy_action', columns: ['action_id'], key: ['action_id'] });

/**
 * Each action's past reviews: the RAG and status it had on a date, and the progress note written
 * then. Each row adds an entry to the action's history, dated at midday (UTC) of its day; an entry
 * already stored with the same day, rating, status, note and author is not added twice, and
 * nothing stored is ever replaced. The current rating stays the strategy actions file's.
 */
export const actionHistory: TableSpec<HistoryRow> = {
  id: 'action_history',
  label: 'Strategy action history',
  columns: ['ActionID', 'UpdateDate', 'RAG', 'Status', 'Note', 'UpdatedBy'],
  schema: (ctx) =>
    z
      .object({
        actionid: text({ required: true, max: 40 }),
        updatedate: date({ required: true, notAfter: ctx.today }),
        rag: code(RAG_CODES),
        status: code(ACTION_STATUS, { required: true }),
        note: text({ max: 2000 }),
        updatedby: text({ max: 200 }),
      })
      .transform((r) => ({ actionId: r.actionid, updateDate: r.updatedate, rag: r.rag, status: r.status, note: r.note, updatedBy: r.updatedby })),
  stage: [['action_id', 'text'], ['update_date', 'date'], ['rag', 'text'], ['status', 'text'], ['note', 'text'], ['updated_by', 'text']],
  toStage: (r) => [r.actionId, r.updateDate, r.rag, r.status, r.note ?? '', r.updatedBy],
  key: ['action_id', 'update_date'],
  keyFields: ['ActionID', 'UpdateDate'],
  checks: [
    `SELECT s.f, s.r, 'ActionID' AS field, 'action-exists' AS rule,
       'There is no strategy action ' || s.action_id || ' (in the strategy actions file of this import or already stored).' AS message
     FROM s_action_history s
     WHERE NOT EXISTS (SELECT 1 FROM ${STRATEGY_ACTIONS} a WHERE a.action_id = s.action_id)`,
  ],
  async upsert(tx, run) {
    await sql`INSERT INTO action_update (action_id, at, by_user, rag, status, comment)
      SELECT s.action_id, (s.update_date + time '12:00') AT TIME ZONE 'UTC', coalesce(s.updated_by, ${run.user}), s.rag, s.status, s.note
      FROM s_action_history s
      WHERE NOT EXISTS (
        SELECT 1 FROM action_update u
        WHERE u.action_id = s.action_id AND u.at = (s.update_date + time '12:00') AT TIME ZONE 'UTC'
          AND u.by_user = coalesce(s.updated_by, ${run.user}) AND u.rag IS NOT DISTINCT FROM s.rag AND u.status = s.status AND u.comment = s.note)`.execute(tx.db);
  },
};

interface CommitteeRow {
  actionId: string;
  meetingDate: IsoDate;
  committee: string;
  item: string;
  action: string;
  responsible: string;
  dueDate: IsoDate | null;
  status: string;
  response: string | null;
}

const COMMITTEE_COLUMNS = ['committee_action_id', 'meeting_date', 'committee', 'item', 'action', 'responsible', 'due_date', 'status', 'response'];

export const committeeActions: TableSpec<CommitteeRow> = {
  id: 'committee',
  label: 'Committee actions',
  columns: ['ActionID', 'MeetingDate', 'Committee', 'Item', 'Action', 'Responsible', 'DueDate', 'Status', 'Response'],
  schema: () =>
    z
      .object({
        actionid: text({ required: true, max: 40 }),
        meetingdate: date({ required: true }),
        committee: text({ required: true }),
        item: text({ required: true, max: 500 }),
        action: text({ required: true, max: 2000 }),
        responsible: text({ required: true }),
        duedate: date(),
        status: code(COMMITTEE_ACTION_STATUS, { required: true }),
        response: text({ max: 5000 }),
      })
      .transform((r) => ({
        actionId: r.actionid,
        meetingDate: r.meetingdate,
        committee: r.committee,
        item: r.item,
        action: r.action,
        responsible: r.responsible,
        dueDate: r.duedate,
        status: r.status,
        response: r.response,
      })),
  stage: COMMITTEE_COLUMNS.map((c) => [c, c.endsWith('date') ? 'date' : 'text'] as const),
  toStage: (r) => [r.actionId, r.meetingDate, r.committee, r.item, r.action, r.responsible, r.dueDate, r.status, r.response ?? ''],
  key: ['committee_action_id'],
  keyFields: ['ActionID'],
  upsert: script(`INSERT INTO committee_action (${COMMITTEE_COLUMNS.join(', ')}) SELECT ${COMMITTEE_COLUMNS.join(', ')} FROM s_committee
    ON CONFLICT (committee_action_id) DO UPDATE SET ${COMMITTEE_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
    WHERE (${COMMITTEE_COLUMNS.slice(1).map((c) => `committee_action.${c}`).join(', ')})
      IS DISTINCT FROM (${COMMITTEE_COLUMNS.slice(1).map((c) => `excluded.${c}`).join(', ')});`),
};
