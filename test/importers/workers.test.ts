// Big imports parse their files in worker threads (src/importers/workers.ts). Whether files are
// parsed there or in the run's thread, a run must store the same rows and report the same errors
// in the same order, with the same MAX_ERRORS cut; files given as content work as paths do.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importDirectory, importFiles, MAX_ERRORS } from '../../src/importers/index.ts';
import { CopyBuffer } from '../../src/importers/copy-buffer.ts';
import { CHUNK_ROWS } from '../../src/importers/parse-file.ts';
import type { ImportFile, ImportOptions, ImportResult } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { csv, snapshot, VALID_DIR, validFiles } from './helpers.ts';

const REQUESTS = 'RequestID,PersonID,PersonBirthDate,Sex,ReceivedDate,RequestOutcomeDate,RequestOutcome,AssessmentOutcomeDate,AssessmentOutcome,Week20,ExceptionReason,DraftPlanDate,StartDate,SENtype';
const ADVICE = 'RequestID,Partner,RequestedDate,ReceivedDate';

let inThread: Store;
let inWorkers: Store;
before(async () => {
  [inThread, inWorkers] = await Promise.all([openTestStore(), openTestStore()]);
});
after(() => Promise.all([inThread.close(), inWorkers.close()]));

/** A run with CSINSIGHT_IMPORT_WORKERS set to `workers` (0 = parsed in the run's thread). */
async function withWorkers<T>(workers: number, run: () => Promise<T>): Promise<T> {
  const saved = process.env.CSINSIGHT_IMPORT_WORKERS;
  process.env.CSINSIGHT_IMPORT_WORKERS = String(workers);
  try {
    return await run();
  } finally {
    if (saved === undefined) delete process.env.CSINSIGHT_IMPORT_WORKERS;
    else process.env.CSINSIGHT_IMPORT_WORKERS = saved;
  }
}

/** Every stored row, less the times of the import (each store imported at its own moment). */
async function rows(store: Store): Promise<Record<string, unknown[]>> {
  const tables = await snapshot(store);
  const timeless = (row: unknown) => String(row).replace(/"(at|updated_at)":"[^"]*"/g, '"$1":"-"');
  return Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.map(timeless)]));
}

const outcome = (r: ImportResult) => ({ status: r.status, files: r.files, errors: r.errors, errorCount: r.errorCount });

/** Requests spanning several chunks, with a bad date every `every` rows (0: none). */
function manyRequests(n: number, every: number): string {
  const rows = Array.from({ length: n }, (_, i) => `X${i},P${i},2015-06-01,M,${every > 0 && i % every === 5 ? '31/02/2024' : '2024-01-08'},,A,,,N,,,,ASD`);
  return csv(REQUESTS, ...rows);
}

test('a run with errors of every kind reports the same errors, in the same order, parsed either way', async () => {
  const files: ImportFile[] = [
    ...validFiles(),
    { name: 'sen2/more_requests.csv', content: manyRequests(CHUNK_ROWS * 2 + 123, 9000) },
    { name: 'odd.csv', content: csv('What,Is,This', '1,2,3') },
    { name: 'gone.csv', path: '/nonexistent/gone.csv' },
    { name: 'ssda903/header.csv', content: csv('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', 'C1,1,2010-01-01,WBRI,UN1,,') },
    // More errors than are listed: the cut must fall in the same place.
    { name: 'sen2/bad_advice.csv', content: csv(ADVICE, ...Array.from({ length: MAX_ERRORS }, (_, i) => (i % 7 ? `R1,health,2024-02-16,not ${i}` : 'R1,health'))) },
    { name: 'empty.csv', content: '' },
  ];
  const opts: ImportOptions = { user: 'tester' };
  const expected = outcome(await withWorkers(0, () => importFiles(inThread, files, opts)));
  assert.equal(expected.status, 'rejected');
  assert.equal(expected.errors.length, MAX_ERRORS);
  assert.ok(expected.errorCount > MAX_ERRORS);
  assert.deepEqual(
    new Set(expected.errors.map((e) => e.rule)),
    new Set(['date', 'header', 'file', 'year', 'columns']),
    'errors of every kind are listed',
  );
  for (const workers of [1, 2]) {
    const got = outcome(await withWorkers(workers, () => importFiles(inWorkers, files, opts)));
    assert.deepEqual(got, expected, `${workers} worker(s)`);
  }
});

test('valid files, by path or as content, store the same rows parsed in workers as in the thread', async () => {
  const progress: { bytes: number; totalBytes: number }[] = [];
  const byPath = await withWorkers(2, () => importDirectory(inWorkers, VALID_DIR, { user: 'officer', onProgress: (p) => progress.push(p) }));
  assert.equal(byPath.status, 'accepted', JSON.stringify(byPath.errors));
  assert.equal(progress.at(-1)!.bytes, progress.at(-1)!.totalBytes, 'progress reaches every byte');
  const inThreadResult = await withWorkers(0, () => importDirectory(inThread, VALID_DIR, { user: 'officer' }));
  assert.deepEqual(byPath.files, inThreadResult.files);
  assert.deepEqual(await rows(inWorkers), await rows(inThread));

  const big = [{ name: 'sen2/more_requests.csv', content: manyRequests(CHUNK_ROWS + 10, 0) }];
  const asContent = await withWorkers(2, () => importFiles(inWorkers, [...validFiles(), ...big], { user: 'officer' }));
  assert.equal(asContent.status, 'accepted', JSON.stringify(asContent.errors));
  assert.equal(asContent.files.at(-1)!.rows, CHUNK_ROWS + 10);
  await withWorkers(0, () => importFiles(inThread, [...validFiles(), ...big], { user: 'officer' }));
  assert.deepEqual(await rows(inWorkers), await rows(inThread));
});

test('the COPY buffer holds lines of any length and characters', () => {
  const buffer = new CopyBuffer();
  const lines = ['a,"é"\n', `${'x'.repeat(5 << 20)}\n`, '"日本",🙂\n'];
  for (const line of lines) buffer.add(line);
  assert.equal(Buffer.from(buffer.take()).toString('utf8'), lines.join(''));
  assert.equal(buffer.take().length, 0, 'taking starts a new buffer');
});
