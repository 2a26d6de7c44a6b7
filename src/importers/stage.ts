// Staging: validated rows go to TEMP tables (COPY, in batches) inside the run's transaction, so
// cross-row and cross-file checks can run in SQL before anything reaches the real tables.
import type { ZodError } from 'zod';
import type { Tx } from '../store/open.ts';
import { ErrorList } from './errors.ts';
import type { CrossCheck, RowContext, TableSpec } from './spec.ts';
import { stagingTable } from './spec.ts';
import { TABLES } from './tables/index.ts';

export const BATCH_ROWS = 5000;

/**
 * Every staging table: f (file number) and r (row) locate each row for error messages; y is the
 * SSDA903 collection year of the file (null for other files).
 */
export async function createStaging(tx: Tx): Promise<void> {
  await tx.exec(
    TABLES.map((t) => `CREATE TEMP TABLE ${stagingTable(t)} (f integer NOT NULL, r integer NOT NULL, y smallint, ${t.stage.map(([n, ty]) => `${n} ${ty}`).join(', ')}) ON COMMIT DROP;`).join('\n'),
  );
}

/** Indexes and statistics for the checks, once everything is staged (loading is faster without). */
export async function indexStaging(tx: Tx, specs: readonly TableSpec[]): Promise<void> {
  await tx.exec(specs.map((t) => `CREATE INDEX ON ${stagingTable(t)} (${t.key.join(', ')}); ANALYZE ${stagingTable(t)};`).join('\n'));
}

/** Collects rows of one file and copies them to its staging table in batches. */
export class Batcher {
  private rows: unknown[][] = [];
  staged = 0;

  constructor(
    private readonly tx: Tx,
    private readonly spec: TableSpec,
    private readonly fileNo: number,
    private readonly fy: number | null,
  ) {}

  async add(row: number, values: unknown[]): Promise<void> {
    this.rows.push([this.fileNo, row, this.fy, ...values]);
    if (this.rows.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const columns = ['f', 'r', 'y', ...this.spec.stage.map(([n]) => n)];
    this.staged += await this.tx.copyRows(stagingTable(this.spec), columns, this.rows);
    this.rows = [];
  }
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
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    for (const issue of (parsed.error as ZodError).issues) {
      const key = String(issue.path[0] ?? '');
      const rule = (issue as { params?: { rule?: string } }).params?.rule ?? issue.code;
      errors.add({ ...where, field: fieldNames.get(key) ?? key, rule, message: issue.message });
    }
    return null;
  }
  const issues = spec.rules?.(parsed.data, ctx) ?? [];
  for (const i of issues) errors.add({ ...where, ...i });
  return issues.length ? null : spec.toStage(parsed.data, ctx);
}

/** A key may appear once in a file. */
export function duplicateCheck(spec: TableSpec): CrossCheck {
  return `SELECT f, r, '${spec.keyFields[0]}' AS field, 'duplicate' AS rule,
       'The same ${spec.keyFields.join(' and ')} is already on row ' || first_r || '; each must appear once in a file.' AS message
     FROM (SELECT f, r, row_number() OVER w AS n, first_value(r) OVER w AS first_r
           FROM ${stagingTable(spec)} WINDOW w AS (PARTITION BY f, ${spec.key.join(', ')} ORDER BY r)) d
     WHERE n > 1`;
}

/**
 * Keeps one version of each key: the latest collection year, then the last file of the run. An
 * episode open across two years is rightly in both years' returns; the later one knows more.
 */
export async function keepLatest(tx: Tx, specs: readonly TableSpec[]): Promise<void> {
  await tx.exec(
    specs
      .map((t) => {
        const s = stagingTable(t);
        const same = t.key.map((k) => `b.${k} = a.${k}`).join(' AND ');
        return `DELETE FROM ${s} a USING ${s} b WHERE ${same} AND (coalesce(b.y, 0), b.f, b.r) > (coalesce(a.y, 0), a.f, a.r);`;
      })
      .join('\n'),
  );
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
