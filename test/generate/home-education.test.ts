// The synthetic elective home education register at LA scale: registrations and children on the
// register in proportion to a council of this size, reasons in the DfE's order, a minority known
// to social care or with an EHC plan, the safeguarding case present, spells that keep the rules;
// and the small-scale file imports without an error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, ageOn } from '../../src/core/dates.ts';
import { EHE_END_REASONS, EHE_REASONS } from '../../src/core/homeEducation.ts';
import { generate } from '../../src/generate/index.ts';
import { EHE_FILE } from '../../src/generate/homeEducation.ts';
import { importFiles } from '../../src/importers/index.ts';
import { openTestStore } from '../helpers.ts';
import { iso, readCsv, type Row } from './helpers.ts';

const AS_OF = '2026-11-25';
const root = mkdtempSync(join(tmpdir(), 'csinsight-ehe-'));
let rows: Row[];

before(async () => {
  await generate({ scale: 'la', seed: 9, outDir: join(root, 'la'), asOf: AS_OF });
  await generate({ scale: 'small', seed: 9, outDir: join(root, 'small'), asOf: AS_OF });
  rows = readCsv(join(root, 'la'), EHE_FILE).rows;
});
after(() => rmSync(root, { recursive: true, force: true }));

const onRegister = (on: string) => rows.filter((r) => iso(r.StartDate) <= on && (!r.EndDate || iso(r.EndDate) > on));
const share = (rs: Row[], p: (r: Row) => boolean) => rs.filter(p).length / rs.length;
const inRange = (v: number, lo: number, hi: number, what: string) => assert.ok(v >= lo && v <= hi, `${what}: ${v.toFixed(3)} not in [${lo}, ${hi}]`);

describe('generated elective home education register (LA scale)', () => {
  test('about 230 new registrations in the last year and 200-400 children on the register, rising', () => {
    const yearAgo = addDays(AS_OF, -365);
    inRange(rows.filter((r) => iso(r.StartDate) > yearAgo).length, 180, 290, 'registrations in the last 12 months');
    const now = onRegister(AS_OF).length;
    inRange(now, 200, 400, 'children on the register at asOf');
    assert.ok(now > onRegister(yearAgo).length, 'the register grows');
  });

  test('reasons: philosophical or preferential and mental health the most given; unknown, other or none about 30-40%', () => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.ReasonCode!, (counts.get(r.ReasonCode!) ?? 0) + 1);
    const ranked = [...counts].filter(([k]) => !['OTHER', 'NOT_GIVEN', 'UNKNOWN'].includes(k)).sort((a, b) => b[1] - a[1]).map(([k]) => k);
    assert.deepEqual(ranked.slice(0, 2).sort(), ['MENTAL_HEALTH', 'PHILOSOPHICAL']);
    inRange(share(rows, (r) => ['OTHER', 'NOT_GIVEN', 'UNKNOWN'].includes(r.ReasonCode!)), 0.25, 0.42, 'other, not given or unknown');
    assert.ok([...counts.keys()].every((k) => k in EHE_REASONS));
  });

  test('on the register today: most engaged, about one in ten known to social care, a few with EHC plans', () => {
    const now = onRegister(AS_OF);
    inRange(share(now, (r) => r.Engaged === 'Y'), 0.65, 0.9, 'engaged');
    inRange(share(now, (r) => r.SocialCareStatus !== 'NONE'), 0.05, 0.2, 'known to social care');
    inRange(share(now, (r) => r.SENProvision === 'E'), 0.03, 0.15, 'EHC plan');
    const child1 = now.find((r) => r.ChildID === 'EHE0000001');
    assert.deepEqual([child1?.Engaged, child1?.SocialCareStatus], ['N', 'CP'], 'the safeguarding case is on the register');
  });

  test('spells keep the register\'s rules: school age at the start, ends with a reason, none after asOf, no overlaps', () => {
    const byChild = new Map<string, Row[]>();
    for (const r of rows) {
      const age = ageOn(iso(r.DOB), iso(r.StartDate));
      assert.ok(age >= 4 && age <= 16, `${r.ChildID} aged ${age}`);
      assert.equal(Boolean(r.EndDate), Boolean(r.EndReason), r.ChildID);
      if (r.EndDate) {
        assert.ok(iso(r.EndDate) >= iso(r.StartDate) && iso(r.EndDate) <= AS_OF, r.ChildID);
        assert.ok(r.EndReason! in EHE_END_REASONS);
      }
      byChild.set(r.ChildID!, [...(byChild.get(r.ChildID!) ?? []), r]);
    }
    const again = [...byChild.values()].filter((spells) => spells.length > 1);
    assert.ok(again.length >= 3, 'some children come back to the register');
    for (const [a, b] of again.map((s) => [s[0]!, s[1]!] as const)) {
      assert.ok(a.EndDate && iso(b.StartDate) >= iso(a.EndDate) && a.DOB === b.DOB, a.ChildID);
    }
    assert.ok(rows.some((r) => r.EndReason === 'AGE') && rows.some((r) => r.EndReason === 'SCHOOL'));
  });

  test('the small-scale file imports without an error', async () => {
    const store = await openTestStore();
    try {
      const result = await importFiles(store, [{ name: EHE_FILE, path: join(root, 'small', EHE_FILE) }], { user: 'test' });
      assert.deepEqual(result.errors, []);
      assert.equal(result.status, 'accepted');
    } finally {
      await store.close();
    }
  });
});
