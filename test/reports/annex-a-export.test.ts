// The regional export of the Annex A lists: no full date of birth, postcode, child id or worker's
// name leaves, on every list of a generated workbook; the same child hashes alike across lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { annexARows } from '../../src/generate/annexA.ts';
import { dayOf } from '../../src/generate/days.ts';
import { streamFor } from '../../src/generate/random.ts';
import { ANNEX_A_LISTS } from '../../src/importers/annexA/lists.ts';
import { degradedListCsv, hashedId, postcodeSector } from '../../src/reports/annex-a-export.ts';

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
