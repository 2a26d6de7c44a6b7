// Opens the store: embedded PGlite in a data directory by default, a PostgreSQL server when a
// connection string is given. Both speak the same SQL and run the same migrations.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine } from './copy-line.ts';
import { claimDataDir } from './data-dir.ts';
import { failOrphanedRuns } from './import-runs.ts';
import { migrate, migrationFiles, migrationText } from './migrate.ts';
import { hasDatabase, initDataDir } from './pglite-init.ts';
import type { Database } from './schema.ts';

export interface Tx {
  db: Kysely<Database>;
  /** Bulk load with COPY: far faster than INSERT for imports. Returns the number of rows. */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number>;
  /** COPY of text already in COPY's CSV form (lines from copyLine; UTF-8 when bytes), e.g. from a worker. */
  copyText(table: string, columns: readonly string[], text: string | Uint8Array<ArrayBuffer>): Promise<void>;
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
}

export interface Store {
  kind: 'pglite' | 'postgres';
  /** For single statements. Never use it inside `transaction`: use the `tx` given there. */
  db: Kysely<Database>;
  /** All or nothing: every multi-statement write goes through here. Throwing rolls back. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` on a connection of its own, held until it returns, for session-level advisory
   * locks (PostgreSQL). PGlite has one session and one process (the data-directory lock): `db`.
   */
  session<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; when absent (and no databaseUrl) the database lives in memory. */
  dataDir?: string;
  /** PostgreSQL schema to work in, e.g. one per authority in a regional data pool. */
  schema?: string;
  /** Drop the schema on close (tests). */
  dropSchemaOnClose?: boolean;
  /**
   * In-memory PGlite only: a file caching a freshly migrated database. Creating a PGlite database
   * runs initdb (seconds); loading the cached copy takes about one second, which keeps the
   * test suite quick. The file name carries a hash of the migrations, so a new one rebuilds it.
   */
  templateDir?: string;
  /** Told which store was opened or created (the CLI prints it, so a mistyped path shows). */
  announce?: (message: string) => void;
}

// Type OIDs: keep dates and timestamps as text (no time-zone surprises), numbers as numbers.
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;
const identity = (v: string) => v;
const PARSERS: Record<number, (v: string) => unknown> = {
  [OID.INT8]: Number,
  [OID.NUMERIC]: Number,
  [OID.DATE]: identity,
  [OID.TIMESTAMP]: identity,
  [OID.TIMESTAMPTZ]: identity,
};

