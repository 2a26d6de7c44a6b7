// The synthetic workforce at LA scale: every team has a return for every month of the window, the
// service's rates sit near England's, the disabled children's team loses staff in the churn months,
// and the social care advice it gives for EHC needs assessments is slower in those months. The
// small-scale files import without an error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonths, daysBetween, toEpochDay } from '../../src/core/dates.ts';
import { generate } from '../../src/generate/index.ts';
import { churnWindow, WORKFORCE_FILE } from '../../src/generate/workforce.ts';
import { importFiles } from '../../src/importers/index.ts';
import { openTestStore } from '../helpers.ts';
import { iso, readCsv, type Row } from './helpers.ts';

const AS_OF = '2026-11-25';
const root = mkdtempSync(join(tmpdir(), 'csinsight-workforce-'));
let rows: Row[];

before(async () => {
  await generate({ scale: 'la', seed: 5, outDir: join(root, 'la'), asOf: AS_OF });
  await generate({ scale: 'small', seed: 5, outDir: join(root, 'small'), asOf: AS_OF });
  rows = readCsv(join(root, 'la'), WORKFORCE_FILE).rows;
});
after(() => rmSync(root, { recursive: true, force: true }));

const n = (r: Row, k: string) => Number(r[k]);
const sum = (rs: Row[], k: string) => rs.reduce((s, r) => s + n(r, k), 0);
const inRange = (v: number, lo: number, hi: number, what: string) => assert.ok(v >= lo && v <= hi, `${what}: ${v.toFixed(2)} not in [${lo}, ${hi}]`);

describe('generated workforce (LA scale)', () => {
  test('nine teams, each with a return for every month from April 2024 to the month of asOf', () => {
    const teams = new Set(rows.map((r) => r.Team));
    assert.equal(teams.size, 9);
    const months = new Set(rows.map((r) => r.Month));
    assert.equal(months.size, 32, 'April 2024 to November 2026');
    assert.equal(rows.length, teams.size * months.size);
    assert.ok([...months].every((m) => /^\d{4}-\d{2}$/.test(m!) && m! <= AS_OF.slice(0, 7)));
  });

  test('the service looks like a council: about 80-90 FTE, vacancies, agency use, turnover and caseloads near England', () => {
    const latest = rows.filter((r) => r.Month === '2026-11');
    const employed = sum(latest, 'EmployedFTE');
    inRange(employed, 70, 100, 'FTE in post');
    inRange(sum(latest, 'AgencyFTE') / (sum(latest, 'AgencyFTE') + employed), 0.08, 0.3, 'agency rate');
    inRange(sum(latest, 'VacantFTE') / (sum(latest, 'VacantFTE') + employed), 0.1, 0.3, 'vacancy rate');
    inRange(sum(latest, 'Cases') / sum(latest, 'CaseHoldingFTE'), 12, 19, 'caseload');
    inRange(sum(latest, 'TrainingCompleted') / sum(latest, 'TrainingRequired'), 0.75, 0.98, 'training');
    const lastYear = rows.filter((r) => r.Month! > '2025-11');
    inRange(sum(lastYear, 'LeaversFTE') / employed, 0.1, 0.35, 'turnover in the last 12 months (with the churn)');
  });

  test('the disabled children\'s team loses staff in the churn months and covers with agency workers', () => {
    const { from, to } = churnWindow(toEpochDay(AS_OF));
    const team = rows.filter((r) => r.Team === 'Disabled children');
    const month = (r: Row) => toEpochDay(`${r.Month}-01`);
    const during = team.filter((r) => month(r) >= from && month(r) < to);
    const before = team.filter((r) => month(r) < from);
    assert.equal(during.length, 4);
    assert.ok(sum(during, 'LeaversFTE') >= 3, `leavers in the churn months: ${sum(during, 'LeaversFTE')}`);
    assert.ok(sum(during, 'LeaversFTE') / 4 > (3 * sum(before, 'LeaversFTE')) / before.length, 'leaving is at least three times as fast');
    const agencyShare = (rs: Row[]) => sum(rs, 'AgencyFTE') / (sum(rs, 'AgencyFTE') + sum(rs, 'EmployedFTE'));
    assert.ok(agencyShare(during) > agencyShare(before), 'more agency cover during the churn');
    assert.equal(addMonths(AS_OF.slice(0, 8) + '01', -8), new Date(from * 86_400_000).toISOString().slice(0, 10));
  });

  test('social care advice asked for in the churn months takes longer than at other times', () => {
    const { from, to } = churnWindow(toEpochDay(AS_OF));
    const advice = readCsv(join(root, 'la'), 'sen2/ehcp_advice.csv').rows.filter((a) => a.Partner === 'social_care' && a.ReceivedDate);
    const days = (a: Row) => daysBetween(iso(a.RequestedDate), iso(a.ReceivedDate));
    const asked = (a: Row) => toEpochDay(iso(a.RequestedDate));
    const mean = (as: Row[]) => as.reduce((s, a) => s + days(a), 0) / as.length;
    const during = advice.filter((a) => asked(a) >= from && asked(a) < to);
    const earlier = advice.filter((a) => asked(a) < from);
    assert.ok(during.length >= 20 && earlier.length >= 200);
    assert.ok(mean(during) > mean(earlier) + 15, `${mean(during).toFixed(1)} days in the churn months, ${mean(earlier).toFixed(1)} before`);
  });

  test('the small-scale file imports without an error', async () => {
    const store = await openTestStore();
    try {
      const result = await importFiles(store, [{ name: WORKFORCE_FILE, path: join(root, 'small', WORKFORCE_FILE) }], { user: 'test' });
      assert.deepEqual(result.errors, []);
      const stored = await store.db.selectFrom('workforce_month').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(stored.n), readCsv(join(root, 'small'), WORKFORCE_FILE).rows.length);
    } finally {
      await store.close();
    }
  });
});
