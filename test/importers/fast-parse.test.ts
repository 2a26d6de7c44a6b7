// The importer's fast path (stage.ts fastParser) must parse every row exactly as the table's zod
// schema does, and give up on every row zod would reject (zod then reports the errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvFilesUnder } from '../../src/importers/index.ts';
import { detectTable } from '../../src/importers/detect.ts';
import { fastParser } from '../../src/importers/stage.ts';
import { TABLES } from '../../src/importers/tables/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const CTX = { fy: 2024, today: '2026-11-25' };

/** Every fixture CSV with a known header, as records keyed by lower-cased column name. */
function fixtureTables() {
  return csvFilesUnder(FIXTURES).flatMap((f) => {
    const [header, ...rows] = parse(readFileSync(f.path!), { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
    const spec = header && detectTable(header);
    // Files whose columns vary (EES) get their schema from the header (covered in test/benchmarks).
    if (!spec || spec.recognise) return [];
    const keys = header.map((h) => h.trim().toLowerCase());
    const records = rows.filter((r) => r.length === keys.length).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]!])));
    return [{ file: f.name, spec, keys, records }];
  });
}

/** The fast path's answer: the parsed row, or 'gave up'. */
function both(schema: ReturnType<(typeof TABLES)[number]['schema']>, record: Record<string, string>) {
  const fast = fastParser(schema)!(record);
  const zod = schema.safeParse(record);
  return { fast: fast ? fast.data : 'gave up', zod: zod.success ? zod.data : 'gave up' };
}

test('the fast path is used for the big tables', () => {
  for (const id of ['header', 'episodes', 'missing', 'oc3', 'leaver_activity', 'ehcp_request', 'ehcp_advice']) {
    const spec = TABLES.find((t) => t.id === id)!;
    assert.ok(fastParser(spec.schema(CTX)), id);
  }
});

test('every fixture row parses the same way with and without zod', () => {
  let compared = 0;
  for (const { file, spec, records } of fixtureTables()) {
    const schema = spec.schema(CTX);
    if (!fastParser(schema)) continue;
    for (const record of records) {
      const { fast, zod } = both(schema, record);
      assert.deepEqual(fast, zod, `${file}: ${JSON.stringify(record)}`);
      compared += 1;
    }
  }
  assert.ok(compared > 30, `only ${compared} rows compared`);
});

test('with cells changed to anything, the fast path agrees with zod or gives up where zod fails', () => {
  const tables = fixtureTables().filter((t) => t.records.length > 0 && fastParser(t.spec.schema(CTX)));
  const cell = fc.oneof(fc.string(), fc.constantFrom('', ' ', 'Y', 'n', '01/04/2025', '2025-02-30', '31/12/1899', 'M', '1', '-0', '1e3', 'UN1', ' 2024-25 '));
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(), cell), { minLength: 1, maxLength: 4 }), (t, r, changes) => {
      const { spec, keys, records } = tables[t % tables.length]!;
      const record = { ...records[r % records.length]! };
      for (const [k, v] of changes) record[keys[k % keys.length]!] = v;
      const { fast, zod } = both(spec.schema(CTX), record);
      assert.deepEqual(fast, zod);
    }),
    { numRuns: 3000, seed: 7 },
  );
});