async function copyRowsWith(copyText: Tx['copyText'], table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number> {
  if (rows.length > 0) await copyText(table, columns, rows.map(copyLine).join(''));
  return rows.length;
}

function copySql(table: string, columns: readonly string[], source: string): string {
  return `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options) : await openPglite(options);
  try {
    await migrate(store);
    await failOrphanedRuns(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** The store the environment asks for: DATABASE_URL, else PGlite in CSINSIGHT_DATA or ./data. */
export function storeOptionsFromEnv(env = process.env, announce: StoreOptions['announce'] = (m) => console.error(m)): StoreOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL, schema: env.CSINSIGHT_SCHEMA, announce };
  return { dataDir: env.CSINSIGHT_DATA ?? './data', announce };
}

async function openPglite(options: StoreOptions): Promise<Store> {
  if (!options.dataDir) {
    const template = options.templateDir ? await pgliteTemplate(options.templateDir) : undefined;
    return wrapPglite(await PGlite.create({ parsers: PARSERS, loadDataDir: template }));
  }
  // Locked before PGlite reads a byte of it, and unlocked only after PGlite has closed.
  const dir = claimDataDir(options.dataDir, options.announce);
  let pglite: PGlite;
  try {
    if (!hasDatabase(dir.path)) await initDataDir(dir.path);
    pglite = await PGlite.create({ dataDir: dir.path, parsers: PARSERS });
  } catch (err) {
    dir.release();
    throw err;
  }
  options.announce?.(dir.created ? `New store created at ${dir.path}` : `Opened the existing store at ${dir.path}`);
  return wrapPglite(pglite, () => dir.release());
}

function wrapPglite(pglite: PGlite, afterClose?: () => void): Store {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });

  const txFor = (t: PGliteTransaction): Tx => {
    const copyText: Tx['copyText'] = async (table, columns, text) => {
      if (text.length > 0) await t.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([text]) });
    };
    return {
      // The dialect only needs query(); PGlite's transaction object provides it on the same session.
      db: new Kysely<Database>({ dialect: new PGliteDialect(t as unknown as PGlite) }),
      copyRows: (table, columns, rows) => copyRowsWith(copyText, table, columns, rows),
      copyText,
      async exec(script) {
        await t.exec(script);
      },
    };
  };

  return {
    kind: 'pglite',
    db,
    // PGlite's own transaction() holds its lock for the whole callback, so no other query (a
    // page view, an officer's edit) can slip into the middle of an import.
    transaction: (fn) => pglite.transaction((t) => fn(txFor(t))),
    async exec(script) {
      await pglite.exec(script);
    },
    session: (fn) => fn(db),
    async close() {
      await db.destroy();
      afterClose?.();
    },
  };
}

async function pgliteTemplate(dir: string): Promise<Blob> {
  const hash = createHash('sha256');
  for (const f of migrationFiles()) hash.update(f).update(migrationText(f));
  const file = `${dir}/pglite-${hash.digest('hex').slice(0, 16)}.tar`;
  if (!existsSync(file)) {
    const fresh = await PGlite.create();
    const store = wrapPglite(fresh);
    await migrate(store);
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * Each connection's memory for temporary tables, where an import stages its rows (allocated only
 * as used, so only by an import's connection). At the default 8MB a national SSDA903 folder's
 * staging tables (about 250MB) were written out and read back from disk by every check.
 */
const TEMP_BUFFERS = '256MB';

async function openPostgres(options: StoreOptions): Promise<Store> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const config: pg.PoolConfig = {
    connectionString: options.databaseUrl,
    max: 8,
    types: { getTypeParser: ((oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
    options: [`-c temp_buffers=${TEMP_BUFFERS}`, ...(schema ? [`-c search_path=${schema}`] : [])].join(' '),
  };
  if (schema) {
    const admin = new pg.Client({ connectionString: options.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool(config);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(options.databaseUrl!);
  options.announce?.(`Using the PostgreSQL database ${url.pathname.slice(1) || '(default)'} on ${url.host}${schema ? `, schema ${schema}` : ''}`);

  return {
    kind: 'postgres',
    db,
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Tx = {
        db: pinnedKysely(client),
        copyRows: (table, columns, rows) => copyRowsWith(tx.copyText, table, columns, rows),
        async copyText(table, columns, text) {
          if (text.length === 0) return;
          const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
          await new Promise<void>((resolve, reject) => {
            stream.on('error', reject);
            stream.on('finish', resolve);
            // One write for the batch: a write per line costs a socket write each.
            stream.end(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength));
          });
        },
        async exec(script) {
          await client.query(script);
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn(pinnedKysely(client));
      } finally {
        client.release();
      }
    },
    async close() {
      if (schema && options.dropSchemaOnClose) await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.destroy();
    },
  };
}

/** A Kysely bound to one client, so every statement runs on that connection (a transaction, a session). */
function pinnedKysely(client: pg.PoolClient): Kysely<Database> {
  const pinned = { query: client.query.bind(client), release() {} };
  const single = { connect: async () => pinned, end: async () => {} };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }) });
}

/** A throwaway store for tests: PGlite in memory, or a fresh schema when DATABASE_URL is set. */
export function testStoreOptions(env = process.env): StoreOptions {
  if (!env.DATABASE_URL) return { templateDir: '.test-data' };
  return { databaseUrl: env.DATABASE_URL, schema: `t_${randomBytes(6).toString('hex')}`, dropSchemaOnClose: true };
}

