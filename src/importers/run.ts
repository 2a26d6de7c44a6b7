// One import run: every file streamed, validated and staged inside one transaction; then checks
// across rows and files in SQL; then the upserts. Any error rolls the whole run back, and the
// run (accepted or rejected) is recorded in import_run.
import { sql } from 'kysely';
import { today } from '../core/dates.ts';
import { forgetVersion } from '../store/figure-cache.ts';
import type { Store, Tx } from '../store/open.ts';
import { detectTable, explainHeader } from './detect.ts';
import { ErrorList, MAX_ERRORS, Rejected } from './errors.ts';
import { fileSize, readCsv } from './reader.ts';
import type { RowContext, TableSpec } from './spec.ts';
import { Batcher, checksOf, createStaging, duplicateCheck, indexStaging, keepLatest, validateRow } from './stage.ts';
import { TABLES } from './tables/index.ts';
import type { ImportFile, ImportOptions, ImportResult } from './types.ts';
import { yearFromPath } from './year.ts';

type FileResult = ImportResult['files'][number];

const PROGRESS_EVERY = 2000;

interface RunState {
  tx: Tx;
  options: ImportOptions;
  errors: ErrorList;
  /** How many files of the run each table was staged from. */
  files: Map<TableSpec, number>;
  bytes: number;
  totalBytes: number;
}

export async function importFiles(store: Store, files: ImportFile[], options: ImportOptions): Promise<ImportResult> {
  const names = files.map((f) => f.name);
  const run = await store.db
    .insertInto('import_run')
    .values({ by_user: options.user, files: JSON.stringify(names.map((file) => ({ file, table: '', rows: 0 }))), status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(run.id);
  const errors = new ErrorList();
  const results: FileResult[] = [];
  let totalBytes = 0;
  for (const f of files) {
    try {
      totalBytes += fileSize(f);
    } catch {
      // reported when the file is read
    }
  }

  try {
    await store.transaction(async (tx) => {
      const phase = phaseTimer();
      const state: RunState = { tx, options, errors, files: new Map(), bytes: 0, totalBytes };
      await createStaging(tx);
      for (const [i, file] of files.entries()) {
        results.push(await stageFile(state, file, i));
        phase(`staged ${file.name}`);
      }
      const staged = TABLES.filter((t) => state.files.has(t));
      const repeats: TableSpec[] = [];
      for (const spec of staged) {
        const uniqueInFiles = await indexStaging(tx, spec);
        if (!uniqueInFiles) await runCheck(tx, duplicateCheck(spec), names, errors);
        // Otherwise a key can repeat only across files (an episode in two years' returns).
        if (!uniqueInFiles || state.files.get(spec)! > 1) repeats.push(spec);
      }
      phase('indexes and duplicate checks');
      await keepLatest(tx, repeats);
      phase('latest version of each key');
      for (const spec of staged) for (const check of checksOf(spec)) await runCheck(tx, check, names, errors);
      phase('checks');
      if (errors.count > 0) throw new Rejected();
      for (const spec of staged) {
        await spec.upsert(tx, { user: options.user });
        phase(`upsert ${spec.id}`);
      }
      await tx.db
        .updateTable('import_run')
        .set({ status: 'accepted', finished_at: sql<string>`now()`, files: JSON.stringify(results), rows: rowsOf(results) })
        .where('id', '=', runId)
        .execute();
    });
    // Cached figures and breakdowns are now out of date (figure-cache.ts).
    forgetVersion(store);
    return { runId, status: 'accepted', files: results, errors: [], errorCount: 0 };
  } catch (err) {
    if (!(err instanceof Rejected)) {
      errors.add({ file: '', row: 0, field: '', rule: 'database', message: `The import failed: ${(err as Error).message}` });
    }
    const order = new Map(names.map((n, i) => [n, i]));
    const shown = [...errors.items].sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) || a.row - b.row);
    // Written after the rollback, so the rejection itself is kept.
    await store.db
      .updateTable('import_run')
      .set({
        status: 'rejected',
        finished_at: sql<string>`now()`,
        files: jsonText(results),
        rows: rowsOf(results),
        errors: jsonText(shown),
      })
      .where('id', '=', runId)
      .execute();
    return { runId, status: 'rejected', files: results, errors: shown, errorCount: errors.count };
  }
}

