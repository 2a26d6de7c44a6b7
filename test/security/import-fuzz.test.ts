// Fuzzing the importers with hostile files: random bytes, real DfE and case-system headers over
// random or malicious cells (SQL, NUL bytes, control characters, huge cells, stray quotes), and
// valid files with such cells planted in them. Whatever arrives, importFiles answers (it does not
// throw), and a rejected run leaves every table exactly as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importFiles, type ImportFile } from '../../src/importers/index.ts';
import { TABLES } from '../../src/importers/tables/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { snapshot, validFiles } from '../importers/helpers.ts';

let store: Store;
let valid: ImportFile[];
before(async () => {
  store = await openTestStore();
  valid = validFiles();
  const seeded = await importFiles(store, valid, { user: 'seed' });
  assert.equal(seeded.status, 'accepted');
});
after(() => store.close());

const HOSTILE = [
  "'; DROP TABLE child; --",
  "C001' OR '1'='1",
  '\u0000',
  'C001\u0000',
  '\u202eEVIL',
  '=HYPERLINK("http://evil.example")',
  '"',
  '""',
  '\r',
  '\\',
  '$$',
  'NULL',
  '\\N',
  'x'.repeat(70_000),
  '💥',
  '01/01/0001',
  '99/99/9999',
  '-1',
  '1e309',
];

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** A file with a real table's header (so it is recognised) and random rows. */
const recognisedFile = fc
  .record({
    table: fc.constantFrom(...TABLES),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 16 }), { minLength: 1, maxLength: 6 }),
    quoted: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ table, rows, quoted, bom }): ImportFile => ({
    name: table.needsYear ? `ssda903_2025/${table.id}.csv` : `case/${table.id}.csv`,
    content: (bom ? '\uFEFF' : '') + [table.columns.join(','), ...rows.map((r) => r.map((c) => (quoted ? quote(c) : c)).join(','))].join('\r\n'),
  }));

/** Anything at all, as bytes. */
const randomFile = fc.uint8Array({ maxLength: 400 }).map((bytes): ImportFile => ({ name: 'case/random.csv', content: Buffer.from(bytes) }));

/** A valid fixture with hostile cells planted at random places. */
const plantedFile = fc
  .record({ file: fc.nat(), plants: fc.array(fc.record({ at: fc.nat(), value: fc.constantFrom(...HOSTILE) }), { minLength: 1, maxLength: 4 }) })
  .map(({ file, plants }): ImportFile => {
    const f = valid[file % valid.length]!;
    const text = String(f.content);
    let out = text;
    for (const p of plants) {
      // Replace one comma-separated cell after the header line.
      const headerEnd = out.indexOf('\n') + 1;
      const cuts = [...out.matchAll(/,/g)].map((m) => m.index!).filter((i) => i > headerEnd);
      if (cuts.length === 0) continue;
      const at = cuts[p.at % cuts.length]!;
      const next = out.slice(at + 1).search(/[,\n]/);
      out = out.slice(0, at + 1) + quote(p.value) + (next === -1 ? '' : out.slice(at + 1 + next));
    }
    return { name: f.name, content: out };
  });

test('hostile files are answered, and every rejection leaves the store unchanged', async () => {
  let rejected = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(recognisedFile, randomFile, plantedFile), { minLength: 1, maxLength: 3 }), async (files) => {
      const before = await snapshot(store);
      const result = await importFiles(store, files, { user: 'fuzz' });
      const after = await snapshot(store);
      if (result.status === 'rejected') {
        rejected++;
        assert.ok(result.errors.length > 0, 'a rejection says why');
        assert.deepEqual(after, before);
      } else {
        // A hostile string in a free-text field (a benchmark area, an action title) is data, stored
        // as typed; an import only adds or updates, so no table loses rows.
        assert.equal(result.status, 'accepted');
        for (const [table, rows] of Object.entries(before)) assert.ok(after[table]!.length >= rows.length, table);
      }
    }),
    { numRuns: 60, seed: 20260302 },
  );
  assert.ok(rejected > 30, `most hostile runs are rejected (${rejected})`);
});
