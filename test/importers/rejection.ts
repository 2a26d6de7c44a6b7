// A rejected import run: exactly the errors expected (file, row, field, rule), and the tables read
// by `snapshot` unchanged afterwards (the run is one transaction).
import assert from 'node:assert/strict';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';

export type Where = [file: string, row: number, field: string, rule: string];

export async function expectRejected(
  store: Store,
  snapshot: () => Promise<unknown>,
  files: ImportFile[],
  expected: Where[],
  message?: RegExp,
): Promise<void> {
  const before = await snapshot();
  const result = await importFiles(store, files, { user: 'tester' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.field, e.rule]), expected);
  if (message) assert.match(result.errors[0]!.message, message);
  assert.deepEqual(await snapshot(), before, 'the store is unchanged');
}
