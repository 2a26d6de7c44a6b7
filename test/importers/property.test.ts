// Random damage to valid files never leaves a partial import: the store is either exactly as it
// was (rejected) or holds every row of every file (accepted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importFiles } from '../../src/importers/index.ts';
import type { ImportFile } from '../../src/importers/types.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { snapshot, validFiles } from './helpers.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

const CELLS = ['', 'X', 'C999', 'C001', 'R1', '31/02/2020', '01/01/2099', '2024-01-01', '01/04/2024', 'Y', 'N', '0', 'G5', 'amber', 'PR4', '"', 'a,b'];

type Mutation =
  | { kind: 'cell'; file: number; row: number; col: number; value: string }
  | { kind: 'duplicate' | 'delete' | 'shorten'; file: number; row: number }
  | { kind: 'swap-header'; file: number; col: number };

const index = fc.nat({ max: 1000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), file: index, row: index, col: index, value: fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constantFrom('duplicate' as const, 'delete' as const, 'shorten' as const), file: index, row: index }),
  fc.record({ kind: fc.constant('swap-header' as const), file: index, col: index }),
);

function quote(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Applies mutations to simple fixture CSVs (no quoted commas are split: cells are re-quoted whole). */
function mutate(files: ImportFile[], mutations: Mutation[]): ImportFile[] {
  const tables = files.map((f) => String(f.content).trim().split(/\r?\n/).map((l) => splitCsv(l)));
  for (const m of mutations) {
    const t = tables[m.file % tables.length]!;
    const data = t.length - 1;
    if (m.kind === 'swap-header') {
      const i = m.col % t[0]!.length;
      const j = (i + 1) % t[0]!.length;
      [t[0]![i], t[0]![j]] = [t[0]![j]!, t[0]![i]!];
      continue;
    }
    if (data === 0) continue;
    const r = 1 + (m.row % data);
    if (m.kind === 'cell') t[r]![m.col % t[r]!.length] = m.value;
    if (m.kind === 'duplicate') t.splice(r, 0, [...t[r]!]);
    if (m.kind === 'delete') t.splice(r, 1);
    if (m.kind === 'shorten') t[r]!.pop();
  }
  return files.map((f, i) => ({ name: f.name, content: tables[i]!.map((cells) => cells.map(quote).join(',')).join('\n') + '\n' }));
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) out.push(cell), (cell = '');
    else cell += c;
  }
  return [...out, cell];
}

const dataRows = (f: ImportFile) => String(f.content).trim().split('\n').length - 1;

test('damaged files are either rejected leaving the store unchanged, or accepted whole', async () => {
  const base = validFiles();
  let accepted = 0;
  let rejected = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
      const files = mutate(base, mutations);
      const before = await snapshot(store);
      const result = await importFiles(store, files, { user: 'property' });
      const after = await snapshot(store);
      if (result.status === 'rejected') {
        rejected++;
        assert.ok(result.errorCount > 0 && result.errors.length > 0);
        assert.deepEqual(after, before);
      } else {
        accepted++;
        assert.equal(result.files.reduce((n, f) => n + f.rows, 0), files.reduce((n, f) => n + dataRows(f), 0));
        // Every row is in: importing the same files again finds nothing left to store.
        const again = await importFiles(store, files, { user: 'property' });
        assert.equal(again.status, 'accepted');
        assert.deepEqual(await snapshot(store), after);
      }
    }),
    { numRuns: 20, seed: 20250401 },
  );
  assert.ok(rejected > 0, 'some mutations are rejected');
  assert.ok(accepted > 0, 'some mutations are harmless and accepted');
});
