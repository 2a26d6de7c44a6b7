// The LA-scale data tells the story the brief asks for: the shares below are those the
// dashboards will show, and every month of the three collection years has data.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { daysBetween } from '../../src/core/dates.ts';
import { financialYear, periodsBetween } from '../../src/core/periods.ts';
import { generate } from '../../src/generate/index.ts';
import { assertDates, filesUnder, iso, readCsv, type Row } from './helpers.ts';

const AS_OF = '2026-11-25';
const WINDOW_START = '2024-04-01';
const YEARS = ['ssda903_2025', 'ssda903_2026', 'ssda903_2027'];
const dir = mkdtempSync(join(tmpdir(), 'csinsight-generate-la-'));

before(() => generate({ scale: 'la', seed: 1, outDir: dir, asOf: AS_OF }));
after(() => rmSync(dir, { recursive: true, force: true }));

const share = (rows: Row[], p: (r: Row) => boolean) => rows.filter(p).length / rows.length;
const months = periodsBetween('month', WINDOW_START, AS_OF);
const monthsWith = (dates: string[]) => new Set(dates.filter(Boolean).map((d) => iso(d).slice(0, 7)));

function assertBetween(value: number, lo: number, hi: number, what: string): void {
  assert.ok(value >= lo && value <= hi, `${what}: ${value.toFixed(3)} not in [${lo}, ${hi}]`);
}

