// What the importer knows about one table: its CSV columns, how a row is parsed and checked, where
// it is staged, which checks run across rows in SQL and how staged rows reach the real tables.
import type * as z from 'zod';
import type { IsoDate } from '../core/dates.ts';
import type { RuleIssue } from '../core/rules/issue.ts';
import type { Tx } from '../store/open.ts';
import type { AnnualTarget } from './annual.ts';

export interface RowContext {
  /** Collection year (financial year start) of an SSDA903 file; null for other files. */
  fy: number | null;
  today: IsoDate;
  /** The file's header row as written (for tables whose columns vary, such as EES files). */
  header?: readonly string[];
}

/** A check across rows, as SQL selecting f (file number), r (row), field, rule and message. */
export type CrossCheck = string;

export interface TableSpec<T = unknown> {
  /** Short id: the staging table is s_<id>. */
  id: string;
  /** Plain-English name shown in results. */
  label: string;
  /** Column names as documented in docs/formats.md. */
  columns: readonly string[];
  /**
   * Columns a file may also have (beside `columns`, in any order): a file without them is still
   * this table, and each absent one reads as blank.
   */
  optionalColumns?: readonly string[];
  /**
   * Columns holding personal data (a parent's name and address): their values are never quoted in
   * an error message, the error report or a log; a message names the column only.
   */
  personalColumns?: readonly string[];
  /**
   * For files whose columns vary (EES data files): recognises a header that no table's columns
   * match exactly, and says why a recognised header still cannot be read (null when it can).
   */
  recognise?(header: readonly string[]): boolean;
  headerProblem?(header: readonly string[]): string | null;
  /** SSDA903 tables need the collection year. */
  needsYear?: boolean;
  /** Parses a record keyed by lower-cased column name. */
  schema(ctx: RowContext): z.ZodType<T>;
  rules?(row: T, ctx: RowContext): RuleIssue[];
  /** Staging columns (after f and r) with their SQL types, and the values of one row. */
  stage: readonly (readonly [name: string, type: string])[];
  toStage(row: T, ctx: RowContext): unknown[];
  /** Staging columns that make the key, and the CSV names used in messages. */
  key: readonly string[];
  keyFields: readonly string[];
  /** The child must be in the SSDA903 Header (this import or stored). */
  childInHeader?: boolean;
  /** The rule a key repeated within a file breaks (DfE code where there is one); 'duplicate' otherwise. */
  duplicateRule?: string;
  /**
   * A row with a refused cell is still checked (that cell blank) and staged, so every rule runs on
   * every row and the checks across files see it; the run is rejected anyway.
   */
  checkInvalidRows?: boolean;
  /** Checks across rows run after the latest version of each key is kept (the default). */
  checks?: readonly CrossCheck[];
  /**
   * Checks run on each file as sent, before the latest version of each key is kept (SSDA903 returns
   * of two years, compared with each other). They may also select child and vals.
   */
  returnChecks?: readonly CrossCheck[];
  /**
   * Tables the return checks share, built once the staging tables are indexed and before any
   * check (SQL creating TEMP tables ON COMMIT DROP). Built whenever any staged table has return
   * checks, since one table's checks may read another's derived tables.
   */
  derived?: string;
  /** An SSDA903 table: its files replace their collection year's stored rows (annual.ts). */
  annual?: AnnualTarget;
  /** Moves the staged rows into the real tables, in the order of the table list. */
  upsert(tx: Tx, run: { user: string }): Promise<void>;
}

/** Wraps a script of statements as an upsert. */
export function script(text: string): TableSpec['upsert'] {
  return (tx) => tx.exec(text);
}

/**
 * `INSERT ... SELECT ... ON CONFLICT DO UPDATE` setting every non-key column from the staged row;
 * a column in `keep` keeps its stored value where the staged one is blank.
 */
export function upsertSql(table: string, from: string, columns: readonly string[], key: readonly string[], select = columns.join(', '), keep: readonly string[] = []): string {
  const set = columns.filter((c) => !key.includes(c)).map((c) => `${c} = ${keep.includes(c) ? `COALESCE(excluded.${c}, ${table}.${c})` : `excluded.${c}`}`);
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${from}
    ON CONFLICT (${key.join(', ')}) DO ${set.length ? `UPDATE SET ${set.join(', ')}` : 'NOTHING'};`;
}

/**
 * A table as it will be once this import is stored, for checks across rows and files: the staged
 * rows of each stage (with their file and row when `withRow`) and the stored rows that no staged
 * row replaces (matched on `key`). A parenthesised subquery, for FROM, JOIN or WITH.
 */
export function afterImport(o: { stages: readonly string[]; table: string; columns: readonly string[]; key: readonly string[]; withRow?: boolean }): string {
  const columns = o.columns.join(', ');
  const staged = o.stages.map((s) => `SELECT ${o.withRow ? 'f, r, ' : ''}${columns} FROM ${s}`);
  const kept = o.stages.map((s) => `NOT EXISTS (SELECT 1 FROM ${s} s WHERE ${o.key.map((k) => `s.${k} = t.${k}`).join(' AND ')})`);
  const stored = `SELECT ${o.withRow ? 'NULL, NULL, ' : ''}${columns} FROM ${o.table} t WHERE ${kept.join(' AND ')}`;
  return `(${[...staged, stored].join(' UNION ALL ')})`;
}

export function stagingTable(spec: TableSpec): string {
  return `s_${spec.id}`;
}
