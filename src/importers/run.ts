// One import run: every file streamed, validated and staged inside one transaction; then checks
// across rows and files in SQL; then the upserts. Any error rolls the whole run back, and the
// run (accepted or rejected) is recorded in import_run.
import { sql } from 'kysely';
import { today } from '../core/dates.ts';
import { forgetVersion } from '../store/figure-cache.ts';
import type { Store, Tx } from '../store/open.ts';
import { ErrorList, MAX_ERRORS, MAX_REPORTED_ERRORS, Rejected } from './errors.ts';
import { causesFirst, saveReport, summarise } from './report.ts';
import { readError } from './parse-file.ts';
import { fileSize } from './reader.ts';
import { stagingTable, type TableSpec } from './spec.ts';
import { checksOf, createStaging, duplicateCheck, indexStaging, keepLatest } from './stage.ts';
import { TABLES } from './tables/index.ts';
import type { ImportFile, ImportOptions, ImportResult } from './types.ts';
import { parseFiles, workerCount } from './workers.ts';

type FileResult = ImportResult['files'][number];

interface RunState {
  tx: Tx;
  engine: Store['kind'];
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
      const state: RunState = { tx, engine: store.kind, options, errors, files: new Map(), bytes: 0, totalBytes };
      await createStaging(tx);
      results.push(...(await stageFiles(state, files, phase)));
      const staged = TABLES.filter((t) => state.files.has(t));
      const repeats: TableSpec[] = [];
      for (const spec of staged) {
        const uniqueInFiles = await indexStaging(tx, spec);
        if (!uniqueInFiles) await runCheck(tx, duplicateCheck(spec), names, errors);
        // Otherwise a key can repeat only across files (an episode in two years' returns).
        if (!uniqueInFiles || state.files.get(spec)! > 1) repeats.push(spec);
      }
      phase('indexes and duplicate checks');
      for (const spec of staged) {
        for (const check of spec.returnChecks ?? []) {
          await runCheck(tx, check, names, errors);
          phase(`check ${/'([^']+)' AS rule/.exec(check)?.[1] ?? ''}`);
        }
      }
      phase('checks of each return');
      await keepLatest(tx, repeats);
      phase('latest version of each key');
      for (const spec of staged) for (const check of checksOf(spec)) await runCheck(tx, check, names, errors);
      phase('checks');
      if (errors.count > 0 || options.checkOnly) throw new Rejected();
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
    const all = causesFirst(errors.items, results, names);
    const shown = all.slice(0, MAX_ERRORS);
    const status = errors.count === 0 && options.checkOnly ? 'checked' : 'rejected';
    // Written after the rollback, so the rejection itself is kept.
    await store.db
      .updateTable('import_run')
      .set({
        status,
        finished_at: sql<string>`now()`,
        files: jsonText(results),
        rows: rowsOf(results),
        errors: jsonText(shown),
      })
      .where('id', '=', runId)
      .execute();
    await saveReport(store, runId, all);
    return { runId, status, files: results, errors: shown, errorCount: errors.count, summary: summarise(all, errors.count) };
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

/**
 * Parses every file (in workers for a big run, workers.ts) and copies the valid rows into the
 * staging tables on the run's transaction. Each file's errors are kept apart and added to the
 * run's list in file order, so the list (and its MAX_ERRORS cut) is as if read one by one.
 */
async function stageFiles(state: RunState, files: ImportFile[], phase: (name: string) => void): Promise<FileResult[]> {
  const { tx, options } = state;
  const staging = files.map((f) => ({ result: { file: f.name, table: '', rows: 0 }, errors: new ErrorList(), spec: null as TableSpec | null, failed: false }));
  const jobs = files.map((file, fileNo) => ({ file, fileNo, year: options.year, today: today() }));
  await parseFiles(jobs, workerCount(state.totalBytes, files.length, state.engine), async (chunk) => {
    const file = files[chunk.fileNo]!;
    const s = staging[chunk.fileNo]!;
    if (chunk.table) {
      s.spec = TABLES.find((t) => t.id === chunk.table!.id)!;
      s.result.table = s.spec.label;
      state.files.set(s.spec, (state.files.get(s.spec) ?? 0) + 1);
    }
    s.result.rows = chunk.rows;
    state.bytes += chunk.bytes;
    s.errors.addCounted(chunk.errors, chunk.errors.length + chunk.uncounted);
    if (chunk.text.length > 0 && s.spec && !s.failed) {
      try {
        await tx.copyText(stagingTable(s.spec), ['f', 'r', 'y', ...s.spec.stage.map(([n]) => n)], chunk.text);
      } catch (err) {
        // Reported as the file's, as when copying was part of reading it; the run is rejected.
        s.errors.add(readError(file, err));
        s.failed = true;
      }
    }
    options.onProgress?.({ file: file.name, rows: s.result.rows, bytes: state.bytes, totalBytes: state.totalBytes });
    if (chunk.last) phase(`staged ${file.name}`);
  });
  for (const s of staging) state.errors.addCounted(s.errors.items, s.errors.count);
  return staging.map((s) => s.result);
}

/** Runs one SQL check, adding its first errors (and counting the rest). */
async function runCheck(tx: Tx, check: string, names: string[], errors: ErrorList): Promise<void> {
  const { rows } = await sql<{ f: number; r: number; field: string; rule: string; message: string; child?: string | null; vals?: string | null; total: number }>`
    SELECT c.*, count(*) OVER ()::int AS total FROM (${sql.raw(check)}) c ORDER BY c.f, c.r LIMIT ${MAX_REPORTED_ERRORS}`.execute(tx.db);
  errors.addCounted(
    rows.map((c) => ({
      file: names[c.f] ?? '',
      row: c.r,
      field: c.field,
      rule: c.rule,
      message: c.message,
      ...(c.child != null ? { child: c.child } : {}),
      ...(c.vals != null ? { values: c.vals } : {}),
    })),
    rows[0]?.total ?? 0,
  );
}
