// Applies the SQL files in migrations/ in name order, each once, each in its own transaction.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Store } from './open.ts';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrationFiles(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

export function migrationText(name: string): string {
  return readFileSync(DIR + name, 'utf8');
}

export async function migrate(store: Store): Promise<string[]> {
  await store.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(store.db);
  const applied = new Set(done.rows.map((r) => r.name));
  const ran: string[] = [];
  for (const name of migrationFiles()) {
    if (applied.has(name)) continue;
    const script = migrationText(name);
    await store.transaction(async (tx) => {
      await tx.exec(script);
      await sql`INSERT INTO schema_migration (name) VALUES (${name})`.execute(tx.db);
    });
    ran.push(name);
  }
  return ran;
}
