// Bulk loading: how a big staged table reaches its real table. Row by row, every index entry and
// every foreign-key lookup (a trigger per row) costs far more than building the index or checking
// the key once over the whole table, so a big load drops them first and makes them again after, in
// the run's transaction, as PostgreSQL's "Populating a Database" advises. 2.9M EHCP advice rows:
// 25 s as an upsert with everything in place, under 6 s this way.
//
// The cost: until the run commits, the table is locked (ACCESS EXCLUSIVE) and other sessions
// reading it wait, where an ordinary upsert lets them read the old rows. That is why it is only
// done for loads of at least `CSINSIGHT_BULK_ROWS` rows (default 50,000), and on a table that
// already has rows only when the load is a reload (at least half its size). On PGlite nothing
// else runs during an import anyway.
import { sql } from 'kysely';
import type { Tx } from '../store/open.ts';
import { upsertSql, type TableSpec } from './spec.ts';

const DEFAULT_BULK_ROWS = 50_000;
/** Loads this big change the planner's statistics enough to gather them again. */
const ANALYZE_ROWS = 1000;

/** Read at each load, so tests can lower it for small files. */
function bulkRows(): number {
  const n = Number(process.env.CSINSIGHT_BULK_ROWS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_BULK_ROWS;
}

/** How a load goes: row by row; into an empty table; or a reload of a table with rows. */
type LoadMode = 'rows' | 'empty' | 'reload';

interface Rebuild {
  /** Statements that drop what slows the load, and those that make it again, in order. */
  drop: string[];
  make: string[];
}

/**
 * An upsert (`INSERT ... ON CONFLICT DO UPDATE` on `key`) of the staged rows in `from` into `table`,
 * which loads in bulk when it is big. An empty table gets a plain INSERT with its keys, indexes and
 * foreign keys (its own and those pointing at it) made afterwards; a reload keeps the keys the
 * upsert needs and drops the other indexes and the foreign keys. The staged rows have one row per
 * key by now (duplicate check and keepLatest in stage.ts). The table is ANALYZEd after any sizeable
 * load: PGlite has no autovacuum, and the indicator pack that follows an import needs fresh plans.
 * `keep`: columns whose stored value stays where the staged one is blank (upsertSql).
 */
export function upsertInto(
  table: string,
  from: string,
  columns: readonly string[],
  key: readonly string[],
  select = columns.join(', '),
  keep: readonly string[] = [],
): TableSpec['upsert'] {
  return async (tx) => {
    const staged = await estimatedRows(tx, from);
    const mode = await loadMode(tx, table, staged);
    if (mode === 'rows') {
      await tx.exec(upsertSql(table, from, columns, key, select, keep));
    } else {
      const { drop, make } = await rebuildPlan(tx, table, mode);
      await tx.exec(drop.join(';\n'));
      await tx.exec(mode === 'empty' ? `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${from}` : upsertSql(table, from, columns, key, select, keep));
      await tx.exec(make.join(';\n'));
    }
    if (staged >= ANALYZE_ROWS) await tx.exec(`ANALYZE ${table}`);
  };
}

/** The planner's row count (the staging tables are ANALYZEd once loaded); exact when it has none. */
async function estimatedRows(tx: Tx, table: string): Promise<number> {
  const rows = await select<{ n: number }>(tx, `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = '${table}'::regclass`);
  const n = Number(rows[0]?.n ?? -1);
  if (n >= 0) return n;
  const counted = await select<{ n: number }>(tx, `SELECT count(*)::float8 AS n FROM ${table}`);
  return Number(counted[0]!.n);
}

async function loadMode(tx: Tx, table: string, staged: number): Promise<LoadMode> {
  if (staged < bulkRows()) return 'rows';
  const [first] = await select<{ empty: boolean }>(tx, `SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
  if (first!.empty) return 'empty';
  return staged * 2 >= (await estimatedRows(tx, table)) ? 'reload' : 'rows';
}

/**
 * What to drop and make again, from the catalogue, so every name and definition comes back as
 * the migrations made it (pg_get_constraintdef / pg_get_indexdef). For an empty table: foreign
 * keys pointing at it (they hang on its primary key), its own foreign keys, its primary and unique
 * keys, its other indexes. For a reload, only its own foreign keys and the indexes behind no key.
 */
async function rebuildPlan(tx: Tx, table: string, mode: Exclude<LoadMode, 'rows'>): Promise<Rebuild> {
  const keys = mode === 'empty' ? `'p', 'u'` : `''`;
  const constraints = await select<{ tbl: string; name: string; def: string; kind: string }>(
    tx,
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype AS kind
       FROM pg_constraint c
      WHERE (c.conrelid = '${table}'::regclass AND c.contype IN ('f', ${keys}))
         OR (${mode === 'empty'} AND c.confrelid = '${table}'::regclass AND c.contype = 'f')
      ORDER BY (c.contype = 'f' AND c.conrelid <> '${table}'::regclass) DESC, (c.contype = 'f') DESC, c.conname`,
  );
  const indexes = await select<{ name: string; def: string }>(
    tx,
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = '${table}'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid)
      ORDER BY 1`,
  );
  // Dropped in the order found (foreign keys first); made again in reverse (keys before the foreign keys on them).
  const unique = constraints.filter((c) => c.kind !== 'f');
  const foreign = constraints.filter((c) => c.kind === 'f');
  const add = (c: { tbl: string; name: string; def: string }) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.def}`;
  return {
    drop: [
      ...constraints.map((c) => `ALTER TABLE ${c.tbl} DROP CONSTRAINT ${quoteIdent(c.name)}`),
      ...indexes.map((i) => `DROP INDEX ${i.name}`),
    ],
    make: [...unique.map(add), ...indexes.map((i) => i.def), ...foreign.reverse().map(add)],
  };
}

async function select<T>(tx: Tx, text: string): Promise<T[]> {
  return (await sql.raw<T>(text).execute(tx.db)).rows;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
