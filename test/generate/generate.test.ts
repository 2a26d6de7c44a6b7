import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate, type GenerateResult } from '../../src/generate/index.ts';
import { upnCheckLetter } from '../../src/generate/upn.ts';
import { allFilesUnder, assertDates, filesUnder, iso, readCsv, type Row } from './helpers.ts';

const AS_OF = '2026-11-25';
const root = mkdtempSync(join(tmpdir(), 'csinsight-generate-'));
const dirA = join(root, 'a');
let result: GenerateResult;

before(async () => {
  result = await generate({ scale: 'small', seed: 1, outDir: dirA, asOf: AS_OF });
});
after(() => rmSync(root, { recursive: true, force: true }));

const YEARS = ['ssda903_2025', 'ssda903_2026', 'ssda903_2027'];
const TABLE_FILES: Record<string, string> = {
  Header: 'header.csv', Episodes: 'episodes.csv', Missing: 'missing.csv', OC3: 'oc3.csv', PlacedAdoption: 'placed_for_adoption.csv', PrevPerm: 'previous_permanence.csv',
};
const SECTION_FILES: Record<string, string> = {
  'Return home interviews': 'case_system/return_home_interviews.csv',
  'Missing from home': 'case_system/missing_from_home.csv',
  'Care leaver activity periods': 'case_system/leaver_activity.csv',
  'EHCP requests': 'sen2/ehcp_requests.csv',
  'EHCP advice': 'sen2/ehcp_advice.csv',
  'Strategy priorities and actions': 'strategy/actions.csv',
  'Strategy action history': 'strategy/action_history.csv',
  'Committee actions': 'strategy/committee_actions.csv',
  Benchmarks: 'benchmarks.csv',
  'CIN census referrals': 'cin_census/referrals.csv',
  'CIN census assessments': 'cin_census/assessments.csv',
  'Child population': 'cin_census/population.csv',
  'Early help episodes': 'case_system/early_help_episodes.csv',
  'Voice of the child feedback': 'voice/feedback.csv',
  'Social care workforce': 'workforce/social_workers.csv',
  'Elective home education register': 'education/elective_home_education.csv',
};

/** File (relative to the output folder) -> header columns, read from docs/formats.md itself. */
function documentedHeaders(): Map<string, string[]> {
  const doc = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
  const out = new Map<string, string[]>();
  const split = (s: string) => s.split(',').map((c) => c.trim()).filter(Boolean);
  for (const m of doc.matchAll(new RegExp(`^\\| (${Object.keys(TABLE_FILES).join('|')}) \\| ([^|]+) \\|`, 'gm'))) {
    for (const y of YEARS) out.set(`${y}/${TABLE_FILES[m[1]!]}`, split(m[2]!));
  }
  for (const m of doc.matchAll(/^### ([^\n(]+?)\s*(?:\([^\n]*\))?\n`([^`]+)`/gm)) {
    const file = SECTION_FILES[m[1]!];
    assert.ok(file, `formats.md section "${m[1]}" has no generated file`);
    out.set(file, split(m[2]!.replace(/\n/g, ' ')));
  }
  return out;
}

/** Every sheet's name and cell values, in order. */
async function workbookCells(path: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]);
}

