// One import on a fresh store, timed: rows stored in the named tables per second (bench/cin-xml.ts,
// bench/sen2-xml.ts compare an XML return with the same data as CSV this way).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { importFiles, type ImportFile } from '../src/importers/index.ts';
import { fileSize } from '../src/importers/reader.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';

export interface ImportTiming {
  label: string;
  backend: string;
  /** Rows stored in the named tables. */
  rows: number;
  /** Rows read from the files (an SSDA903 episode open across two years is read twice, stored once). */
  rowsRead: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number;
}

export async function timedImport(label: string, files: ImportFile[], tables: readonly string[], backend: 'pglite' | 'postgres'): Promise<ImportTiming> {
  const dataDir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'csinsight-bench-')) : undefined;
  const options: StoreOptions = backend === 'postgres' ? { databaseUrl: process.env.DATABASE_URL, schema: `bench_xml_${process.pid}`, dropSchemaOnClose: true } : { dataDir };
  const store = await openStore(options);
  try {
    const t = performance.now();
    const result = await importFiles(store, files, { user: 'bench' });
    const seconds = (performance.now() - t) / 1000;
    if (result.status !== 'accepted') throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    let rows = 0;
    for (const t of tables) rows += (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(store.db)).rows[0]!.n;
    const mb = files.reduce((n, f) => n + fileSize(f), 0) / 2 ** 20;
    const rowsRead = result.files.reduce((n, f) => n + f.rows, 0);
    return { label, backend, rows, rowsRead, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds), megabytes: Number(mb.toFixed(1)) };
  } finally {
    await store.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
