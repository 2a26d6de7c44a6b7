// Officer commentary for the committee paper: per indicator and reporting period, drafted on the
// web (each save a new version), approved by a manager who did not write it, then printed in the
// performance paper (reports/performance.ts prints the latest approved version only).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../core/access.ts';
import { AREA_LABEL, groupInAreaOrder } from '../../core/indicators/areas.ts';
import { indicatorById, INDICATORS } from '../../core/indicators/index.ts';
import { PERIOD_TYPES, periodStarting } from '../../core/periods.ts';
import { latestReportedPeriod } from '../../reports/index.ts';
import {
  approveCommentary, COMMENTARY_MAX_CHARS, CommentaryError, commentaryVersions, draftCommentary, latestCommentary, type CommentaryKey,
} from '../../store/commentary.ts';
import { HttpError } from '../errors.ts';
import { formErrors } from '../forms.ts';
import { parse, realDate, withDateParts } from '../validate.ts';

const periodFields = {
  period: z.enum(PERIOD_TYPES, { message: 'Choose month, quarter or year' }).default('quarter'),
  start: z.preprocess((v) => (v === '' ? undefined : v), realDate.optional()),
};
const periodQuery = withDateParts(['start'], z.object(periodFields));
const draftForm = z.object({
  ...periodFields,
  body: z.string().trim().min(1, 'Enter the commentary').max(COMMENTARY_MAX_CHARS, `Commentary must be ${COMMENTARY_MAX_CHARS.toLocaleString('en-GB')} characters or fewer`),
});
const approveForm = z.object({ ...periodFields, version: z.coerce.number().int().min(1) });
const params = z.object({ id: z.string().min(1).max(100) });

const DRAFT = { config: { permission: 'edit_narratives' as const } };
const APPROVE = { config: { permission: 'approve_commentary' as const } };

export async function commentaryRoutes(app: FastifyInstance): Promise<void> {
  /** The period asked for, or the latest that had ended by today (the paper's own default). */
  const periodOf = async (q: { period: (typeof PERIOD_TYPES)[number]; start?: string }) => {
    const start = q.start ?? (await latestReportedPeriod(app.store, q.period, app.asOf()));
    if (!start) throw new HttpError(400, `No ${q.period} indicator values are stored yet: compute the indicators first.`);
    const period = periodStarting(q.period, start);
    if (!period) throw new HttpError(400, `${start} is not the first day of a ${q.period} (financial years start on 1 April).`);
    return period;
  };
  const indicator = (id: string) => {
    const def = indicatorById(id);
    if (!def) throw new HttpError(404, `There is no indicator ${id}.`);
    return def;
  };
  const link = (id: string, key: { periodType: string; periodStart: string }) =>
    `/reports/commentary/${encodeURIComponent(id)}?period=${key.periodType}&start=${key.periodStart}`;

  app.get('/reports/commentary', DRAFT, async (request, reply) => {
    const period = await periodOf(parse(periodQuery, request.query));
    const latest = await latestCommentary(app.store, period.type, period.start);
    const rows = INDICATORS.map((def) => {
      const c = latest.get(def.id);
      return {
        id: def.id,
        area: def.area,
        title: def.title,
        href: link(def.id, { periodType: period.type, periodStart: period.start }),
        status: !c ? 'none' : c.approved_by ? 'approved' : 'draft',
        version: c?.version ?? null,
      };
    });
    const areas = groupInAreaOrder(rows, (r) => r.area).map((g) => ({ title: AREA_LABEL[g.area], rows: g.items }));
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    return reply.view('pages/commentary-list.njk', {
      title: 'Commentary for the performance paper',
      period,
      areas,
      counts: { total: rows.length, approved: count('approved'), draft: count('draft'), unwritten: count('none') },
    });
  });

  const editor = async (request: { user?: { role: string; username: string } }, id: string, key: CommentaryKey, extra: object = {}) => {
    const def = indicator(id);
    const versions = await commentaryVersions(app.store, key);
    const role = request.user!.role as Parameters<typeof can>[0];
    return {
      title: `Commentary: ${def.title}`,
      indicator: def,
      period: periodStarting(key.periodType as (typeof PERIOD_TYPES)[number], key.periodStart),
      versions,
      printed: versions.find((v) => v.approved_by) ?? null,
      text: versions[0]?.body ?? '',
      canApprove: can(role, 'approve_commentary'),
      username: request.user!.username,
      listHref: `/reports/commentary?period=${key.periodType}&start=${key.periodStart}`,
      ...extra,
    };
  };

  app.get('/reports/commentary/:id', DRAFT, async (request, reply) => {
    const { id } = parse(params, request.params);
    const period = await periodOf(parse(periodQuery, request.query));
    const query = request.query as Record<string, unknown>;
    const key = { indicatorId: indicator(id).id, periodType: period.type, periodStart: period.start };
    return reply.view('pages/commentary.njk', await editor(request, id, key, { saved: query.saved === '1', approved: query.approved === '1' }));
  });

  app.post('/reports/commentary/:id', DRAFT, async (request, reply) => {
    const { id } = parse(params, request.params);
    const form = draftForm.safeParse(request.body ?? {});
    const body = request.body as Record<string, unknown> | undefined;
    const period = await periodOf(parse(periodQuery, { period: body?.period, start: body?.start }));
    const key = { indicatorId: indicator(id).id, periodType: period.type, periodStart: period.start };
    if (!form.success) {
      const errors = formErrors(form.error.issues.map((i) => ({ field: String(i.path[0] ?? 'body'), message: i.message })));
      return reply.code(400).view('pages/commentary.njk', await editor(request, id, key, { errors, text: typeof body?.body === 'string' ? body.body : '' }));
    }
    await draftCommentary(app.store, key, form.data.body, request.user!.username);
    return reply.redirect(`${link(id, key)}&saved=1`, 303);
  });

  app.post('/reports/commentary/:id/approve', APPROVE, async (request, reply) => {
    const { id } = parse(params, request.params);
    const form = parse(approveForm, request.body);
    const period = await periodOf(form);
    const key = { indicatorId: indicator(id).id, periodType: period.type, periodStart: period.start };
    try {
      await approveCommentary(app.store, key, form.version, request.user!.username);
    } catch (err) {
      if (!(err instanceof CommentaryError)) throw err;
      const errors = { summary: [{ text: err.message, href: `#version-${form.version}` }], byField: {} };
      return reply.code(400).view('pages/commentary.njk', await editor(request, id, key, { errors }));
    }
    return reply.redirect(`${link(id, key)}&approved=1`, 303);
  });
}
