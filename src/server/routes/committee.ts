// The Overview and Scrutiny Committee's actions register: what was asked at which meeting, who
// answers, by when, and the response. Officers keep it up to date; each save is kept in its history.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { groupBy } from '../../core/group.ts';
import { COMMITTEE_STATUS_LABEL, COMMITTEE_STATUSES, committeeAction, type CommitteeAction, committeeActions, updateCommitteeAction } from '../../store/actions.ts';
import { HttpError } from '../errors.ts';
import { parseForm } from '../forms.ts';
import { blankToNull, parse, realDate, withDateParts } from '../validate.ts';

const params = z.object({ id: z.string().min(1).max(100) });

export const committeeChange = withDateParts(['dueDate'], z.object({
  responsible: z.string().trim().min(1, 'Enter who is responsible').max(200),
  dueDate: blankToNull(realDate),
  status: z.enum(COMMITTEE_STATUSES, { message: 'Choose a status' }),
  response: z.string().trim().max(5000, 'Response must be 5000 characters or fewer').default(''),
}));

const registerQuery = z.object({ status: z.enum([...COMMITTEE_STATUSES, 'all']).default('all') });

const VIEW = { config: { permission: 'view_aggregates' as const } };
const EDIT = { config: { permission: 'edit_actions' as const } };

/** The register's rows grouped by meeting (most recent first, as the register is ordered). */
function byMeeting(rows: readonly CommitteeAction[]) {
  return [...groupBy(rows, (r) => `${r.meeting_date}|${r.committee}`).values()].map((g) => ({ date: g[0]!.meeting_date, committee: g[0]!.committee, rows: g }));
}

export async function committeeRoutes(app: FastifyInstance): Promise<void> {
  const load = async (id: string) => {
    const row = await committeeAction(app.store, id, app.asOf());
    if (!row) throw new HttpError(404, `There is no committee action ${id}.`);
    return row;
  };
  const page = (extra: object) => ({ title: 'Committee action', statusLabel: COMMITTEE_STATUS_LABEL, ...extra });

  app.get('/committee', VIEW, async (request, reply) => {
    const { status } = parse(registerQuery, request.query);
    const all = await committeeActions(app.store, app.asOf());
    const rows = status === 'all' ? all : all.filter((r) => r.status === status);
    return reply.view('pages/committee.njk', {
      title: 'Committee actions register',
      meetings: byMeeting(rows),
      status,
      statuses: COMMITTEE_STATUSES,
      statusLabel: COMMITTEE_STATUS_LABEL,
      overdue: all.filter((r) => r.overdue).length,
      total: all.length,
    });
  });

  app.get('/committee/:id', VIEW, async (request, reply) => {
    const { id } = parse(params, request.params);
    const updated = (request.query as Record<string, unknown>).updated === '1';
    return reply.view('pages/committee-action.njk', page({ row: await load(id), updated }));
  });

  app.post('/committee/:id', EDIT, async (request, reply) => {
    const { id } = parse(params, request.params);
    const row = await load(id);
    const form = parseForm(committeeChange, request.body);
    if (!form.ok) return reply.code(400).view('pages/committee-action.njk', page({ row, errors: form.errors, values: request.body }));
    await updateCommitteeAction(app.store, { id, ...form.value, user: request.user!.username });
    return reply.redirect(`/committee/${encodeURIComponent(id)}?updated=1`, 303);
  });

  app.get('/api/committee-actions', VIEW, async () => ({ asOf: app.asOf(), actions: await committeeActions(app.store, app.asOf()) }));

  app.post('/api/committee-actions/:id', EDIT, async (request) => {
    const { id } = parse(params, request.params);
    const change = parse(committeeChange, request.body);
    if (!(await updateCommitteeAction(app.store, { id, ...change, user: request.user!.username }))) throw new HttpError(404, `There is no committee action ${id}.`);
    return load(id);
  });
}
