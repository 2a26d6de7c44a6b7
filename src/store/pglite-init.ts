// Creates a new PGlite data directory in a worker thread. PGlite creates a database by running
// initdb in a second WebAssembly instance whose memory stays reserved for the life of the thread
// (a fresh directory took the process to about 880 MiB, reopening one to about 370 MiB); a worker's
// memory is returned when it ends, so the process that serves or imports pays only for reopening.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Whether `dir` already holds a database (PostgreSQL's own marker file). */
export function hasDatabase(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** Runs initdb for `dir` in a worker thread and waits for it to finish; the worker then ends. */
export async function initDataDir(dir: string): Promise<void> {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  // Only dynamic import(): the eval'd code runs as CommonJS or as a module depending on the process's flags.
  const boot = `
    import('node:worker_threads').then(async ({ workerData, parentPort }) => {
      const { PGlite } = await import(workerData.pglite);
      await (await PGlite.create({ dataDir: workerData.dir })).close();
      parentPort.postMessage('created');
    });`;
  const worker = new Worker(boot, { eval: true, workerData: { pglite, dir } });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`Creating the database in ${dir} stopped (exit code ${code}).`)));
    });
  } finally {
    await worker.terminate();
  }
}
