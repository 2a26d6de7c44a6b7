// Shared by the importer tests: the hand-made fixture set and a snapshot of every imported table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { csvFilesUnder, importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';

export const VALID_DIR = join(import.meta.dirname, '../fixtures/importers/valid');

/** The valid fixture files with their content loaded, so a test can change one of them. */
export function validFiles(): ImportFile[] {
  return csvFilesUnder(VALID_DIR).map((f) => ({ name: f.name, content: readFileSync(f.path!, 'utf8') }));
}

/** The fixture file whose name ends with `suffix`, e.g. 'ssda903_2025/header.csv'. */
export function fixture(suffix: string): ImportFile {
  const file = validFiles().find((f) => f.name.endsWith(suffix));
  if (!file) throw new Error(`no fixture ${suffix}`);
  return file;
}

const TABLES = [
  'child', 'la_episode', 'missing_episode', 'oc3', 'leaver_activity', 'ehcp_request', 'ehcp_advice',
  'priority', 'strategy_action', 'action_update', 'committee_action', 'benchmark',
] as const;

/** Every row of every table the importers write (import_run aside), in a stable order. */
export async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(store.db);
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

export async function count(store: Store, table: (typeof TABLES)[number] | 'import_run'): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(store.db);
  return rows[0]!.n;
}

/** A CSV from a header and rows of cells. */
export function csv(header: string, ...rows: string[]): string {
  return [header, ...rows].join('\n') + '\n';
}

export type Where = [file: string, row: number, field: string, rule: string];

/** Imports, expects a rejection with exactly these errors, and checks nothing was stored. */
export async function expectRejected(store: Store, files: ImportFile[], expected: Where[], message?: RegExp): Promise<void> {
  const before = await snapshot(store);
  const result = await importFiles(store, files, { user: 'tester' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.field, e.rule]), expected);
  assert.equal(result.errorCount, expected.length);
  if (message) assert.match(result.errors[0]!.message, message);
  assert.deepEqual(await snapshot(store), before, 'the store is unchanged');
  const run = await store.db.selectFrom('import_run').selectAll().where('id', '=', result.runId).executeTakeFirstOrThrow();
  assert.equal(run.status, 'rejected');
  assert.equal((run.errors as unknown[]).length, expected.length, 'the rejection is recorded with its errors');
  assert.equal((run.files as unknown[]).length, files.length, 'with every file of the run');
}
