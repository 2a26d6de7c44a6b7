// One import run: every file streamed, validated and staged inside one transaction; then checks
// across rows and files in SQL; then the upserts. Any error rolls the whole run back, and the
// run (accepted or rejected) is recorded in import_run, with the queries (findings of the DfE's
// query rules, which ask for a reason and do not refuse the run) beside its errors.
import { sql } from 'kysely';
import { replaceYears, type TableChanges } from './annual.ts';
import { today } from '../core/dates.ts';
import { forgetVersion } from '../store/figure-cache.ts';
import { withImportRun } from '../store/import-runs.ts';
import type { Store, Tx } from '../store/open.ts';
import { ErrorList, MAX_ERRORS, MAX_REPORTED_ERRORS, Rejected } from './errors.ts';
import { preflight } from './limits.ts';
import { readError, type FileChunk, type FileJob } from './parse-file.ts';
import { causesFirst, saveReport, summarise } from './report.ts';
import { fileSize } from './reader.ts';
import { stagingTable, type TableSpec } from './spec.ts';
import { checksOf, createStaging, duplicateCheck, indexStaging, keepLatest, prepareChecks } from './stage.ts';
import { TABLES } from './tables/index.ts';
import type { ImportFile, ImportOptions, ImportResult } from './types.ts';
import { parseFiles, workerCount } from './workers.ts';

type FileResult = ImportResult['files'][number];

interface RunState {
  tx: Tx;
  engine: Store['kind'];
  options: ImportOptions;
  errors: ErrorList;
  queries: ErrorList;
  /** How many files of the run each table was staged from. */
  files: Map<TableSpec, number>;
  /** The SSDA903 collection years each table's files are of. */
  years: Map<TableSpec, Set<number>>;
  bytes: number;
  totalBytes: number;
}

export async function importFiles(store: Store, files: ImportFile[], options: ImportOptions): Promise<ImportResult> {
  const names = files.map((f) => f.name);
  const values = { by_user: options.user, files: JSON.stringify(names.map((file) => ({ file, table: '', rows: 0 }))) };
  return withImportRun(store, values, (runId) => runImport(store, runId, files, options));
}

async function runImport(store: Store, runId: number, files: ImportFile[], options: ImportOptions): Promise<ImportResult> {
  const names = files.map((f) => f.name);
  const errors = new ErrorList();
  const queries = new ErrorList();
  const results: FileResult[] = [];
  const changes: TableChanges[] = [];
  const phase = phaseTimer();
  let totalBytes = 0;
  for (const f of files) {
    try {
      totalBytes += fileSize(f);
    } catch {
      // reported when the file is read
    }
  }

  try {
    // Before the store is taken (on PGlite a transaction holds its only connection, so every
    // page waits): each file's first line against the limits, so a hostile file is refused in
    // milliseconds; then the files already in memory (web uploads, within the upload limit) are
    // parsed whole. Files on disk (the command line's, up to hundreds of MB) stream inside. A
    // file refused here is not read further; the others still are, so every error is reported.
    const jobs = await preflightAll(files, options, errors);
    if (jobs.length === 0) throw new Rejected();
    phase('pre-flight');
    const inMemory = jobs.filter((j) => j.file.content !== undefined);
    const parsed: FileChunk[] = [];
    const memoryBytes = inMemory.reduce((n, j) => n + fileSize(j.file), 0);
    // Each chunk copied out of its worker's buffer, which is mostly empty space.
    await parseFiles(inMemory, workerCount(memoryBytes, inMemory.length, store.kind), async (c) => void parsed.push({ ...c, text: c.text.slice() }));
    if (inMemory.length) phase('parsed the uploaded files');
    const onDisk = jobs.filter((j) => j.file.content === undefined);
    await store.transaction(async (tx) => {
      const state: RunState = { tx, engine: store.kind, options, errors, queries, files: new Map(), years: new Map(), bytes: 0, totalBytes };
      await createStaging(tx);
      results.push(...(await stageFiles(state, files, { parsed, onDisk }, phase)));
      crashPoint('import-staged');
      const staged = TABLES.filter((t) => state.files.has(t));
      const repeats: TableSpec[] = [];
      for (const spec of staged) {
        const uniqueInFiles = await indexStaging(tx, spec);
        if (!uniqueInFiles) await runCheck(tx, duplicateCheck(spec), names, errors);
        // Otherwise a key can repeat only across files (an episode in two years' returns).
        if (!uniqueInFiles || state.files.get(spec)! > 1) repeats.push(spec);
      }
      phase('indexes and duplicate checks');
      if (state.engine === 'postgres') await tx.exec(CHECK_SETTINGS);
      await prepareChecks(tx, staged);
      phase('tables the checks share');
      for (const spec of staged) {
        for (const check of spec.returnChecks ?? []) {
          await runCheck(tx, check, names, errors);
          phase(`check ${rulesOf(check)}`);
        }
      }
      phase('checks of each return');
      await keepLatest(tx, repeats);
      phase('latest version of each key');
      for (const spec of staged) {
        for (const check of checksOf(spec)) {
          await runCheck(tx, check, names, errors);
          phase(`check ${spec.id} ${rulesOf(check)}`);
        }
      }
      if (errors.count > 0 || options.checkOnly) throw new Rejected();
      for (const spec of staged) {
        const years = [...(state.years.get(spec) ?? [])];
        if (spec.annual && years.length) changes.push(await replaceYears(tx, spec, years));
        await spec.upsert(tx, { user: options.user });
        phase(`upsert ${spec.id}`);
      }
      await tx.db
        .updateTable('import_run')
        .set({ status: 'accepted', finished_at: sql<string>`now()`, files: JSON.stringify(results), rows: rowsOf(results), changes: JSON.stringify(changes), queries: jsonText(queries.items.slice(0, MAX_ERRORS)) })
        .where('id', '=', runId)
        .execute();
    });
    crashPoint('import-committed');
    // Cached figures and breakdowns are now out of date (figure-cache.ts), and the figures are
    // marked stale (080_trust.sql) until they are recomputed.
    forgetVersion(store);
    return { runId, status: 'accepted', files: results, errors: [], errorCount: 0, changes, ...queriesOf(queries) };
  } catch (err) {
    if (!(err instanceof Rejected)) {
      errors.add({ file: '', row: 0, field: '', rule: 'database', message: `The import failed: ${(err as Error).message}` });
    }
    if (results.length === 0) results.push(...names.map((file) => ({ file, table: '', rows: 0 })));
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
        queries: jsonText(queries.items.slice(0, MAX_ERRORS)),
      })
      .where('id', '=', runId)
      .execute();
    await saveReport(store, runId, all);
    return { runId, status, files: results, errors: shown, errorCount: errors.count, summary: summarise(all, errors.count), ...queriesOf(queries) };
  }
}

