// Case audits. The records (child id, findings, actions) are confidential: officers, managers
// with audit access and auditors see them (view_audits). Everyone with view_audit_summary sees
// counts by grade, type and theme, with 1-5 suppressed for roles that may not see case records.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { can, seesSuppressedCounts } from '../../core/access.ts';
import {
  AUDIT_CSV_COLUMNS,
  AUDIT_GRADES,
  AUDIT_THEMES,
  AUDIT_TYPES,
  GRADE_LABELS,
  summariseAudits,
  THEME_LABELS,
  validateAuditRows,
  type AuditRowError,
} from '../../core/audits.ts';
import { parseDate } from '../../core/dates.ts';
import { auditGrades, listCaseAudits, saveCaseAudits } from '../../store/case-audits.ts';
import { HttpError } from '../errors.ts';
import { recordsShown } from './audit-trail.ts';
import { isoDate, parse } from '../validate.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const filterQuery = z.object({
  type: z.preprocess(blank, z.enum(AUDIT_TYPES).optional()),
  theme: z.preprocess(blank, z.enum(AUDIT_THEMES).optional()),
  grade: z.preprocess(blank, z.enum(AUDIT_GRADES).optional()),
  from: z.preprocess(blank, isoDate.optional()),
  to: z.preprocess(blank, isoDate.optional()),
});

/** One audit sent as JSON: the CSV columns' meaning, in camelCase. */
const auditBody = z.object({
  auditId: z.string(),
  type: z.string(),
  theme: z.string().nullable().optional(),
  auditedDate: z.string(),
  childId: z.string(),
  auditor: z.string(),
  grade: z.string(),
  findings: z.string().optional(),
  actions: z.string().optional(),
});

const MAX_CSV_BYTES = 5 * 1024 * 1024;
const VIEW = { config: { permission: 'view_audits' as const } };
const SUMMARY = { config: { permission: 'view_audit_summary' as const } };
const EDIT = { config: { permission: 'edit_audits' as const } };

export async function caseAuditRoutes(app: FastifyInstance): Promise<void> {
  const summaryFor = async (request: FastifyRequest) => {
    const filter = parse(filterQuery, request.query);
    const suppress = seesSuppressedCounts(request.user!.role);
    return { filter, summary: summariseAudits(await auditGrades(app.store, filter), { suppress }) };
  };
  const labels = { grades: GRADE_LABELS, themes: THEME_LABELS };

  /** The audits matching a filter, noted as shown (each names an audit and a child). */
  const auditsShown = async (request: FastifyRequest, filter: z.infer<typeof filterQuery>) => {
    const audits = await listCaseAudits(app.store, filter);
    recordsShown(request, 'case_audit', audits, (a) => a.auditId);
    return recordsShown(request, 'child', audits, (a) => a.childId);
  };

  const listing = async (request: FastifyRequest, filter: z.infer<typeof filterQuery>) => {
    const [audits, grades] = await Promise.all([auditsShown(request, filter), auditGrades(app.store, filter)]);
    return { title: 'Case audits', audits, summary: summariseAudits(grades, { suppress: false }), filter, columns: AUDIT_CSV_COLUMNS, ...labels };
  };

  app.get('/audits', VIEW, async (request, reply) => {
    const imported = Number((request.query as Record<string, unknown>).imported);
    const page = await listing(request, parse(filterQuery, request.query));
    return reply.view('auth/audits.njk', { ...page, imported: Number.isInteger(imported) ? imported : null, canEdit: can(request.user!.role, 'edit_audits') });
  });

  app.get('/audits/summary', SUMMARY, async (request, reply) =>
    reply.view('auth/audit-summary.njk', { title: 'Case audit grades', ...(await summaryFor(request)), ...labels }),
  );

  app.get('/api/audits', VIEW, async (request) => ({ audits: await auditsShown(request, parse(filterQuery, request.query)) }));

  app.get('/api/audits/summary', SUMMARY, async (request) => summaryFor(request));

  app.post('/api/audits', EDIT, async (request) => {
    const body = parse(auditBody, request.body);
    const columns = [...AUDIT_CSV_COLUMNS];
    const cells = [body.auditId, body.type, body.theme ?? '', body.auditedDate, body.childId, body.auditor, body.grade, body.findings ?? '', body.actions ?? ''];
    const { audits, errors } = validateAuditRows(columns, [cells], parseDate);
    if (errors.length) throw new HttpError(400, 'Some of the values sent are not valid.', errors.map((e) => ({ field: e.field, message: e.message })));
    await saveCaseAudits(app.store, audits, request.user!.username);
    return { saved: audits.length, audit: audits[0] };
  });

  /** Validates a CSV of audits and stores them all, or none: the errors by row. */
  const importCsv = async (text: string, user: string): Promise<{ saved: number; errors: AuditRowError[] }> => {
    let records: string[][];
    try {
      records = parseCsv(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true });
    } catch (err) {
      return { saved: 0, errors: [{ row: 0, field: '', message: `The file is not a readable CSV: ${(err as Error).message}` }] };
    }
    const [header, ...rows] = records;
    if (!header) return { saved: 0, errors: [{ row: 0, field: '', message: 'The file is empty.' }] };
    const { audits, errors } = validateAuditRows(header, rows, parseDate);
    return errors.length ? { saved: 0, errors } : { saved: await saveCaseAudits(app.store, audits, user), errors: [] };
  };

  // The CSV as the request body, for scripts.
  await app.register(async (csv) => {
    csv.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_req, body, done) => done(null, body));
    csv.post('/api/audits/import', { ...EDIT, bodyLimit: MAX_CSV_BYTES }, async (request, reply) => {
      if (typeof request.body !== 'string') throw new HttpError(415, 'Send the audits as text/csv.');
      const { saved, errors } = await importCsv(request.body, request.user!.username);
      if (errors.length) return reply.code(400).send({ error: 'There is a problem with the request', message: 'Nothing was stored.', errors });
      return { saved };
    });
  });

  // The CSV chosen on the audits page (a multipart form: the CSRF token comes in the query).
  app.post('/audits/import', EDIT, async (request, reply) => {
    const file = request.isMultipart() ? await request.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } }) : undefined;
    if (!file) throw new HttpError(400, 'Choose a CSV file of case audits.');
    const buffer = await file.toBuffer(); // 413 past the limit
    const { saved, errors } = await importCsv(buffer.toString('utf8'), request.user!.username);
    if (errors.length) return reply.code(400).view('auth/audits.njk', { ...(await listing(request, {})), importErrors: errors });
    return reply.redirect(`/audits?imported=${saved}`, 303);
  });
}