describe('generate (small scale)', () => {
  test('the same seed writes byte-identical files and a different seed different ones', async () => {
    const again = await generate({ scale: 'small', seed: 1, outDir: join(root, 'again'), asOf: AS_OF });
    const other = await generate({ scale: 'small', seed: 2, outDir: join(root, 'other'), asOf: AS_OF });
    const files = allFilesUnder(dirA);
    assert.deepEqual(allFilesUnder(join(root, 'again')), files);
    assert.deepEqual(again.counts, result.counts);
    // A workbook's zip carries the time it was written, so workbooks are compared cell by cell.
    const same = async (a: string, b: string) =>
      a.endsWith('.xlsx') ? JSON.stringify(await workbookCells(a)) === JSON.stringify(await workbookCells(b)) : readFileSync(a).equals(readFileSync(b));
    for (const f of files) assert.ok(await same(join(dirA, f), join(root, 'again', f)), `${f} differs`);
    const differing: string[] = [];
    for (const f of files) if (!(await same(join(dirA, f), join(root, 'other', f)))) differing.push(f);
    // Fixed lists (strategy titles) may coincide; the generated tables must not.
    for (const f of ['ssda903_2026/episodes.csv', 'sen2/ehcp_requests.csv', 'case_system/missing_from_home.csv', 'cin_census_xml/cin_census_2026.xml', 'annex_a/annex_a.xlsx']) {
      assert.ok(differing.includes(f), `${f} is the same for seeds 1 and 2`);
    }
    assert.ok(other.counts['sen2/ehcp_requests.csv']! > 0);
  });

  test('writes exactly the documented files, each with the header row of docs/formats.md', () => {
    const documented = documentedHeaders();
    assert.deepEqual(filesUnder(dirA), [...documented.keys()].sort());
    // Beside them, the CIN census as XML for each census year of the window, and the SEN2 return
    // in preparation, and the workforce census of each 30 September (docs/formats.md), and the
    // Ofsted Annex A workbook.
    const xml = ['annex_a/annex_a.xlsx', 'cin_census_xml/cin_census_2025.xml', 'cin_census_xml/cin_census_2026.xml', 'cin_census_xml/cin_census_2027.xml',
      'csww_xml/csww_2024.xml', 'csww_xml/csww_2025.xml', 'csww_xml/csww_2026.xml', 'sen2_xml/sen2_2027.xml'];
    assert.deepEqual(allFilesUnder(dirA).filter((f) => !f.endsWith('.csv')), xml);
    assert.deepEqual(result.files.map((f) => relative(dirA, f).split('\\').join('/')).sort(), [...documented.keys(), ...xml].sort());
    for (const [file, columns] of documented) {
      assert.deepEqual(readCsv(dirA, file).header, columns, file);
      assert.ok((result.counts[file] ?? 0) > 0, `${file} has no rows`);
      assert.equal(readCsv(dirA, file).rows.length, result.counts[file], `${file} row count`);
    }
  });

  test('every date is a real DD/MM/YYYY date, and none (but due dates) is after asOf', () => {
    assertDates(dirA, filesUnder(dirA), AS_OF);
  });

  test('each return is self-consistent: children in Header, episode chains, missing episodes', () => {
    for (const y of YEARS) {
      const header = readCsv(dirA, `${y}/header.csv`).rows;
      const children = new Map(header.map((h) => [h.CHILD!, h]));
      assert.equal(children.size, header.length, `${y}: a CHILD twice in Header`);
      const year = Number(y.slice(-4));
      const [start, end] = [`${year - 1}-04-01`, `${year}-03-31`];
      const episodes = readCsv(dirA, `${y}/episodes.csv`).rows;
      const byChild = new Map<string, Row[]>();
      for (const e of episodes) {
        assert.ok(children.has(e.CHILD!), `${y}: episode of ${e.CHILD} not in Header`);
        assert.ok(iso(e.DECOM) >= iso(children.get(e.CHILD!)!.DOB), `${y}: episode before birth`);
        assert.ok(iso(e.DECOM) <= end && (!e.DEC || iso(e.DEC) >= start), `${y}: episode outside the year`);
        assert.ok(!e.DEC || iso(e.DEC) >= iso(e.DECOM), `${y}: DEC before DECOM for ${e.CHILD}`);
        assert.equal(Boolean(e.DEC), Boolean(e.REC), `${y}: DEC and REC must both be coded or both blank`);
        byChild.set(e.CHILD!, [...(byChild.get(e.CHILD!) ?? []), e]);
      }
      for (const [child, eps] of byChild) {
        eps.sort((a, b) => iso(a.DECOM).localeCompare(iso(b.DECOM)));
        eps.forEach((e, i) => {
          const next = eps[i + 1];
          if (e.REC === 'X1') assert.equal(next?.DECOM, e.DEC, `${y}: ${child} X1 without a continuation episode`);
          else if (next) assert.ok(e.DEC && iso(next.DECOM) > iso(e.DEC), `${y}: ${child} episode follows an open or same-day end`);
        });
      }
      const missing = readCsv(dirA, `${y}/missing.csv`).rows;
      for (const m of missing) {
        assert.ok(children.has(m.CHILD!), `${y}: missing episode of ${m.CHILD} not in Header`);
        assert.equal(m.DOB, children.get(m.CHILD!)!.DOB);
        assert.ok(iso(m.MIS_START) >= start && iso(m.MIS_START) <= end, `${y}: missing episode starts outside the year`);
        assert.ok(!m.MIS_END || (iso(m.MIS_END) >= iso(m.MIS_START) && iso(m.MIS_END) <= end), `${y}: MIS_END out of order`);
        assert.ok(byChild.has(m.CHILD!), `${y}: ${m.CHILD} went missing from care but has no episode`);
      }
      for (const o of readCsv(dirA, `${y}/oc3.csv`).rows) {
        assert.ok(children.has(o.CHILD!), `${y}: OC3 of ${o.CHILD} not in Header`);
        const age = year - 1 - Number(iso(o.DOB).slice(0, 4));
        assert.ok(age >= 16 && age <= 21, `${y}: OC3 for ${o.CHILD}, who was not 17 to 21 in the year`);
        if (o.IN_TOUCH === 'YES') assert.ok(o.ACTIV !== '0' && o.ACCOM !== '0', 'rule 345');
        else assert.deepEqual([o.ACTIV, o.ACCOM], ['0', '0']);
      }
    }
  });

  test('case-system and SEN2 rows point at records that exist', () => {
    const everyHeader = new Set(YEARS.flatMap((y) => readCsv(dirA, `${y}/header.csv`).rows.map((h) => h.CHILD!)));
    const episodes = new Map<string, string>();
    for (const y of YEARS) for (const m of readCsv(dirA, `${y}/missing.csv`).rows) episodes.set(`${m.CHILD}|${m.MIS_START}`, m.MIS_END!);
    for (const m of readCsv(dirA, 'case_system/missing_from_home.csv').rows) {
      assert.ok(!everyHeader.has(m.CHILD!), 'a child missing from home is also looked after');
      episodes.set(`${m.CHILD}|${m.MIS_START}`, m.MIS_END!);
    }
    const interviews = readCsv(dirA, 'case_system/return_home_interviews.csv').rows;
    assert.equal(interviews.length, episodes.size, 'one interview row per missing episode');
    for (const r of interviews) {
      const end = episodes.get(`${r.CHILD}|${r.MIS_START}`);
      assert.ok(end !== undefined, `interview for ${r.CHILD} ${r.MIS_START} has no missing episode`);
      for (const d of [r.RHI_OFFERED, r.RHI_COMPLETED, r.RHI_DECLINED]) assert.ok(!d || (end && iso(d) >= iso(end)), 'RHI before return');
      assert.match(r.START_TIME!, /^([01]\d|2[0-3]):[0-5]\d$/);
    }

    const periods = new Map<string, Row[]>();
    for (const a of readCsv(dirA, 'case_system/leaver_activity.csv').rows) {
      assert.ok(everyHeader.has(a.CHILD!), `activity of ${a.CHILD} not in any Header`);
      periods.set(a.CHILD!, [...(periods.get(a.CHILD!) ?? []), a]);
    }
    for (const [child, ps] of periods) {
      ps.forEach((p, i) => {
        const next = ps[i + 1];
        if (p.END) assert.ok(iso(p.END) >= iso(p.START), `${child}: activity ends before it starts`);
        if (next) assert.ok(p.END && iso(p.END) < iso(next.START), `${child}: activity periods overlap`);
      });
    }

    const requests = new Map(readCsv(dirA, 'sen2/ehcp_requests.csv').rows.map((r) => [r.RequestID!, r]));
    for (const r of requests.values()) {
      if (r.RequestOutcome !== 'A') assert.ok(r.RequestOutcomeDate, `${r.RequestID}: decision without a date`);
      if (r.RequestOutcomeDate) assert.ok(iso(r.RequestOutcomeDate) >= iso(r.ReceivedDate));
      if (r.AssessmentOutcome) assert.equal(r.RequestOutcome, 'Y');
      if (r.StartDate) assert.ok(r.AssessmentOutcome === 'Y' && iso(r.StartDate) >= iso(r.ReceivedDate));
      if (r.DraftPlanDate && r.StartDate) assert.ok(iso(r.DraftPlanDate) <= iso(r.StartDate));
      if (r.ExceptionReason) assert.equal(r.Week20, 'Y');
    }
    for (const a of readCsv(dirA, 'sen2/ehcp_advice.csv').rows) {
      const r = requests.get(a.RequestID!);
      assert.ok(r, `advice for unknown request ${a.RequestID}`);
      assert.equal(r.RequestOutcome, 'Y');
      assert.ok(!a.ReceivedDate || iso(a.ReceivedDate) >= iso(a.RequestedDate));
    }
  });

  test('UPNs carry a valid check letter, are unique in a return, or are a UN code', () => {
    for (const y of YEARS) {
      const upns = readCsv(dirA, `${y}/header.csv`).rows.map((h) => h.UPN!);
      for (const upn of upns) {
        if (/^UN[1-5]$/.test(upn)) continue;
        assert.match(upn, /^[A-HJ-NP-RT-Z]\d{12}$/);
        assert.equal(upn[0], upnCheckLetter(upn.slice(1)), upn);
      }
      const real = upns.filter((u) => !u.startsWith('UN'));
      assert.equal(new Set(real).size, real.length, `${y}: duplicate UPN`);
    }
  });

  test('small scale still exercises every path the dashboards and trackers show', () => {
    const requests = readCsv(dirA, 'sen2/ehcp_requests.csv').rows;
    const outcomes = new Set(requests.map((r) => r.RequestOutcome));
    for (const o of ['Y', 'N', 'A']) assert.ok(outcomes.has(o), `no request with outcome ${o}`);
    assert.ok(requests.some((r) => r.Week20 === 'Y' && r.ExceptionReason), 'no 20-week exception');
    assert.ok(requests.some((r) => r.StartDate && r.DraftPlanDate), 'no issued plan');
    const open = requests.filter((r) => ['A', 'Y'].includes(r.RequestOutcome!) && !r.StartDate && ['', 'A'].includes(r.AssessmentOutcome!));
    const days = (r: Row) => (Date.parse(AS_OF) - Date.parse(iso(r.ReceivedDate))) / 86_400_000;
    assert.ok(open.some((r) => days(r) > 140), 'no open request past 20 weeks');
    assert.ok(open.some((r) => days(r) <= 140 && r.RequestOutcome === 'Y'), 'no open request inside 20 weeks');
    const advice = readCsv(dirA, 'sen2/ehcp_advice.csv').rows;
    assert.ok(advice.some((a) => !a.ReceivedDate), 'no outstanding advice');

    const interviews = readCsv(dirA, 'case_system/return_home_interviews.csv').rows;
    assert.ok(interviews.some((r) => r.RHI_COMPLETED) && interviews.some((r) => r.RHI_DECLINED), 'no completed or declined interview');
    const perChild = new Map<string, number>();
    for (const y of YEARS) for (const m of readCsv(dirA, `${y}/missing.csv`).rows) perChild.set(m.CHILD!, (perChild.get(m.CHILD!) ?? 0) + 1);
    assert.ok([...perChild.values()].some((n) => n >= 3), 'no looked-after child missing repeatedly');

    const activity = readCsv(dirA, 'case_system/leaver_activity.csv').rows;
    const long = activity.filter((a) => a.ACTIV!.startsWith('G') && a.END && Date.parse(iso(a.END)) - Date.parse(iso(a.START)) > 365 * 86_400_000);
    assert.ok(long.length > 0, 'no NEET spell over 12 months');
    assert.ok(activity.some((a) => !a.END), 'no continuing activity');
  });
});