describe('generate (LA scale) distributions', () => {
  test('EHCPs: 50-60% within 20 weeks, improving; exceptions, refusals and late partners', () => {
    const requests = readCsv(dir, 'sen2/ehcp_requests.csv').rows;
    const issued = requests.filter((r) => r.StartDate);
    const inTime = (r: Row) => daysBetween(iso(r.ReceivedDate), iso(r.StartDate)) <= 140;
    assertBetween(share(issued, inTime), 0.5, 0.6, 'issued within 20 weeks');
    const byYear = (fy: number) => issued.filter((r) => financialYear(iso(r.StartDate)) === fy);
    assert.ok(share(byYear(2025), inTime) > share(byYear(2024), inTime) + 0.05, 'timeliness does not improve');
    const assessed = requests.filter((r) => r.RequestOutcome === 'Y');
    assertBetween(share(assessed, (r) => r.Week20 === 'Y' && r.ExceptionReason !== ''), 0.03, 0.08, 'exceptions');
    assertBetween(share(requests.filter((r) => r.RequestOutcomeDate), (r) => r.RequestOutcome === 'N'), 0.15, 0.25, 'not to assess');
    const open = requests.filter((r) => !r.StartDate && ['A', 'Y'].includes(r.RequestOutcome!) && ['', 'A'].includes(r.AssessmentOutcome!));
    assert.ok(open.filter((r) => daysBetween(iso(r.ReceivedDate), AS_OF) > 140).length >= 2, 'open requests past 20 weeks');

    const late = new Map<string, number>();
    const advice = readCsv(dir, 'sen2/ehcp_advice.csv').rows.filter((a) => a.ReceivedDate);
    for (const p of ['educational_psychology', 'health', 'social_care', 'education']) {
      late.set(p, share(advice.filter((a) => a.Partner === p), (a) => daysBetween(iso(a.RequestedDate), iso(a.ReceivedDate)) > 42));
    }
    assert.ok(late.get('educational_psychology')! > late.get('social_care')! && late.get('health')! > late.get('education')!, JSON.stringify([...late]));
    assert.ok(Math.min(late.get('educational_psychology')!, late.get('health')!) > Math.max(late.get('social_care')!, late.get('education')!));
  });

  test('missing: about 10% of children, RHI offered in 72 hours about 75%, evenings, repeats and exploitation', () => {
    for (const y of YEARS.slice(0, 2)) {
      const inCare = new Set(readCsv(dir, `${y}/episodes.csv`).rows.map((e) => e.CHILD));
      const missing = new Set(readCsv(dir, `${y}/missing.csv`).rows.map((m) => m.CHILD));
      assertBetween(missing.size / inCare.size, 0.07, 0.16, `${y} share of looked-after children missing`);
    }
    const ends = new Map<string, string>();
    for (const y of YEARS) for (const m of readCsv(dir, `${y}/missing.csv`).rows) ends.set(`${m.CHILD}|${m.MIS_START}`, m.MIS_END!);
    const fromHome = readCsv(dir, 'case_system/missing_from_home.csv').rows;
    for (const m of fromHome) ends.set(`${m.CHILD}|${m.MIS_START}`, m.MIS_END!);
    assertBetween(fromHome.length / ends.size, 0.4, 0.7, 'share of episodes from home');
    const rhi = readCsv(dir, 'case_system/return_home_interviews.csv').rows;
    const returned = rhi.filter((r) => ends.get(`${r.CHILD}|${r.MIS_START}`) && daysBetween(iso(ends.get(`${r.CHILD}|${r.MIS_START}`)), AS_OF) > 14);
    assertBetween(share(returned, (r) => r.RHI_OFFERED !== '' && daysBetween(iso(ends.get(`${r.CHILD}|${r.MIS_START}`)), iso(r.RHI_OFFERED)) <= 3), 0.68, 0.82, 'offered in 72 hours');
    assertBetween(share(returned, (r) => r.RHI_COMPLETED !== ''), 0.5, 0.7, 'completed');
    assertBetween(share(returned, (r) => r.RHI_DECLINED !== ''), 0.1, 0.2, 'declined');
    assertBetween(share(rhi, (r) => Number(r.START_TIME!.slice(0, 2)) >= 15), 0.55, 0.8, 'reported from 3pm');
    const weekend = share(rhi, (r) => [5, 6].includes(new Date(iso(r.MIS_START)).getUTCDay()));
    assert.ok(weekend > 2 / 7 + 0.05, `Fridays and Saturdays ${weekend}`);
    const flagged = new Set(rhi.filter((r) => r.EXPLOITATION_RISK !== 'NONE').map((r) => r.CHILD));
    assert.ok(flagged.size >= 2, 'exploitation flags');
    for (const r of rhi.filter((x) => x.EXPLOITATION_RISK !== 'NONE')) assert.match(r.THEMES!, /EXPLOITATION/);
  });

  test('care leavers: 35-40% of 19-21 year olds NEET on average, ~90% in touch, ~88% suitably housed', () => {
    const dob = new Map<string, string>();
    for (const y of YEARS) for (const h of readCsv(dir, `${y}/header.csv`).rows) dob.set(h.CHILD!, iso(h.DOB));
    const activity = readCsv(dir, 'case_system/leaver_activity.csv').rows;
    const shares = months.map((m) => {
      const day = m.start;
      const age = (c: string) => Number(day.slice(0, 4)) - Number(dob.get(c)!.slice(0, 4)) - (day.slice(5) < dob.get(c)!.slice(5) ? 1 : 0);
      const current = activity.filter((a) => iso(a.START) <= day && (!a.END || iso(a.END) >= day) && age(a.CHILD!) >= 19 && age(a.CHILD!) <= 21);
      assert.ok(current.length > 0, `no 19-21 year old care leaver with an activity on ${day}`);
      return share(current, (a) => a.ACTIV!.startsWith('G'));
    });
    assertBetween(shares.reduce((s, x) => s + x, 0) / shares.length, 0.32, 0.43, 'mean NEET share');
    const oc3 = YEARS.flatMap((y) => readCsv(dir, `${y}/oc3.csv`).rows);
    const inTouch = oc3.filter((o) => o.IN_TOUCH === 'YES');
    assertBetween(inTouch.length / oc3.length, 0.85, 0.95, 'in touch');
    assertBetween(share(inTouch, (o) => o.ACCOM!.endsWith('1')), 0.82, 0.94, 'suitable accommodation');
  });

  test('903: stock near 300, placement moves chain, more residential placements among children who go missing', () => {
    for (const y of YEARS.slice(0, 2)) {
      const yearEnd = `${y.slice(-4)}-03-31`;
      const episodes = readCsv(dir, `${y}/episodes.csv`).rows;
      const stock = new Set(episodes.filter((e) => !e.DEC || iso(e.DEC) > yearEnd).map((e) => e.CHILD));
      assertBetween(stock.size, 220, 380, `${y} looked after on 31 March`);
      assert.ok(episodes.some((e) => e.RNE === 'P' && e.REASON_PLACE_CHANGE), 'placement changes');
      assert.ok(episodes.some((e) => e.RNE === 'L'), 'legal status changes');
      assert.ok(episodes.some((e) => ['E11', 'E12'].includes(e.REC!)), 'adoptions');
      const residential = new Set(episodes.filter((e) => ['K1', 'K2', 'R1', 'S1'].includes(e.PLACE!)).map((e) => e.CHILD));
      const missing = new Set(readCsv(dir, `${y}/missing.csv`).rows.map((m) => m.CHILD));
      const all = new Set(episodes.map((e) => e.CHILD));
      const rate = (group: string[]) => group.filter((c) => missing.has(c)).length / group.length;
      const [res, other] = [[...all].filter((c) => residential.has(c)), [...all].filter((c) => !residential.has(c))] as string[][];
      assert.ok(rate(res!) > 2 * rate(other!), `${y}: missing from residential ${rate(res!)}, elsewhere ${rate(other!)}`);
    }
  });

  test('no event is dated after asOf', () => {
    assertDates(dir, filesUnder(dir), AS_OF);
  });

  test('every month of the three collection years has requests, plans, missing episodes and interviews', () => {
    const requests = readCsv(dir, 'sen2/ehcp_requests.csv').rows;
    const missingStarts = [...YEARS.flatMap((y) => readCsv(dir, `${y}/missing.csv`).rows), ...readCsv(dir, 'case_system/missing_from_home.csv').rows];
    const rhi = readCsv(dir, 'case_system/return_home_interviews.csv').rows;
    const series: [string, Set<string>][] = [
      ['requests received', monthsWith(requests.map((r) => r.ReceivedDate!))],
      ['plans issued', monthsWith(requests.map((r) => r.StartDate!))],
      ['decisions', monthsWith(requests.map((r) => r.RequestOutcomeDate!))],
      ['missing episodes', monthsWith(missingStarts.map((m) => m.MIS_START!))],
      ['interviews offered', monthsWith(rhi.map((r) => r.RHI_OFFERED!))],
    ];
    for (const [what, have] of series) {
      for (const m of months) assert.ok(have.has(m.start.slice(0, 7)), `${what}: none in ${m.label}`);
    }
  });
});
