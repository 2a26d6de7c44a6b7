// Staging: validated rows go to TEMP tables (COPY, in batches) inside the run's transaction, so
// cross-row and cross-file checks can run in SQL before anything reaches the real tables.
import type * as z from 'zod';
import type { ZodError } from 'zod';
import type { Tx } from '../store/open.ts';
import { ErrorList } from './errors.ts';
import { cellParser } from './fields.ts';
import type { CrossCheck, RowContext, TableSpec } from './spec.ts';
import { stagingTable } from './spec.ts';
import { TABLES } from './tables/index.ts';

/**
 * Every staging table: f (file number) and r (row) locate each row for error messages; y is the
 * SSDA903 collection year of the file (null for other files). An annual table's ys holds the years
 * whose returns hold the row when that is more than y (keepLatest, annual.ts).
 */
export async function createStaging(tx: Tx): Promise<void> {
  await tx.exec(
    // The years of each staging table's rows (yearsOf in tables/ssda903-sql.ts), filled by prepareChecks.
    'CREATE TEMP TABLE s_years (tbl text NOT NULL, y smallint NOT NULL) ON COMMIT DROP;\n' +
    TABLES.map((t) => `CREATE TEMP TABLE ${stagingTable(t)} (f integer NOT NULL, r integer NOT NULL, y smallint, ${t.stage.map(([n, ty]) => `${n} ${ty}`).join(', ')}${t.annual ? ', ys smallint[]' : ''}) ON COMMIT DROP;`).join('\n'),
  );
}

/**
 * Indexes a staging table on its key for the checks, once everything is staged (loading is faster
 * without), then gathers its statistics. The index is first built UNIQUE over (key, file), in a
 * savepoint: when that succeeds no key repeats within a file and the duplicate check (a sort of
 * the whole table) can be skipped. Gives whether it succeeded.
 */
export async function indexStaging(tx: Tx, spec: TableSpec): Promise<boolean> {
  const s = stagingTable(spec);
  const key = spec.key.join(', ');
  let unique = true;
  await tx.exec('SAVEPOINT staging_index');
  try {
    await tx.exec(`CREATE UNIQUE INDEX ON ${s} (${key}, f) NULLS NOT DISTINCT`);
  } catch {
    unique = false;
    await tx.exec(`ROLLBACK TO SAVEPOINT staging_index; CREATE INDEX ON ${s} (${key})`);
  }
  await tx.exec(`RELEASE SAVEPOINT staging_index; ANALYZE ${s}`);
  return unique;
}

/**
 * Before the return checks: the years of each staged table (rows of an SSDA903 file carry its
 * collection year), and the tables the checks share (TableSpec.derived).
 */
export async function prepareChecks(tx: Tx, staged: readonly TableSpec[]): Promise<void> {
  if (!staged.some((t) => t.returnChecks?.length)) return;
  const years = staged.map((t) => `INSERT INTO s_years SELECT '${t.id}', y FROM ${stagingTable(t)} WHERE y IS NOT NULL GROUP BY y;`);
  await tx.exec([...years, 'ANALYZE s_years;', ...TABLES.flatMap((t) => t.derived ?? [])].join('\n'));
}

type FastParse = (record: Record<string, string>) => { data: unknown } | null;

interface ZodInternals {
  _zod?: { def: { type: string; in?: ZodInternals; out?: ZodInternals; shape?: Record<string, object>; catchall?: unknown; transform?: (...args: unknown[]) => unknown } };
}

const fastParsers = new WeakMap<object, FastParse | null>();
const lenientParsers = new WeakMap<object, FastParse | null>();

/**
 * The same parse as a table's zod schema, compiled once per schema, for the usual shape
 * `z.object({ ...cells from fields.ts }).transform(row => ...)`: each cell's own function runs
 * directly, without zod building a result object per field. It gives up (null) on the first
 * problem, and then zod parses the row again to report it, so errors read exactly as before.
 * Schemas of any other shape always go through zod.
 */
