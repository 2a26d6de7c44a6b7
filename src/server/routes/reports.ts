// Committee papers and family letters from the web application: the /reports page to choose one,
// each paper as HTML (read in the browser) or PDF (a download), the family letter template editor,
// and the Part 2 (exempt) item on missing children at risk of exploitation.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordsShown } from '../auth/audit-trail.ts';
import { z } from 'zod';
import { can, seesSuppressedCounts, type Role } from '../../core/access.ts';
import { PERIOD_TYPES, periodStarting } from '../../core/periods.ts';
import {
  actionPlanReport,
  closePdfRenderer,
  delayLetters,
  exemptMissingReport,
  getLetterTemplate,
  lastFullQuarter,
  LETTER_PLACEHOLDERS,
  letterTemplateProblems,
  letterTemplateVersions,
  performanceReport,
  previewLetter,
  renderPdf,
  ReportInputError,
  setLetterTemplate,
} from '../../reports/index.ts';
import { DEFAULT_COMMITTEE } from '../../reports/paper.ts';
import { HttpError } from '../errors.ts';
import { formErrors, type FormErrors } from '../forms.ts';
import { parse, realDate, withDateParts } from '../validate.ts';

/** An optional query field: absent and an empty (or blank) box both mean "not given". */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const day = realDate;
const committee = z.string().trim().max(200, 'The committee name must be 200 characters or fewer');
const format = z.enum(['html', 'pdf'], { message: 'Choose HTML or PDF' }).default('html');

const performanceQuery = withDateParts(['start', 'meeting'], z
  .object({
    period: z.enum(PERIOD_TYPES, { message: 'Choose month, quarter or year' }).default('quarter'),
    start: optional(realDate),
    meeting: optional(realDate),
    committee: optional(committee),
    audience: z.enum(['public', 'officer'], { message: 'Choose public or officer' }).default('public'),
    format,
  })
  .superRefine((q, ctx) => {
    if (q.start && !periodStarting(q.period, q.start)) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: `${q.start} is not the first day of a ${q.period} (financial years start on 1 April)` });
    }
  }));

const actionsQuery = withDateParts(['meeting', 'previous'], z.object({ meeting: optional(realDate), previous: optional(realDate), committee: optional(committee), format }));

const lettersQuery = withDateParts(['asOf'], z.object({
  asOf: optional(realDate),
  requests: optional(z.string().max(5000, 'List at most a few hundred request references')),
  format,
}));

const exemptQuery = withDateParts(['from', 'to', 'meeting'], z
  .object({ from: optional(realDate), to: optional(realDate), meeting: optional(realDate), committee: optional(committee), format })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The start of the period must be on or before its end' });
  }));

const templateForm = z.object({
  text: z.string({ message: 'Enter the letter text' }).max(20_000, 'The letter must be 20,000 characters or fewer'),
  action: z.enum(['save', 'preview']).default('save'),
});

/**
 * The papers carry their own print CSS in a <style> block, which the app's CSP (style-src 'self')
 * would block. They contain no script and load nothing, so they are served with a CSP of their own
 * that allows inline styles and nothing else; serving them inline keeps "read it in the browser".
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A file name from safe characters only: "2026-27 Q2" becomes "2026-27-Q2". */
const slug = (...parts: string[]) => parts.join('-').replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

async function sendPaper(reply: FastifyReply, html: string, as: 'html' | 'pdf', name: string) {
  // Papers hold exact figures or children's references: no shared cache may keep a copy.
  reply.header('cache-control', 'private, no-store');
  if (as === 'pdf') {
    const pdf = await renderPdf(html);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(pdf);
  }
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', REPORT_CSP)
    .header('content-disposition', `inline; filename="${name}.html"`)
    .send(html);
}

/** A report that cannot be built from what was asked for is the asker's problem (400), not a fault. */
async function build<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (err) {
    if (err instanceof ReportInputError) throw new HttpError(400, err.message);
    throw err;
  }
}

