// The regional export of the Annex A lists: no full date of birth, postcode, child id or worker's
// name leaves, on every list of a generated workbook and (fast-check) of any rows; the same child
// hashes alike across lists, and another council's salt hashes otherwise; the salt file is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { annexARows } from '../../src/generate/annexA.ts';
import { dayOf } from '../../src/generate/days.ts';
import { streamFor } from '../../src/generate/random.ts';
import { ANNEX_A_LISTS, type AnnexAList } from '../../src/importers/annexA/lists.ts';
import { ANNEX_A_SEND_LISTS } from '../../src/importers/annexA/send-lists.ts';
import { degradedCell, degradedListCsv, hashedId, MIN_SALT_LENGTH, postcodeSector, readSaltFile, sharedColumns } from '../../src/reports/annex-a-export.ts';

const SALT = 'northbridge-2026-regional-salt';

/** The generator's rows as stored (dates as ISO text). */
function storedRows() {
  const generated = annexARows(streamFor(11, 'annex-a'), dayOf('2026-03-31'), 400);
  return new Map([...generated].map(([list, rows]) => [list, rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v])))]));
}

test('no full date of birth, postcode, child id or worker name leaves in any list', () => {
  const rows = storedRows();
  for (const list of ANNEX_A_LISTS) {
    const csv = degradedListCsv(list, rows.get(list.list)!, SALT);
    const [header, ...body] = parse(csv) as string[][];
    const at = (name: string) => header!.indexOf(name);
    for (const line of body) {
      const dob = line[at('Date of Birth')];
      if (dob) assert.match(dob, /^\d{4}-\d{2}-01$/, `List ${list.list}: a date of birth ${dob}`);
      const postcode = line[at('Placement postcode')];
      if (postcode) assert.match(postcode, /^[A-Z0-9]{2,4} \d$/, `List ${list.list}: a postcode ${postcode}`);
    }
    assert.equal(at('Allocated Worker'), -1);
    assert.equal(at('Allocated Personal Advisor'), -1);
    for (const r of rows.get(list.list)!) {
      for (const key of ['child_id', 'adopter_id', 'family_id']) if (r[key]) assert.ok(!csv.includes(String(r[key])), `List ${list.list}: ${key} ${r[key]}`);
    }
  }
  // The same child hashes alike across lists (a journey can be followed in the pooled data).
  const child = rows.get(3)![0]!;
  for (const [list, n] of [[ANNEX_A_LISTS[2]!, 3], [ANNEX_A_LISTS[0]!, 1]] as const) assert.ok(degradedListCsv(list, rows.get(n)!, SALT).includes(hashedId(String(child.child_id), SALT)));
});

test('a postcode is cut to its sector; a short salt is refused', () => {
  assert.equal(postcodeSector('AB1 2CD'), 'AB1 2');
  assert.equal(postcodeSector('sw1a1aa'), 'SW1A 1');
  assert.throws(() => degradedListCsv(ANNEX_A_LISTS[0]!, [], 'short'), /at least 16 characters \(MIN_SALT_LENGTH\)/);
});

// Property: over any rows of any list (dates of birth, postcodes and ids drawn at random), no full
// date of birth or postcode and no raw id comes out, and ids are keyed by the council's salt.
const SALTS = ['northbridge-2026-regional-salt', 'southmere-2026-regional-salt-x'] as const;

const isoDay = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2026, 2, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPRSTUWYZ'), minLength: min, maxLength: max });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** A UK postcode as a case system might write it: any case, with or without the space. */
const postcode = fc
  .tuple(letters(1, 2), digits(1, 2), fc.option(letters(1, 1), { nil: '' }), digits(1, 1), letters(2, 2), fc.constantFrom(' ', '', '  '), fc.boolean())
  .map(([area, district, sub, sector, unit, space, lower]) => {
    const p = `${area}${district}${sub}${space}${sector}${unit}`;
    return lower ? p.toLowerCase() : p;
  });
const id = fc.tuple(fc.constantFrom('C', 'P', 'AD', 'FAM'), digits(3, 9)).map(([a, b]) => `${a}${b}`);