export function fastParser(schema: object): FastParse | null {
  if (fastParsers.has(schema)) return fastParsers.get(schema)!;
  const compiled = compileFast(schema as ZodInternals, false);
  fastParsers.set(schema, compiled);
  return compiled;
}

/** The same parse, but a refused cell is taken as blank (null) instead of giving up on the row. */
function lenientParser(schema: object): FastParse | null {
  if (lenientParsers.has(schema)) return lenientParsers.get(schema)!;
  const compiled = compileFast(schema as ZodInternals, true);
  lenientParsers.set(schema, compiled);
  return compiled;
}

function compileFast(schema: ZodInternals, lenient: boolean): FastParse | null {
  let def = schema._zod?.def;
  let transform: ((row: unknown) => unknown) | undefined;
  if (def?.type === 'pipe' && def.in?._zod?.def.type === 'object' && def.out?._zod?.def.type === 'transform') {
    const fn = def.out._zod.def.transform;
    // A transform taking zod's context may add issues of its own: leave it to zod.
    if (typeof fn !== 'function' || fn.length > 1) return null;
    transform = fn as (row: unknown) => unknown;
    def = def.in._zod.def;
  }
  if (def?.type !== 'object' || def.catchall !== undefined || !def.shape) return null;
  const fields = Object.entries(def.shape).map(([key, s]) => [key, cellParser(s)] as const);
  if (fields.some(([, parse]) => !parse)) return null;
  let failed = false;
  const ctx = { addIssue: () => void (failed = true) } as unknown as z.RefinementCtx;
  return (record) => {
    failed = false;
    const row: Record<string, unknown> = {};
    for (const [key, parse] of fields) {
      const raw = record[key];
      if (typeof raw !== 'string') return null;
      row[key] = parse!(raw, ctx);
      if (failed) {
        if (!lenient) return null;
        row[key] = null;
        failed = false;
      }
    }
    return { data: transform ? transform(row) : row };
  };
}

/** What an error shows for a personal column's value (spec.personalColumns). */
const WITHHELD = '(not shown: personal data)';

function isPersonal(spec: TableSpec, field: string): boolean {
  return spec.personalColumns?.some((c) => c.toLowerCase() === field.toLowerCase()) ?? false;
}

/** Parses and checks one record; gives the staging values, or adds its errors. */
export function validateRow(
  spec: TableSpec,
  schema: ReturnType<TableSpec['schema']>,
  ctx: RowContext,
  record: Record<string, string>,
  fieldNames: ReadonlyMap<string, string>,
  where: { file: string; row: number },
  errors: ErrorList,
): unknown[] | null {
  let data = fastParser(schema)?.(record)?.data;
  const at = { ...where, ...(record.child ? { child: record.child } : {}) };
  const valuesOf = (fields: readonly string[]) => fields.map((f) => `${f}=${isPersonal(spec, f) ? WITHHELD : record[f.toLowerCase()] ?? ''}`).join('; ');
  /** Fields with a refused cell: a row rule about them would only repeat the cause. */
  let refused: Set<string> | null = null;
  if (data === undefined) {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      refused = new Set();
      for (const issue of (parsed.error as ZodError).issues) {
        const key = String(issue.path[0] ?? '');
        const rule = (issue as { params?: { rule?: string } }).params?.rule ?? issue.code;
        const field = fieldNames.get(key) ?? key;
        refused.add(field);
        errors.add({ ...at, field, rule, message: issue.message, values: valuesOf([field]) });
      }
      data = spec.checkInvalidRows ? lenientParser(schema)?.(record)?.data : undefined;
      if (data === undefined) return null;
    } else {
      data = parsed.data;
    }
  }
  const issues = (spec.rules?.(data, ctx) ?? []).filter((i) => !refused?.has(i.field));
  for (const i of issues) errors.add({ ...at, field: i.field, rule: i.rule, message: i.message, values: valuesOf(i.fields ?? [i.field]) });
  // A refused row is staged only to be checked across files; the run is rejected all the same.
  return issues.length && !spec.checkInvalidRows ? null : spec.toStage(data, ctx);
}

