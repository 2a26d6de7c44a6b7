// An SSDA903 return replaces its collection year. Each annual table's stored rows record the years
// whose returns held them (`returns`, 150_ssda903_return_years.sql); importing a table's files of
// years Y removes, in the run's transaction, the stored rows of Y the new files lack (a row also
// held by another year's return only loses Y), and leaves every other year's rows as they are: a
// stored row a later year's return holds keeps that year's values when an earlier year is imported
// again. Every accepted run says how many rows of each table it added, changed (same key, other
// values) and removed.
//
// The Header is shared across years: a child is one row (`child`) that every table and other
// returns hang on, so a child missing from this year's Header keeps its row (and last year's rows
// elsewhere); the Header's removed count is always 0. The child's rows of year Y in the other
// tables go when those tables' files of Y lack them.
import { sql } from 'kysely';
import { fyLabel } from '../core/periods.ts';
import type { Tx } from '../store/open.ts';
import { upsertInto } from './bulk.ts';
import { stagingTable, type TableSpec } from './spec.ts';

/** Where an annual table's staged rows are stored, and how. */
export interface AnnualTarget {
  table: string;
  /** Stored columns written, and the expression over the staging table giving each. */
  columns: readonly string[];
  select: readonly string[];
  key: readonly string[];
  /** Whether a replaced year's rows the new file lacks are removed (not for the Header's children). */
  removes: boolean;
}

/** What an accepted run did to one table's stored rows. */
export interface TableChanges {
  table: string;
  label: string;
  /** The collection years replaced (financial year start). */
  years: number[];
  added: number;
  changed: number;
  removed: number;
}

/**
 * The `annual` and `upsert` of an SSDA903 table spec: the staged rows of table `id` upserted into
 * `table` on `key`, each with the years whose returns hold it (when the table `removes`).
 */
export function annualReturn(
  id: string,
  table: string,
  columns: readonly string[],
  key: readonly string[],
  o: { select?: readonly string[]; removes?: boolean } = {},
): Pick<TableSpec, 'annual' | 'upsert'> {
  const annual: AnnualTarget = { table, columns, key, select: o.select ?? columns, removes: o.removes ?? true };
  const from = `s_${id}`;
  const withYears = annual.removes ? [[...columns, 'returns'], [...annual.select, 'coalesce(ys, ARRAY[y])']] : [columns, annual.select];
  return { annual, upsert: upsertInto(table, from, withYears[0]!, key, withYears[1]!.join(', ')) };
}

const on = (key: readonly string[], a: string, b: string) => key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');

/**
 * Replaces the years `years` of a staged annual table before its upsert: counts what the upsert
 * will add and change, removes the stored rows of those years the staged rows lack, and gives each
 * staged row the years it will be stored with. Staged rows a later stored year holds are taken
 * out of the upsert (their stored row only gains the years). Runs in the import's transaction.
 */
export async function replaceYears(tx: Tx, spec: TableSpec, years: readonly number[]): Promise<TableChanges> {
  const t = spec.annual!;
  const s = stagingTable(spec);
  const replaced = `ARRAY[${years.map((y) => Math.trunc(y)).join(', ')}]::smallint[]`;
  const later = t.removes ? `r.returns IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(r.returns) x WHERE x > s.y AND x <> ALL (${replaced}))` : 'false';
  const differs = t.columns.map((c, i) => `s.v${i} IS DISTINCT FROM r.${c}`).join(' OR ');
  const absent = `r.returns && ${replaced} AND NOT EXISTS (SELECT 1 FROM ${s} s WHERE ${on(t.key, 's', 'r')})`;
  const removes = t.removes ? `(SELECT count(*) FROM ${t.table} r WHERE ${absent} AND r.returns <@ ${replaced})::int` : '0';
  const [counts] = await rows<{ added: number; changed: number; removed: number }>(
    tx,
    `SELECT count(*) FILTER (WHERE r.${t.key[0]} IS NULL)::int AS added,
            count(*) FILTER (WHERE r.${t.key[0]} IS NOT NULL AND NOT (${later}) AND (${differs}))::int AS changed,
            ${removes} AS removed
       FROM (SELECT y, ${t.select.map((e, i) => `${e} AS v${i}`).join(', ')}, ${t.key.join(', ')} FROM ${s}) s
       LEFT JOIN ${t.table} r ON ${on(t.key, 'r', 's')}`,
  );
  if (t.removes) {
    // Rows of the years replaced that the new files lack: gone, unless another year's return
    // holds them too (then they only lose those years). Staged rows a later stored year holds
    // only add their years to it; the others are stored with every year that holds them.
    await tx.exec(
      `UPDATE ${t.table} r SET returns = return_years(r.returns, ${replaced}, '{}') WHERE ${absent} AND NOT (r.returns <@ ${replaced});
       DELETE FROM ${t.table} r WHERE ${absent} AND r.returns <@ ${replaced};
       WITH kept AS (DELETE FROM ${s} s USING ${t.table} r WHERE ${on(t.key, 'r', 's')} AND ${later} RETURNING ${t.key.map((k) => `s.${k}`).join(', ')}, coalesce(s.ys, ARRAY[s.y]) AS ys)
       UPDATE ${t.table} r SET returns = return_years(r.returns, ${replaced}, kept.ys) FROM kept WHERE ${on(t.key, 'r', 'kept')};
       UPDATE ${s} s SET ys = return_years(r.returns, ${replaced}, coalesce(s.ys, ARRAY[s.y])) FROM ${t.table} r
        WHERE ${on(t.key, 'r', 's')} AND r.returns IS NOT NULL AND NOT (r.returns <@ ${replaced});`,
    );
  }
  return { table: spec.id, label: spec.label, years: [...years].sort((a, b) => a - b), added: counts!.added, changed: counts!.changed, removed: counts!.removed };
}

async function rows<T>(tx: Tx, text: string): Promise<T[]> {
  return (await sql.raw<T>(text).execute(tx.db)).rows;
}

/** The changes of a run as lines for the command line: table, years, added, changed, removed. */
export function formatChanges(changes: readonly TableChanges[]): string {
  const yearsOf = (c: TableChanges) => c.years.map(fyLabel).join(', ');
  const head = `${'Table'.padEnd(24)} ${'Years'.padEnd(9)} ${'Added'.padStart(9)} ${'Changed'.padStart(9)} ${'Removed'.padStart(9)}`;
  return [head, ...changes.map((c) => `${c.label.padEnd(24)} ${yearsOf(c).padEnd(9)} ${String(c.added).padStart(9)} ${String(c.changed).padStart(9)} ${String(c.removed).padStart(9)}`)].join('\n');
}
