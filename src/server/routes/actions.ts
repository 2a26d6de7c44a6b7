// Strategy action plan: the live list, each action with its dated history, and officers' progress
// notes (each kept in the history, optionally changing the RAG and status at the same time).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../core/access.ts';
import { voiceWindow } from '../../core/voice.ts';
import { actionCounts, actionPlan, ACTION_STATUS_LABEL, ACTION_STATUSES, strategyAction, updateStrategyAction } from '../../store/actions.ts';
import { HttpError } from '../errors.ts';
import { parseForm } from '../forms.ts';
import { parse } from '../validate.ts';
import { shownResponses, voicePanels } from './voice.ts';

const params = z.object({ actionId: z.string().min(1).max(100) });

const NOTE_NEEDED = 'Enter a progress note: what has been done since the last update';
/** A note is printed under its action in the committee paper: a paragraph, not a report. */
const NOTE_MAX_CHARS = 2000;

export const actionChange = z.object({
  rag: z.preprocess((v) => (v === '' ? null : v), z.enum(['red', 'amber', 'green'], { message: 'Choose a RAG rating' }).nullable()),
  status: z.enum(ACTION_STATUSES, { message: 'Choose a status' }),
  comment: z.string({ message: NOTE_NEEDED }).trim().min(1, NOTE_NEEDED).max(NOTE_MAX_CHARS, `The progress note must be ${NOTE_MAX_CHARS} characters or fewer`),
});

const VIEW = { config: { permission: 'view_aggregates' as const } };
const EDIT = { config: { permission: 'edit_actions' as const } };

export async function actionRoutes(app: FastifyInstance): Promise<void> {
  const load = async (id: string) => {
    const action = await strategyAction(app.store, id, app.asOf());
    if (!action) throw new HttpError(404, `There is no action ${id}.`);
    return action;
  };
  // What children and young people said about the action's priority, and the feedback it answers.
  const actionVoice = async (action: { action_id: string; priority_id: string }, role: Role | undefined) => {
    const [panels, linked] = await Promise.all([
      voicePanels(app.store, role, app.asOf(), [action.priority_id]),
      shownResponses(app.store, role, voiceWindow(app.asOf()), action.action_id),
    ]);
    return { panel: panels.byPriority[action.priority_id], period: panels.period, linked };
  };

  app.get('/actions', VIEW, async (request, reply) => {
    const priorities = await actionPlan(app.store, app.asOf());
    const voice = await voicePanels(app.store, request.user?.role, app.asOf(), priorities.map((p) => p.priority_id));
    const all = priorities.flatMap((p) => p.actions);
    const summary = actionCounts(all);
    return reply.view('pages/actions.njk', { title: 'Strategy action plan', priorities, summary, statusLabel: ACTION_STATUS_LABEL, voice });
  });

  app.get('/actions/:actionId', VIEW, async (request, reply) => {
    const { actionId } = parse(params, request.params);
    const updated = (request.query as Record<string, unknown>).updated === '1';
    const action = await load(actionId);
    const voice = await actionVoice(action, request.user?.role);
    return reply.view('pages/action.njk', { title: 'Action', action, statusLabel: ACTION_STATUS_LABEL, updated, voice });
  });

  app.post('/actions/:actionId', EDIT, async (request, reply) => {
    const { actionId } = parse(params, request.params);
    const action = await load(actionId);
    const form = parseForm(actionChange, request.body);
    if (!form.ok) {
      return reply
        .code(400)
        .view('pages/action.njk', { title: 'Action', action, statusLabel: ACTION_STATUS_LABEL, errors: form.errors, values: request.body, voice: await actionVoice(action, request.user?.role) });
    }
    await updateStrategyAction(app.store, { actionId, ...form.value, user: request.user!.username });
    return reply.redirect(`/actions/${encodeURIComponent(actionId)}?updated=1`, 303);
  });

  app.get('/api/actions', VIEW, async () => ({ asOf: app.asOf(), priorities: await actionPlan(app.store, app.asOf()) }));

  app.get('/api/actions/:actionId', VIEW, async (request) => load(parse(params, request.params).actionId));

  app.post('/api/actions/:actionId', EDIT, async (request) => {
    const { actionId } = parse(params, request.params);
    const change = parse(actionChange, request.body);
    if (!(await updateStrategyAction(app.store, { actionId, ...change, user: request.user!.username }))) {
      throw new HttpError(404, `There is no action ${actionId}.`);
    }
    return load(actionId);
  });
}