/** A key may appear once in a file. */
export function duplicateCheck(spec: TableSpec): CrossCheck {
  const child = spec.stage.some(([n]) => n === 'child_id');
  return `SELECT f, r, '${spec.keyFields[0]}' AS field, '${spec.duplicateRule ?? 'duplicate'}' AS rule,
       'The same ${spec.keyFields.join(' and ')} is already on row ' || first_r || '; each must appear once in a file.' AS message${child ? ', child_id AS child' : ''}
     FROM (SELECT f, r, ${child ? 'child_id, ' : ''}row_number() OVER w AS n, first_value(r) OVER w AS first_r
           FROM ${stagingTable(spec)} WINDOW w AS (PARTITION BY f, ${spec.key.join(', ')} ORDER BY r)) d
     WHERE n > 1`;
}

/**
 * Keeps one version of each key: the latest collection year, then the last file of the run. An
 * episode open across two years is rightly in both years' returns; the later one knows more, and
 * an annual table's row keeps every year that held it (ys; null when only one year did).
 */
export async function keepLatest(tx: Tx, specs: readonly TableSpec[]): Promise<void> {
  if (specs.length === 0) return;
  await tx.exec(specs.map((t) => (t.annual?.removes ? rebuildLatest(t) : deleteOlder(t))).join('\n'));
}

const LATER = `(coalesce(b.y, 0), b.f, b.r) > (coalesce(a.y, 0), a.f, a.r)`;

/** The older versions deleted (a semi-join: each row is looked up once, however many versions its key has). */
function deleteOlder(t: TableSpec): string {
  const s = stagingTable(t);
  return `DELETE FROM ${s} a WHERE EXISTS (SELECT 1 FROM ${s} b WHERE ${t.key.map((k) => `b.${k} = a.${k}`).join(' AND ')} AND ${LATER});`;
}

/**
 * A table whose stored rows record their years (annual.ts) is rebuilt from one pass over its rows
 * in key order, which gives each key's latest version and its years together; updating the years
 * of every version and then deleting the older ones cost twice as much on a three-year folder.
 */
function rebuildLatest(t: TableSpec): string {
  const s = stagingTable(t);
  const key = t.key.join(', ');
  const columns = ['f', 'r', 'y', ...t.stage.map(([n]) => n)];
  return `CREATE TEMP TABLE ${s}_latest ON COMMIT DROP AS
      SELECT ${columns.join(', ')}, CASE WHEN lo <> hi THEN ARRAY(SELECT DISTINCT x FROM unnest(yy) x ORDER BY x) END AS ys
        FROM (SELECT *, row_number() OVER (PARTITION BY ${key} ORDER BY coalesce(y, 0) DESC, f DESC, r DESC) AS n,
                min(y) OVER k AS lo, max(y) OVER k AS hi, array_agg(y) OVER k AS yy
                FROM ${s} WINDOW k AS (PARTITION BY ${key})) v
       WHERE n = 1;
    DROP TABLE ${s};
    ALTER TABLE ${s}_latest RENAME TO ${s};`;
}

/** The checks of a table across rows and files, on its latest rows. */
export function checksOf(spec: TableSpec): CrossCheck[] {
  const s = stagingTable(spec);
  const checks: CrossCheck[] = [];
  if (spec.childInHeader) {
    checks.push(`SELECT s.f, s.r, 'CHILD' AS field, 'child-in-header' AS rule,
       'Child ' || s.child_id || ' is not in the SSDA903 Header (in this import or already stored).' AS message
     FROM ${s} s
     WHERE NOT EXISTS (SELECT 1 FROM s_header h WHERE h.child_id = s.child_id)
       AND NOT EXISTS (SELECT 1 FROM child c WHERE c.child_id = s.child_id)`);
  }
  return [...checks, ...(spec.checks ?? [])];
}
