// The open 903 validator's public fake return (test/fixtures/ssda903-validator, MIT, see its
// README): every table is recognised, every rule runs on every row, and the report lists causes
// (the Header's refused rows) before anything else, with none of the false "not in the Header"
// consequences of a refused Header row.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importDirectory, type ImportResult } from '../../src/importers/index.ts';
import { runErrors } from '../../src/importers/report.ts';
import type { ImportError } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

const DIR = join(import.meta.dirname, '../fixtures/ssda903-validator');
let store: Store;
let result: ImportResult;
let errors: ImportError[];

before(async () => {
  store = await openTestStore();
  result = await importDirectory(store, DIR, { user: 'tester', checkOnly: true });
  errors = await runErrors(store, result.runId);
});
after(() => store.close());

test('every file of the return is recognised by its header, UASC as UASC', () => {
  const tables = Object.fromEntries(result.files.map((f) => [f.file.split('/').pop(), f.table]));
  assert.deepEqual(tables, {
    'DoLo.csv': 'SSDA903 DoLo', 'ad1.csv': 'SSDA903 AD1', 'episodes.csv': 'SSDA903 Episodes', 'header.csv': 'SSDA903 Header',
    'missing.csv': 'SSDA903 Missing', 'oc2.csv': 'SSDA903 OC2', 'oc3.csv': 'SSDA903 OC3', 'placed_for_adoption.csv': 'SSDA903 PlacedAdoption',
    'previous_permanence.csv': 'SSDA903 PrevPerm', 'reviews.csv': 'SSDA903 Reviews', 'sw_episodes.csv': 'SSDA903 SWEpisodes', 'uasc.csv': 'SSDA903 UASC',
  });
  assert.equal(result.files.find((f) => f.file.endsWith('episodes.csv'))!.rows, 5050);
});

test('every error is kept and summarised, none is a failed check, and nothing is stored', async () => {
  assert.equal(result.status, 'rejected');
  assert.equal(errors.length, result.errorCount);
  assert.ok(result.errorCount > 5000, `${result.errorCount}`);
  assert.deepEqual(errors.filter((e) => ['database', 'header', 'year', 'columns'].includes(e.rule)), []);
  const byRule = new Map(result.summary!.byRule.map((r) => [r.rule, r.count]));
  assert.equal([...byRule.values()].reduce((a, b) => a + b, 0), result.errorCount);
  assert.equal(byRule.get('168'), 296, 'UPNs with a check letter the DfE does not use (I, O, S) or of the wrong shape');
  assert.deepEqual(await store.db.selectFrom('child').selectAll().execute(), []);
});

test('causes first: the Header errors lead the report, and a refused Header row does not make its child "not in the Header"', () => {
  assert.match(errors[0]!.file, /header\.csv$/);
  const firstOther = errors.findIndex((e) => !e.file.endsWith('header.csv'));
  assert.ok(errors.slice(firstOther).every((e) => !e.file.endsWith('header.csv')), 'every Header error comes before the rest');
  const refused = new Set(errors.filter((e) => e.file.endsWith('header.csv')).map((e) => e.child));
  assert.ok(refused.has('411080'));
  assert.deepEqual(errors.filter((e) => /^INT0\d$/.test(e.rule) && refused.has(e.child)), []);
});

test('each error names rule, file, row, child, field and values', () => {
  const upn = errors.find((e) => e.rule === '168' && e.child === '411080')!;
  assert.deepEqual(upn, {
    file: 'ssda903-validator/ssda903_2024/header.csv', row: 14, child: '411080', field: 'UPN', rule: '168',
    message: '"O068405655286" is not a valid UPN (a letter and 12 digits, or UN1 to UN5).', values: 'UPN=O068405655286',
  });
  const chain = errors.find((e) => e.rule === '388')!;
  assert.ok(chain.child && chain.values?.includes('REC='), JSON.stringify(chain));
});
