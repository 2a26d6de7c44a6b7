// Big imports parse their files in worker threads: reading, validating and serialising CSV is
// what bounds an import (the database keeps up), so with two files parsed at once and the run's
// thread only copying, staging takes a fraction of the time. PGlite, which runs in the run's
// thread, gains too. Small runs parse in the run's thread: a worker takes a moment to start.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseFile, type FileChunk, type FileJob } from './parse-file.ts';

/** Below this many bytes in a run, files are parsed in the run's thread. */
const WORKERS_FROM_BYTES = 8 << 20;
/** Chunks a worker may have posted and not yet had copied. */
const IN_FLIGHT = 3;

/**
 * How many parse workers a run of `bytes` uses; CSINSIGHT_IMPORT_WORKERS overrides it (0 = none).
 * PGlite copies in the run's thread, which one worker already keeps busy: a second made the
 * national benchmark no quicker (57 s against 60 s) and took the process over 1 GiB (1,036 MiB
 * against 967 MiB), each worker being a JavaScript heap of its own.
 */
export function workerCount(bytes: number, files: number, store: 'pglite' | 'postgres', env = process.env): number {
  const asked = env.CSINSIGHT_IMPORT_WORKERS;
  const most = store === 'pglite' ? 1 : 2;
  const n = asked !== undefined && asked !== '' ? Number(asked) : bytes < WORKERS_FROM_BYTES ? 0 : Math.min(most, availableParallelism());
  return Math.max(0, Math.min(Math.floor(n) || 0, files));
}

/**
 * Parses every job and hands each chunk to `take`, one at a time: in file order in the run's
 * thread, or as workers finish them (chunks of two files interleave; each file's stay in order).
 */
export async function parseFiles(jobs: FileJob[], workers: number, take: (chunk: FileChunk) => Promise<void>): Promise<void> {
  if (workers === 0 || jobs.length === 0) {
    for (const job of jobs) for await (const chunk of parseFile(job)) await take(chunk);
    return;
  }
  const next = jobs.values();
  const started: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = jobs.length;
      // Chunks are taken one after another, as they arrive.
      let queue = Promise.resolve();
      const give = (w: Worker) => {
        const job = next.next();
        if (!job.done) w.postMessage({ job: job.value });
      };
      for (let i = 0; i < workers; i++) {
        const w = startWorker();
        started.push(w);
        w.on('message', (chunk: FileChunk) => {
          if (chunk.last) give(w);
          queue = queue
            .then(() => take(chunk))
            .then(() => {
              w.postMessage({ ack: true });
              if (chunk.last && --pending === 0) resolve();
            }, reject);
        });
        w.on('error', reject);
        w.on('exit', (code) => pending > 0 && reject(new Error(`An import worker stopped (exit code ${code}).`)));
        give(w);
      }
    });
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
}

/** A worker running parse-worker.ts, with tsx registered in its thread (a worker does not inherit it). */
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: { inFlight: IN_FLIGHT } });
}
