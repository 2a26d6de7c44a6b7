// The Strategy action plan update: each priority's actions with RAG now and at the last meeting,
// what children and young people said about the priority, overdue actions, and the committee's
// own actions register.
import { addDays, type IsoDate } from '../core/dates.ts';
import type { Rag } from '../core/rag.ts';
import { publishCount } from '../core/suppression.ts';
import { emptyPriorityVoice, quoteThreshold, showPriorityVoice, VOICE_MONTHS, voiceWindow } from '../core/voice.ts';
import {
  ACTION_STATUS_LABEL,
  actionCounts,
  actionPlan,
  isProgressNote,
  COMMITTEE_STATUS_LABEL,
  committeeActions,
  type ActionStatus,
  type ActionUpdate,
  type CommitteeStatus,
  type StrategyAction,
} from '../store/actions.ts';
import type { Store } from '../store/open.ts';
import { priorityVoices } from '../store/voice.ts';
import { longDate, shortDate } from './format.ts';
import { DEFAULT_AUTHOR, paperContext } from './paper.ts';
import { renderTemplate } from './render.ts';

export interface ActionPlanReportOptions {
  meetingDate: IsoDate;
  /** The meeting the change in RAG is measured from; the committee's last meeting on record when absent. */
  previousMeetingDate?: IsoDate;
  committee: string;
  author?: string;
}

/** Quotes printed under each priority. */
const VOICE_QUOTES = 2;

export type RagChange = 'improved' | 'worsened' | 'same' | 'new';
export const RAG_CHANGE_LABEL: Record<RagChange, string> = { improved: 'Improved', worsened: 'Worsened', same: 'No change', new: 'Not rated before' };
const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

/** The RAG an action had at the end of a day: its latest history entry on or before it. */
export function ragOn(history: readonly ActionUpdate[], day: IsoDate): Rag | null {
  const end = addDays(day, 1);
  let latest: ActionUpdate | null = null;
  for (const u of history) if (u.at < end && (!latest || u.at > latest.at || (u.at === latest.at && u.id > latest.id))) latest = u;
  return latest?.rag ?? null;
}

/** The latest progress note written by the end of a day, with its date as the paper prints it. */
function latestNoteBy(history: readonly ActionUpdate[], day: IsoDate): { text: string; date: string } | null {
  const note = history.find((u) => u.at < addDays(day, 1) && isProgressNote(u));
  return note ? { text: note.comment, date: longDate(note.at.slice(0, 10)) } : null;
}

export function ragChange(before: Rag | null, now: Rag | null): RagChange {
  if (!before || !now) return 'new';
  const d = RAG_ORDER[now] - RAG_ORDER[before];
  return d > 0 ? 'improved' : d < 0 ? 'worsened' : 'same';
}

export async function actionPlanReport(store: Store, options: ActionPlanReportOptions): Promise<{ html: string; title: string }> {
  const meeting = options.meetingDate;
  const previous = options.previousMeetingDate ?? (await previousMeeting(store, options.committee, meeting));
  // A Part 1 paper is public: counts of 1-5 read "<6" and quotes come only from groups of 6 or more.
  const [priorities, register, voices] = await Promise.all([
    actionPlan(store, meeting),
    committeeActions(store, meeting),
    priorityVoices(store, voiceWindow(meeting), { quotes: VOICE_QUOTES, minCrowd: quoteThreshold(true) }),
  ]);

  const line = (a: StrategyAction) => {
    // With no history at all the action's current rating is the only one there is.
    const now = a.history.length > 0 ? ragOn(a.history, meeting) : a.rag;
    const before = previous ? ragOn(a.history, previous) : null;
    const change = ragChange(before, now);
    return {
      id: a.action_id,
      title: a.title,
      owner: a.owner,
      due: shortDate(a.due_date),
      status: ACTION_STATUS_LABEL[a.status as ActionStatus] ?? a.status,
      rag: now,
      ragBefore: before,
      change: RAG_CHANGE_LABEL[change],
      worsened: change === 'worsened',
      overdue: a.overdue,
      latestNote: latestNoteBy(a.history, meeting),
    };
  };
  const sections = priorities.map((p) => ({
    id: p.priority_id,
    title: p.title,
    description: p.description,
    actions: p.actions.map(line),
    voice: showPriorityVoice(voices.get(p.priority_id) ?? emptyPriorityVoice(p.priority_id), (n) => publishCount(n), true),
  }));
  const all = sections.flatMap((s) => s.actions);
  const committeeRows = register
    .filter((c) => sameCommittee(c.committee, options.committee))
    // Closed items stay on the register until the meeting after they were closed has seen them.
    .filter((c) => c.status === 'open' || c.status === 'in_progress' || !previous || c.updated_at >= previous)
    .map((c) => ({
      id: c.committee_action_id,
      meeting: shortDate(c.meeting_date),
      item: c.item,
      action: c.action,
      responsible: c.responsible,
      due: shortDate(c.due_date),
      status: COMMITTEE_STATUS_LABEL[c.status as CommitteeStatus] ?? c.status,
      response: c.response,
      overdue: c.overdue,
    }));

  const title = `Children's Services Strategy: action plan update, ${longDate(meeting)}`;
  const paper = paperContext(title, options.committee, meeting, options.author ?? DEFAULT_AUTHOR);
  const html = renderTemplate('actions.njk', {
    ...paper,
    paper,
    previous: previous ? longDate(previous) : null,
    sections,
    voicePeriod: `the ${VOICE_MONTHS} months to ${longDate(meeting)}`,
    voiceTotal: publishCount([...voices.values()].reduce((n, v) => n + v.voices, 0)),
    overdue: all.filter((a) => a.overdue),
    tally: {
      ...actionCounts(all),
      worsened: all.filter((a) => a.worsened).length,
      improved: all.filter((a) => a.change === RAG_CHANGE_LABEL.improved).length,
    },
    committeeRows,
  });
  return { html, title };
}

function sameCommittee(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The committee's latest meeting before this one with actions on its register. */
async function previousMeeting(store: Store, committee: string, before: IsoDate): Promise<IsoDate | null> {
  const row = await store.db
    .selectFrom('committee_action')
    .select((eb) => eb.fn.max('meeting_date').as('d'))
    .where((eb) => eb(eb.fn('lower', [eb.fn('trim', ['committee'])]), '=', committee.trim().toLowerCase()))
    .where('meeting_date', '<', before)
    .executeTakeFirst();
  return row?.d ?? null;
}
