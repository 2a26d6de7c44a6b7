// The import page: officers upload DfE returns and case-system exports (several files in one
// run, validated together and stored in one transaction). An accepted run recomputes the
// indicators so every page shows the new figures; a rejected one lists every error by row.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { importFiles, type ImportError, type ImportFile, type ImportResult } from '../../importers/index.ts';
import { fyLabel } from '../../core/periods.ts';
import type { TableChanges } from '../../importers/annual.ts';
import { reportCsv, reportXlsx, runErrors, summarise } from '../../importers/report.ts';
import { computeIndicators } from '../../store/indicators.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { HttpError } from '../errors.ts';
import { parse } from '../validate.ts';

const IMPORT = { config: { permission: 'import' as const } };
/** A run's errors name children (to fix the return by): logged with the ids shown, never cached. */
const IMPORT_CASES = { config: { permission: 'import' as const, caseLevel: true } };
const childrenNamed = <T extends { child?: string | null }>(request: FastifyRequest, errors: readonly T[]) =>
  recordsShown(request, 'child', errors, (e) => e.child);
const runParams = z.object({ id: z.coerce.number().int().positive() });
const yearField = z
  .string()
  .trim()
  .regex(/^(\d{4})?$/, 'Enter the collection year as four digits, for example 2024 for 2024-25')
  .transform((v) => (v ? Number(v) : undefined));

interface Upload {
  files: ImportFile[];
  year: number | undefined;
  /** "Check only": validate by every rule, store nothing. */
  checkOnly: boolean;
}

/** Reads the multipart form: every chosen file (each within the size cap) and the optional year. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new HttpError(400, 'Send the files as a multipart form upload.');
  const files: ImportFile[] = [];
  let year: number | undefined;
  let checkOnly = false;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer(); // throws 413 past the size cap
      if (part.filename) files.push({ name: part.filename, content });
    } else if (part.fieldname === 'year') {
      year = parse(z.object({ year: yearField }), { year: String(part.value) }).year;
    } else if (part.fieldname === 'mode') {
      checkOnly = String(part.value) === 'check';
    }
  }
  if (files.length === 0) throw new HttpError(400, 'Choose at least one file to import.', [{ field: 'files', message: 'Choose at least one file to import' }]);
  return { files, year, checkOnly };
}

interface RunOutcome extends ImportResult {
  indicatorValues: number | null;
}

export async function importRoutes(app: FastifyInstance): Promise<void> {
  async function run(request: FastifyRequest): Promise<RunOutcome> {
    const { files, year, checkOnly } = await readUpload(request);
    const result = await importFiles(app.store, files, { user: request.user!.username, year, checkOnly });
    // New data means new figures: recompute before anyone looks at the pages again.
    const computed = result.status === 'accepted' ? await computeIndicators(app.store, { asOf: app.figuresAsOf }) : null;
    return { ...result, indicatorValues: computed?.values ?? null };
  }

  const limits = () => ({ maxMegabytes: Math.floor(app.uploadLimits.fileSize / (1024 * 1024)) || 1, maxFiles: app.uploadLimits.files });

  // Recent runs and one run are read straight from import_run, which the importer writes.
  const recentRuns = () =>
    app.store.db.selectFrom('import_run').select(['id', 'started_at', 'by_user', 'status', 'rows']).orderBy('id', 'desc').limit(10).execute();

  app.get('/import', IMPORT, async (_request, reply) =>
    reply.view('pages/import.njk', { title: 'Import data', runs: await recentRuns(), ...limits() }),
  );

  app.post('/import', IMPORT, async (request, reply) => {
    try {
      const outcome = await run(request); // shows no child: the run page does
      return reply.redirect(`/import/runs/${outcome.runId}`, 303);
    } catch (err) {
      const e = err as { statusCode?: number; message: string; code?: string };
      if (!(err instanceof HttpError) && e.statusCode !== 413) throw err;
      const message = e.statusCode === 413 ? `A file is larger than the ${limits().maxMegabytes} MB upload limit, or there are more than ${limits().maxFiles} files. Split the upload into smaller parts.` : e.message;
      return reply.code(e.statusCode ?? 400).view('pages/import.njk', { title: 'Import data', runs: await recentRuns(), ...limits(), uploadError: message });
    }
  });

  app.get('/import/runs/:id', IMPORT_CASES, async (request, reply) => {
    const { id } = parse(runParams, request.params);
    const row = await app.store.db.selectFrom('import_run').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, `There is no import run ${id}.`);
    const files = (Array.isArray(row.files) ? row.files : []) as ({ file: string; table: string; rows: number } | string)[];
    return reply.view('pages/import-run.njk', {
      title: `Import ${row.id}`,
      run: row,
      files: files.map((f) => (typeof f === 'string' ? { file: f, table: '', rows: null } : f)),
      errors: childrenNamed(request, (row.errors ?? []) as ImportError[]),
      queries: childrenNamed(request, (row.queries ?? []) as ImportError[]),
      changes: ((Array.isArray(row.changes) ? row.changes : []) as TableChanges[]).map((c) => ({ ...c, yearLabels: c.years.map(fyLabel) })),
      summary: row.status === 'rejected' ? summarise(childrenNamed(request, await runErrors(app.store, id))) : null,
    });
  });

  // The full error report of a run, as the 903 validator gives it: CSV, or a workbook with the summaries.
  app.get('/import/runs/:id/errors.:format', IMPORT_CASES, async (request, reply) => {
    const { id, format } = parse(runParams.extend({ format: z.enum(['csv', 'xlsx']) }), request.params);
    const errors = childrenNamed(request, await runErrors(app.store, id));
    const name = `import-${id}-errors.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(errors));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await reportXlsx(errors));
  });

  app.post('/api/imports', IMPORT_CASES, async (request, reply) => {
    const outcome = await run(request);
    childrenNamed(request, [...outcome.errors, ...(outcome.queries ?? [])]);
    return reply.code(outcome.status === 'accepted' ? 201 : outcome.status === 'checked' ? 200 : 422).send(outcome);
  });
}
