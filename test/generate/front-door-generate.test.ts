// The front-door and early help generators at LA scale: volumes and rates near the published
// national levels, the fire service partnership growing, early help linked to CIN children, and
// every file accepted by the importers with no errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assessmentDueDate, isReReferral } from '../../src/core/cin.ts';
import type { TextWriter } from '../../src/generate/csv.ts';
import { EARLY_HELP_FILE, generateEarlyHelp } from '../../src/generate/earlyHelp.ts';
import { FRONT_DOOR_FILES, generateFrontDoor } from '../../src/generate/frontDoor.ts';
import { areaContext } from '../../src/generate/index.ts';
import { windowFor } from '../../src/generate/scales.ts';
import { csvFilesUnder, importFiles } from '../../src/importers/index.ts';
import { openTestStore } from '../helpers.ts';
import { assertDates, iso, readCsv, type Row } from './helpers.ts';

const AS_OF = '2026-11-25';
const dir = mkdtempSync(join(tmpdir(), 'csinsight-front-door-gen-'));
let referrals: Row[];
let assessments: Row[];
let episodes: Row[];
let population: number;

before(async () => {
  const writers: TextWriter[] = [];
  const win = windowFor(AS_OF);
  const ctx = (name: string) => areaContext({ scale: 'la', seed: 9, outDir: dir, win, name, writers });
  // The same order as generate(): the front door leaves its links for early help.
  await generateFrontDoor(ctx('front-door'));
  await generateEarlyHelp(ctx('early-help'));
  for (const w of writers) w.close();
  referrals = readCsv(dir, FRONT_DOOR_FILES.referrals).rows;
  assessments = readCsv(dir, FRONT_DOOR_FILES.assessments).rows;
  episodes = readCsv(dir, EARLY_HELP_FILE).rows;
  population = Number(readCsv(dir, FRONT_DOOR_FILES.population).rows.find((p) => p.Year === '2025')!.Population0to17);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Rows whose date column falls in the financial year 2025-26. */
const inYear = (rows: Row[], col: string) => rows.filter((r) => r[col] && iso(r[col]) >= '2025-04-01' && iso(r[col]) <= '2026-03-31');

describe('front door and early help at LA scale', () => {
  test('about 540 referrals a year per 10,000 children, a fifth re-referred, a few NFA', () => {
    const year = inYear(referrals, 'CINreferralDate');
    const per10k = (year.length * 10_000) / population;
    assert.ok(per10k > 450 && per10k < 650, `referrals per 10,000 ${per10k.toFixed(0)}`);
    const previous = new Map<string, string>();
    let re = 0;
    for (const r of [...referrals].sort((a, b) => iso(a.CINreferralDate).localeCompare(iso(b.CINreferralDate)))) {
      const date = iso(r.CINreferralDate);
      if (date >= '2025-04-01' && date <= '2026-03-31' && isReReferral(previous.get(r.LAchildID!) ?? null, date)) re++;
      previous.set(r.LAchildID!, date);
    }
    const reRate = (100 * re) / year.length;
    assert.ok(reRate > 15 && reRate < 30, `re-referrals ${reRate.toFixed(1)}%`);
    const nfa = (100 * year.filter((r) => r.ReferralNFA === 'true').length) / year.length;
    assert.ok(nfa > 3 && nfa < 12, `NFA ${nfa.toFixed(1)}%`);
  });

  test('about 80 to 90% of assessments within 45 working days; every date real and not after asOf', () => {
    const done = inYear(assessments, 'AssessmentAuthorisationDate');
    const inTime = done.filter((a) => iso(a.AssessmentAuthorisationDate) <= assessmentDueDate(iso(a.AssessmentActualStartDate))).length;
    const rate = (100 * inTime) / done.length;
    assert.ok(rate > 75 && rate < 92, `in time ${rate.toFixed(1)}%`);
    assert.ok(assessments.some((a) => !a.AssessmentAuthorisationDate), 'some assessments are open');
    assertDates(dir, [FRONT_DOOR_FILES.referrals, FRONT_DOOR_FILES.assessments, EARLY_HELP_FILE], AS_OF);
  });

  test('the fire service refers more each year; every source group appears', () => {
    const fire = (from: string, to: string) =>
      referrals.filter((r) => r.LocalReferralSource === 'FIRE' && iso(r.CINreferralDate) >= from && iso(r.CINreferralDate) <= to).length;
    assert.ok(fire('2025-04-01', '2026-03-31') > fire('2024-04-01', '2025-03-31'), 'fire service referrals grow');
    for (const code of ['1A', '2A', '3A', '4', '5A', '6', '7', '8', '9', '10']) assert.ok(referrals.some((r) => r.ReferralSource === code), code);
  });

  test('early help: about 1,800 new episodes a year, some of them for children the front door knows', () => {
    const started = inYear(episodes, 'StartDate').length;
    assert.ok(started > 1_500 && started < 2_600, `new episodes ${started}`);
    const cinChildren = new Set(referrals.map((r) => r.LAchildID));
    const linked = episodes.filter((e) => cinChildren.has(e.ChildID));
    assert.ok(linked.some((e) => e.Outcome === 'STEP_UP') && linked.some((e) => e.Source === 'STEP_DOWN'), 'step-ups and step-downs linked to referrals');
    assert.ok(episodes.some((e) => !e.EndDate), 'some episodes are open');
  });

  test('the importers accept every file with no errors', async () => {
    const store = await openTestStore();
    try {
      const result = await importFiles(store, csvFilesUnder(dir), { user: 'test' });
      assert.deepEqual(result.errors.slice(0, 3), []);
      assert.equal(result.status, 'accepted');
    } finally {
      await store.close();
    }
  });
});