/** CSINSIGHT_IMPORT_TIMING=1 prints how long each phase of a run took, for profiling. */
function phaseTimer(): (phase: string) => void {
  if (!process.env.CSINSIGHT_IMPORT_TIMING) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    console.error(`import: ${phase} ${((now - last) / 1000).toFixed(2)} s`);
    last = now;
  };
}

/** JSON for a jsonb column: jsonb cannot hold NUL, which a hostile file can put in a message. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v));
}

function rowsOf(results: FileResult[]): number {
  return results.reduce((n, f) => n + f.rows, 0);
}

/** Streams one file into its staging table; row and header errors go to the run's list. */
async function stageFile(state: RunState, file: ImportFile, fileNo: number): Promise<FileResult> {
  const { errors, options } = state;
  const result: FileResult = { file: file.name, table: '', rows: 0 };
  const fileError = (message: string, rule: string) => errors.add({ file: file.name, row: 1, field: '', rule, message });
  const progress = () => options.onProgress?.({ file: file.name, rows: result.rows, bytes: state.bytes, totalBytes: state.totalBytes });

  let spec: TableSpec | null = null;
  let keys: string[] = [];
  let fieldNames = new Map<string, string>();
  let schema: ReturnType<TableSpec['schema']> | null = null;
  let ctx: RowContext = { fy: null, today: today() };
  let batch: Batcher | null = null;
  try {
    for await (const records of readCsv(file, (n) => (state.bytes += n))) {
      for (const { values, row } of records) {
        if (!spec) {
          spec = detectTable(values);
          if (!spec) return fileError(`${file.name}: ${explainHeader(values)}`, 'header'), result;
          result.table = spec.label;
          const fy = spec.needsYear ? (options.year ?? yearFromPath(file.name) ?? (file.path ? yearFromPath(file.path) : null)) : null;
          if (spec.needsYear && fy === null) {
            fileError(`${file.name}: the SSDA903 collection year is not known. Give the year (e.g. --year 2024 for 2024-25) or put it in the folder name (e.g. ssda903_2025).`, 'year');
            return result;
          }
          keys = values.map((v) => v.trim().toLowerCase());
          fieldNames = new Map(spec.columns.map((c) => [c.toLowerCase(), c]));
          ctx = { ...ctx, fy };
          schema = spec.schema(ctx);
          batch = new Batcher(state.tx, spec, fileNo, fy);
          state.files.set(spec, (state.files.get(spec) ?? 0) + 1);
          continue;
        }
        result.rows += 1;
        const where = { file: file.name, row };
        if (values.length !== keys.length) {
          errors.add({ ...where, field: '', rule: 'columns', message: `This row has ${values.length} values but the header has ${keys.length} columns.` });
          continue;
        }
        const record: Record<string, string> = {};
        for (let i = 0; i < keys.length; i++) record[keys[i]!] = values[i]!;
        const staged = validateRow(spec, schema!, ctx, record, fieldNames, where, errors);
        // Valid rows are staged even after errors, so the checks across files report real problems only.
        if (staged && batch!.add(row, staged)) await batch!.send();
        if (result.rows % PROGRESS_EVERY === 0) progress();
      }
    }
    await batch?.flush();
    if (!spec) fileError(`${file.name} is empty: it has no header row.`, 'header');
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { lines?: number };
    const at = e.lines ? ` (near line ${e.lines})` : '';
    errors.add({ file: file.name, row: e.lines ?? 0, field: '', rule: e.code === 'ENOENT' ? 'file' : 'csv', message: `${file.name} could not be read${at}: ${e.message}` });
    // No copy may still be running when the next file starts (the run is rejected anyway).
    await batch?.flush().catch(() => {});
  }
  progress();
  return result;
}

/** Runs one SQL check, adding its first errors (and counting the rest). */
async function runCheck(tx: Tx, check: string, names: string[], errors: ErrorList): Promise<void> {
  const { rows } = await sql<{ f: number; r: number; field: string; rule: string; message: string; total: number }>`
    SELECT c.*, count(*) OVER ()::int AS total FROM (${sql.raw(check)}) c ORDER BY c.f, c.r LIMIT ${MAX_ERRORS}`.execute(tx.db);
  errors.addCounted(
    rows.map((c) => ({
      file: names[c.f] ?? '',
      row: c.r,
      field: c.field,
      rule: c.rule,
      message: c.message,
    })),
    rows[0]?.total ?? 0,
  );
}