/** The first queries of a run (at most MAX_ERRORS) and how many there were. */
function queriesOf(queries: ErrorList): Pick<ImportResult, 'queries' | 'queryCount'> {
  return { queries: queries.items.slice(0, MAX_ERRORS), queryCount: queries.count };
}

/**
 * Tests only: CSINSIGHT_TEST_CRASH=<point> kills the process there with SIGKILL (no exit handlers,
 * no rollback, as a power cut would), to show what a crash at that point leaves behind.
 */
function crashPoint(point: 'import-staged' | 'import-committed'): void {
  if (process.env.CSINSIGHT_TEST_CRASH === point) process.kill(process.pid, 'SIGKILL');
}

/** Every file's pre-flight (limits.ts): the jobs to parse, or the files' errors added to `errors`. */
async function preflightAll(files: ImportFile[], options: ImportOptions, errors: ErrorList): Promise<FileJob[]> {
  const jobs: FileJob[] = [];
  for (const [fileNo, file] of files.entries()) {
    try {
      jobs.push({ file, fileNo, year: options.year, today: today(), encoding: await preflight(file) });
    } catch (err) {
      errors.add(readError(file, err));
    }
  }
  return jobs;
}

/**
 * PostgreSQL settings for the checks across rows, on the run's transaction only. JIT off: the checks
 * are many statements of many expressions over big staging tables, and compiling each cost more
 * than it saved. CHECK_WORK_MEM: the chains of episodes are sorted and hashed whole, which at the
 * default 4MB spilled to disk in sorts of the whole table.
 */
const CHECK_WORK_MEM = '128MB';
const CHECK_SETTINGS = `SET LOCAL jit = off; SET LOCAL work_mem = '${CHECK_WORK_MEM}'`;

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

/** The rule codes a check reports (several when checks share a query), to name it in the timings. */
function rulesOf(check: string): string {
  return [...check.matchAll(/'([^']+)' AS rule/g)].map((m) => m[1]).join(',');
}

/** JSON for a jsonb column: jsonb cannot hold NUL, which a hostile file can put in a message. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v));
}

function rowsOf(results: FileResult[]): number {
  return results.reduce((n, f) => n + f.rows, 0);
}

/**
 * Copies the valid rows of every file into the staging tables on the run's transaction: the
 * files parsed already, then those on disk, parsed as they are copied (in workers for a big run,
 * workers.ts). Each file's errors are kept apart and added to the
 * run's list in file order, so the list (and its MAX_ERRORS cut) is as if read one by one.
 */
async function stageFiles(state: RunState, files: ImportFile[], input: { parsed: FileChunk[]; onDisk: FileJob[] }, phase: (name: string) => void): Promise<FileResult[]> {
  const { tx, options } = state;
  const staging = files.map((f) => ({ result: { file: f.name, table: '', rows: 0 }, errors: new ErrorList(), queries: new ErrorList(), spec: null as TableSpec | null, specs: new Set<TableSpec>(), failed: false }));
  const take = async (chunk: FileChunk) => {
    const file = files[chunk.fileNo]!;
    const s = staging[chunk.fileNo]!;
    if (chunk.table) {
      // An XML return's chunks each name their table (it fills several).
      s.spec = TABLES.find((t) => t.id === chunk.table!.id)!;
      s.result.table = chunk.table.label ?? s.spec.label;
      if (!s.specs.has(s.spec)) state.files.set(s.spec, (state.files.get(s.spec) ?? 0) + 1);
      s.specs.add(s.spec);
      if (chunk.table.fy !== null) state.years.set(s.spec, (state.years.get(s.spec) ?? new Set()).add(chunk.table.fy));
    }
    s.result.rows = chunk.rows;
    state.bytes += chunk.bytes;
    s.errors.addCounted(chunk.errors, chunk.errors.length + chunk.uncounted);
    if (chunk.queries) s.queries.addCounted(chunk.queries, chunk.queries.length + (chunk.queriesUncounted ?? 0));
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
  };
  for (const chunk of input.parsed) await take(chunk);
  const diskBytes = input.onDisk.reduce((n, j) => n + fileSize(j.file), 0);
  await parseFiles(input.onDisk, workerCount(diskBytes, input.onDisk.length, state.engine), take);
  for (const s of staging) {
    state.errors.addCounted(s.errors.items, s.errors.count);
    state.queries.addCounted(s.queries.items, s.queries.count);
  }
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