const VIEW = { config: { permission: 'view_aggregates' as const } };

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  // One Chromium serves every PDF; it goes when the app does.
  app.addHook('onClose', async () => closePdfRenderer());

  app.get('/reports', VIEW, async (request, reply) => {
    const role = request.user!.role;
    return reply.view('pages/reports.njk', {
      title: 'Committee reports',
      defaults: { meeting: app.asOf(), committee: DEFAULT_COMMITTEE, asOf: app.asOf(), ...lastFullQuarter(app.asOf()) },
      chooseAudience: !seesSuppressedCounts(role),
      canLetters: can(role, 'view_child_records'),
      canTemplate: can(role, 'edit_narratives'),
      canExempt: can(role, 'view_exempt'),
    });
  });

  // The officer copy holds exact small counts: the route is case-level (audited, never cached).
  app.get('/reports/performance', { config: { ...VIEW.config, caseLevel: true } }, async (request, reply) => {
    const q = parse(performanceQuery, request.query);
    // Whoever sees "<6" on screen gets the public paper; officers choose, the public copy by default.
    const audience = seesSuppressedCounts(request.user!.role) ? 'public' : q.audience;
    const { html, period } = await build(() =>
      performanceReport(app.store, { periodType: q.period, periodStart: q.start, committee: q.committee ?? DEFAULT_COMMITTEE, meetingDate: q.meeting ?? app.asOf(), audience }),
    );
    return sendPaper(reply, html, q.format, slug('performance', period.label, audience === 'officer' ? 'officer-copy' : ''));
  });

  app.get('/reports/actions', VIEW, async (request, reply) => {
    const q = parse(actionsQuery, request.query);
    const meetingDate = q.meeting ?? app.asOf();
    const { html } = await build(() => actionPlanReport(app.store, { meetingDate, previousMeetingDate: q.previous, committee: q.committee ?? DEFAULT_COMMITTEE }));
    return sendPaper(reply, html, q.format, slug('action-plan', meetingDate));
  });

  app.get('/reports/letters', { config: { permission: 'view_child_records' } }, async (request, reply) => {
    const q = parse(lettersQuery, request.query);
    const asOf = q.asOf ?? app.asOf();
    const requestIds = q.requests?.split(/[\s,]+/).filter(Boolean);
    const { html, cases } = await build(() => delayLetters(app.store, { asOf, requestIds }));
    recordsShown(request, 'ehcp_request', cases, (c) => c.requestId);
    recordsShown(request, 'child', cases, (c) => c.personId);
    return sendPaper(reply, html, q.format, slug('ehcp-delay-letters', asOf));
  });

  app.get('/reports/exempt/missing-exploitation', { config: { permission: 'view_exempt' } }, async (request, reply) => {
    const q = parse(exemptQuery, request.query);
    const window = lastFullQuarter(app.asOf());
    const [from, to] = [q.from ?? window.from, q.to ?? window.to];
    const { html, childIds } = await build(() =>
      exemptMissingReport(app.store, { from, to, committee: q.committee ?? DEFAULT_COMMITTEE, meetingDate: q.meeting ?? app.asOf() }),
    );
    recordsShown(request, 'child', childIds, (id) => id);
    return sendPaper(reply, html, q.format, slug('exempt-missing-exploitation', from, 'to', to));
  });

  const EDIT = { config: { permission: 'edit_narratives' as const } };

  /** The editor: the text (as saved, or as just typed), its problems, a preview and the saved versions. */
  const editor = async (role: Role, text: string | null, extra: { errors?: FormErrors; saved?: boolean; previewed?: boolean } = {}) => {
    const [current, versions] = await Promise.all([getLetterTemplate(app.store), letterTemplateVersions(app.store)]);
    const shown = text ?? current.text;
    return {
      title: 'Family delay letter wording',
      text: shown,
      current,
      versions,
      placeholders: Object.entries(LETTER_PLACEHOLDERS).map(([name, description]) => ({ name: `{{${name}}}`, description })),
      preview: previewLetter(shown),
      canLetters: can(role, 'view_child_records'),
      ...extra,
    };
  };

  app.get('/reports/letter-template', EDIT, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>).saved === '1';
    return reply.view('pages/reports-letter-template.njk', await editor(request.user!.role, null, { saved }));
  });

  app.post('/reports/letter-template', EDIT, async (request, reply) => {
    const role = request.user!.role;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const typed = typeof body.text === 'string' ? body.text : null;
    const form = templateForm.safeParse(body);
    if (!form.success) {
      const errors = formErrors(form.error.issues.map((i) => ({ field: String(i.path[0] ?? 'text'), message: i.message })));
      return reply.code(400).view('pages/reports-letter-template.njk', await editor(role, typed, { errors }));
    }
    const { text, action } = form.data;
    const problems = text.trim() ? letterTemplateProblems(text) : ['Enter the letter text'];
    // Every problem is listed (formErrors keeps one per field), each linking to the text box.
    const errors = problems.length ? { summary: problems.map((p) => ({ text: p, href: '#text' })), byField: { text: { text: problems.join('. ') } } } : undefined;
    if (action === 'preview') return reply.view('pages/reports-letter-template.njk', await editor(role, text, { errors, previewed: true }));
    if (errors) return reply.code(400).view('pages/reports-letter-template.njk', await editor(role, text, { errors }));
    await setLetterTemplate(app.store, text, request.user!.username);
    return reply.redirect('/reports/letter-template?saved=1', 303);
  });
}
