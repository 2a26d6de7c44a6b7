// The error report of an import run, as the 903 validator's reports are: every error (rule code,
// file, row, child, fields and values), causes before consequences, summarised by rule and by
// child, kept in import_error and downloadable as CSV or xlsx.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { RULES_903 } from '../core/rules/ssda903-register.ts';
import type { Store } from '../store/open.ts';
import { TABLES } from './tables/index.ts';
import type { ErrorSummary, ImportError, ImportResult } from './types.ts';

/** Rows per INSERT when keeping a run's errors. */
const SAVE_BATCH = 5000;

const REGISTER = new Map(RULES_903.map((r) => [r.code, r]));

/**
 * The errors in the order to fix them: by table in the order tables are stored (the Header, which
 * every other table refers to, first), then file, then row. A refused Header row comes before the
 * episodes of that child, so the cause is read before its consequences.
 */
export function causesFirst(errors: readonly ImportError[], files: ImportResult['files'], names: readonly string[]): ImportError[] {
  const rankOfLabel = new Map(TABLES.map((t, i) => [t.label, i]));
  const fileNo = new Map(names.map((n, i) => [n, i]));
  const rankOfFile = new Map(files.map((f) => [f.file, rankOfLabel.get(f.table) ?? -1]));
  const key = (e: ImportError) => [e.file === '' ? -2 : (rankOfFile.get(e.file) ?? -1), fileNo.get(e.file) ?? -1, e.row] as const;
  return errors
    .map((e, i) => ({ e, i, k: key(e) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.e);
}

/** Errors by rule (most first) and by child. */
export function summarise(errors: readonly ImportError[], total = errors.length): ErrorSummary {
  const rules = new Map<string, ErrorSummary['byRule'][number]>();
  const children = new Map<string, { count: number; rules: Set<string> }>();
  for (const e of errors) {
    let r = rules.get(e.rule);
    if (!r) {
      const known = REGISTER.get(e.rule);
      r = { rule: e.rule, count: 0, message: known?.message ?? e.message, fields: known ? [...known.fields] : [], files: [] };
      rules.set(e.rule, r);
    }
    r.count += 1;
    if (e.field && !r.fields.includes(e.field)) r.fields.push(e.field);
    if (e.file && !r.files.includes(e.file)) r.files.push(e.file);
    if (e.child) {
      const c = children.get(e.child) ?? { count: 0, rules: new Set<string>() };
      c.count += 1;
      c.rules.add(e.rule);
      children.set(e.child, c);
    }
  }
  return {
    byRule: [...rules.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    byChild: [...children.entries()].map(([child, c]) => ({ child, count: c.count, rules: [...c.rules] })).sort((a, b) => b.count - a.count || a.child.localeCompare(b.child)),
    listed: errors.length,
    total,
  };
}

/** Keeps a run's errors (in report order) for its summary and download. */
export async function saveReport(store: Store, runId: number, errors: readonly ImportError[]): Promise<void> {
  for (let at = 0; at < errors.length; at += SAVE_BATCH) {
    const rows = errors.slice(at, at + SAVE_BATCH).map((e, i) => ({
      n: at + i + 1, file: e.file, row: e.row, child: e.child ?? null, field: e.field, rule: e.rule, message: e.message, vals: e.values ?? null,
    }));
    // jsonb cannot hold NUL, which a hostile file can put in a value.
    const json = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v));
    await sql`INSERT INTO import_error (run_id, n, file, row, child, field, rule, message, vals)
      SELECT ${runId}, n, file, row, child, field, rule, message, vals
      FROM jsonb_to_recordset(${json}::jsonb) AS x(n integer, file text, row integer, child text, field text, rule text, message text, vals text)`.execute(store.db);
  }
}

/** A run's kept errors, in report order. */
export async function runErrors(store: Store, runId: number): Promise<ImportError[]> {
  const { rows } = await sql<{ file: string; row: number; child: string | null; field: string; rule: string; message: string; vals: string | null }>`
    SELECT file, row, child, field, rule, message, vals FROM import_error WHERE run_id = ${runId} ORDER BY n`.execute(store.db);
  return rows.map((r) => ({ file: r.file, row: r.row, field: r.field, rule: r.rule, message: r.message, ...(r.child ? { child: r.child } : {}), ...(r.vals ? { values: r.vals } : {}) }));
}

const COLUMNS = ['Rule', 'File', 'Row', 'Child', 'Field', 'Values', 'Message'] as const;
const cells = (e: ImportError) => [e.rule, e.file, e.row, e.child ?? '', e.field, e.values ?? '', e.message];

/** The errors as CSV (header row first). */
export function reportCsv(errors: readonly ImportError[]): string {
  return stringify([COLUMNS as unknown as string[], ...errors.map(cells)]);
}

/** The report as an xlsx workbook: by rule, by child, and every error. */
export async function reportXlsx(errors: readonly ImportError[], summary = summarise(errors)): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'csinsight';
  const sheet = (name: string, header: string[], rows: (string | number)[][], widths: number[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h, i) => ({ header: h, width: widths[i] }));
    ws.getRow(1).font = { bold: true };
    ws.addRows(rows);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  };
  sheet('By rule', ['Rule', 'Errors', 'Fields', 'Files', 'Message'], summary.byRule.map((r) => [r.rule, r.count, r.fields.join(', '), r.files.join(', '), r.message]), [12, 10, 30, 30, 90]);
  sheet('By child', ['Child', 'Errors', 'Rules'], summary.byChild.map((c) => [c.child, c.count, c.rules.join(', ')]), [16, 10, 60]);
  sheet('Errors', [...COLUMNS], errors.map(cells), [12, 30, 8, 16, 20, 40, 90]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The summary as plain text for the command line: rules, then the children with most errors. */
export function formatSummary(summary: ErrorSummary, children = 20): string {
  const out = ['Errors by rule:', ...summary.byRule.map((r) => `  ${r.rule.padEnd(10)} ${String(r.count).padStart(7)}  ${r.fields.join(', ')}: ${r.message}`)];
  if (summary.byChild.length) {
    out.push(`Children with most errors (${summary.byChild.length} children have errors):`);
    for (const c of summary.byChild.slice(0, children)) out.push(`  ${c.child.padEnd(16)} ${String(c.count).padStart(5)}  ${c.rules.join(', ')}`);
  }
  if (summary.total > summary.listed) out.push(`(The summary is of the first ${summary.listed} of ${summary.total} errors.)`);
  return out.join('\n');
}