function rowOf(list: AnnexAList): fc.Arbitrary<Record<string, string | number | boolean | null>> {
  const cells: Record<string, fc.Arbitrary<string | number | boolean | null>> = {};
  for (const c of list.columns) {
    cells[c.key] = ID_KEYS.includes(c.key)
      ? id
      : c.key.endsWith('postcode')
        ? postcode
        : c.type === 'date'
          ? fc.option(isoDay, { nil: null })
          : c.type === 'number'
            ? fc.nat({ max: 40 })
            : c.type === 'yesno'
              ? fc.option(fc.boolean(), { nil: null })
              : fc.string({ maxLength: 12 });
  }
  return fc.record(cells);
}

/** Identifier columns: the case system's ids, and a pupil's UPN and ULN (Annex A SEND). */
const ID_KEYS = ['child_id', 'adopter_id', 'family_id', 'upn', 'uln'];
const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();

test('property: over generated rows of every list (ILACS and SEND), no full date of birth, postcode or raw id leaves; ids hash by the salt', () => {
  for (const list of [...ANNEX_A_LISTS, ...ANNEX_A_SEND_LISTS]) {
    fc.assert(
      fc.property(fc.array(rowOf(list), { minLength: 1, maxLength: 8 }), fc.constantFrom(...SALTS), (rows, salt) => {
        const columns = sharedColumns(list);
        const [header, ...body] = parse(degradedListCsv(list, rows, salt)) as string[][];
        assert.deepEqual(header, columns.map((c) => c.name));
        body.forEach((line, i) => {
          const row = rows[i]!;
          columns.forEach((c, k) => {
            const before = row[c.key];
            const after = line[k]!;
            if (c.key === 'birth_date') {
              if (before === null) assert.equal(after, '');
              else assert.equal(after, `${String(before).slice(0, 7)}-01`, `List ${list.list}: date of birth ${before} -> ${after}`);
            } else if (c.key.endsWith('postcode')) {
              assert.equal(after, postcodeSector(String(before)));
              assert.ok(compact(String(before)).startsWith(compact(after)) && compact(after).length === compact(String(before)).length - 2, `${before} -> ${after}`);
            } else if (ID_KEYS.includes(c.key)) {
              assert.equal(after, hashedId(String(before), salt));
              assert.notEqual(after, hashedId(String(before), SALTS.find((s) => s !== salt)!), 'another council\'s salt gives another hash');
            }
          });
          // No cell carries a full postcode or a raw id, whatever column it is in.
          for (const cell of line) {
            for (const c of list.columns) {
              const v = row[c.key];
              if (c.key.endsWith('postcode') && typeof v === 'string') assert.ok(!compact(cell).includes(compact(v)), `List ${list.list}: postcode ${v} in "${cell}"`);
              if (ID_KEYS.includes(c.key) && typeof v === 'string') assert.notEqual(cell, v);
            }
          }
        });
      }),
      { numRuns: 60 },
    );
  }
});

test('property: the same id and salt always hash alike; another salt or another id hashes otherwise', () => {
  fc.assert(
    fc.property(id, id, fc.string({ minLength: MIN_SALT_LENGTH }), fc.string({ minLength: MIN_SALT_LENGTH }), (a, b, s1, s2) => {
      assert.equal(hashedId(a, s1), hashedId(a, s1));
      assert.match(hashedId(a, s1), /^[0-9a-f]{16}$/);
      if (s1 !== s2) assert.notEqual(hashedId(a, s1), hashedId(a, s2));
      if (a !== b) assert.notEqual(hashedId(a, s1), hashedId(b, s1));
    }),
  );
});

test('the salt file must be the owner\'s alone and long enough; no message names the salt', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csinsight-salt-'));
  try {
    const file = join(dir, 'salt');
    writeFileSync(file, `${SALTS[0]}\n`, { mode: 0o600 });
    assert.equal(readSaltFile(file), SALTS[0]);
    chmodSync(file, 0o640);
    assert.throws(() => readSaltFile(file), (e: Error) => /chmod 600/.test(e.message) && !e.message.includes(SALTS[0]));
    writeFileSync(file, 'too-short-salt\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    assert.throws(() => readSaltFile(file), (e: Error) => /fewer than 16 characters \(MIN_SALT_LENGTH\)/.test(e.message) && !e.message.includes('too-short-salt'));
    assert.throws(() => readSaltFile(join(dir, 'absent')), /cannot be read/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a date of birth that is not a date is left out, not passed on as written', () => {
  assert.equal(degradedCell('birth_date', '31/12/2015 (approx)', SALTS[0]), null);
  assert.equal(degradedCell('birth_date', '2015-12-31', SALTS[0]), '2015-12-01');
});
