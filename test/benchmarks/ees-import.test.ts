// Official benchmarks on the DfE's real file (test/fixtures/ees, Open Government Licence): the
// import, England, a chosen authority's value, rank and quartile (worked out here independently
// of the code under test), the published symbols, files with no mapping, statistical neighbours,
// and csinsight's own figure for the same calendar year.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { indicatorById } from '../../src/core/indicators/index.ts';
import { importFiles } from '../../src/importers/index.ts';
import { importNeighbours } from '../../src/importers/neighbours.ts';
import { benchmarksFor, setCouncilIdentity } from '../../src/store/benchmarks.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

const DIR = join(import.meta.dirname, '../fixtures/ees');
const EHCP = join(DIR, 'ehcp_timeliness_20_week.csv');
const NEIGHBOURS = join(DIR, 'statistical_neighbours_wide.csv');
/** The authority the tests stand in for: Warrington. */
const COUNCIL = { oldLaCode: '877', newLaCode: 'E06000007' };
/** A reporting period after calendar year 2024 ended: the benchmarks are for 2024. */
const AFTER_2024 = '2025-07-01';
const MEASURE = 'PC_plans_issued_20_weeks_ex';

type Row = Record<string, string>;
const published: Row[] = parse(readFileSync(EHCP), { bom: true, columns: true });
const all2024 = published.filter((r) => r.time_period === '2024' && r.breakdown === 'All EHC plans issued');
const excl = indicatorById('ehcp_20wk_excl')!;

let store: Store;
const benchmarks = async (periodEnd = AFTER_2024) => (await benchmarksFor(store, [excl], periodEnd)).get(excl.id)!;
const importEhcp = () => importFiles(store, [{ name: 'ehcp_timeliness_20_week.csv', path: EHCP }], { user: 'test' });

before(async () => {
  store = await openTestStore();
  const result = await importEhcp();
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors.slice(0, 3)));
  await importNeighbours(store, { name: 'statistical_neighbours_wide.csv', path: NEIGHBOURS }, 2024);
  await setCouncilIdentity(store, COUNCIL, 'test');
});
after(() => store?.close());

describe('the real EHC plan timeliness file', () => {
  test('England, the region and the neighbours for calendar year 2024, as published', async () => {
    const b = await benchmarks();
    const england = all2024.find((r) => r.geographic_level === 'National')!;
    const mine = all2024.find((r) => r.old_la_code === COUNCIL.oldLaCode)!;
    const region = all2024.find((r) => r.geographic_level === 'Regional' && r.region_code === mine.region_code)!;
    assert.deepEqual([b.source, b.period, b.periodKind], ['ees', 'calendar year 2024', 'calendar']);
    assert.equal(b.england, Number(england[MEASURE]));
    assert.equal(b.england, 46.4);
    assert.deepEqual([b.regionName, b.region], [region.region_name, Number(region[MEASURE])]);
    assert.deepEqual([b.council, b.published], ['Warrington', Number(mine[MEASURE])]);

    // The neighbours by name from the wide list (Warrington's names are spelt as in the EES file).
    const wide: string[][] = parse(readFileSync(NEIGHBOURS), { bom: true, relax_column_count: true });
    const column = wide[0]!.indexOf('Warrington');
    const names = wide.slice(1).map((r) => r[column]!).filter(Boolean);
    assert.equal(names.length, 10);
    const values = names.map((n) => Number(all2024.find((r) => r.la_name === n)![MEASURE]));
    assert.deepEqual(b.each.map((n) => n.name), names);
    assert.equal(b.neighbourCount, 10);
    assert.equal(b.neighbours, Math.round((values.reduce((a, v) => a + v, 0) / 10) * 1e4) / 1e4);
  });

  test("the council's rank among authorities with a value (1 = best, ties shared) and its quartile", async () => {
    const b = await benchmarks();
    const las = all2024.filter((r) => r.geographic_level === 'Local authority');
    const known = las.filter((r) => r[MEASURE] !== 'x').map((r) => Number(r[MEASURE]));
    const ours = Number(las.find((r) => r.old_la_code === COUNCIL.oldLaCode)![MEASURE]);
    // Higher is better: one more than the number of authorities strictly above.
    let rank = 1;
    for (const v of known) if (v > ours) rank += 1;
    const quartile = rank <= known.length / 4 ? 'A' : rank <= known.length / 2 ? 'B' : rank <= (3 * known.length) / 4 ? 'C' : 'D';
    assert.equal(las.length, 153);
    assert.equal(known.length, 150, "three authorities' figures are published as x");
    assert.deepEqual([b.rank, b.ranked, b.quartile], [rank, 150, quartile]);
  });

  test('an earlier reporting period is set against the last calendar year that had ended, never a later one', async () => {
    const b = await benchmarks('2025-01-01');
    assert.equal(b.period, 'calendar year 2024');
    const before = await benchmarks('2024-10-01');
    assert.equal(before.period, 'calendar year 2023');
  });

  test('every published symbol is kept as a symbol with no value; none becomes 0', async () => {
    const stored = await store.db.selectFrom('ees_figure').select(['value', 'symbol']).where('symbol', 'is not', null).execute();
    assert.ok(stored.length > 0);
    assert.ok(stored.every((s) => s.value === null && s.symbol === 'x'));
    // A published 0 is stored as 0, and only those: one stored figure per '0' cell of the two measures.
    const zeros = published
      .filter((r) => r.breakdown === 'All EHC plans issued')
      .reduce((n, r) => n + [MEASURE, 'pc_plans_issued_within_20_weeks'].filter((c) => r[c] === '0').length, 0);
    assert.equal((await store.db.selectFrom('ees_figure').select('value').where('value', '=', 0).execute()).length, zeros);
  });
});

/** The real header with one row per symbol, each in the excluding-exceptions measure. */
function symbolFile(): string {
  const header = readFileSync(EHCP, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
  const columns = header.split(',');
  const template = all2024.find((r) => r.geographic_level === 'Local authority')!;
  const rows = ['c', 'x', 'z', 'low', ':'].map((symbol, i) => {
    const r: Row = { ...template, time_period: '2030', new_la_code: `E0600099${i}`, old_la_code: `99${i}`, la_name: `Test authority ${i}`, [MEASURE]: symbol };
    return columns.map((c) => r[c]).join(',');
  });
  const england: Row = { ...all2024.find((r) => r.geographic_level === 'National')!, time_period: '2030' };
  return [header, columns.map((c) => england[c]).join(','), ...rows].join('\n');
}

describe('published symbols and files with no mapping', () => {
  test('c, x, z, low and : keep their meaning and are never stored or ranked as 0', async () => {
    const result = await importFiles(store, [{ name: 'symbols.csv', content: symbolFile() }], { user: 'test' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
    const rows = await store.db.selectFrom('ees_figure').select(['area_name', 'value', 'symbol']).where('time_period', '=', 2030)
      .where('indicator_id', '=', 'ehcp_20wk_excl').where('geographic_level', '=', 'Local authority').orderBy('area_name').execute();
    assert.deepEqual(rows.map((r) => [r.value, r.symbol]), [[null, 'c'], [null, 'x'], [null, 'z'], [null, 'low'], [null, ':']]);
    await setCouncilIdentity(store, { oldLaCode: '990', newLaCode: 'E06000990' }, 'test');
    try {
      const b = await benchmarks('2031-04-01');
      assert.equal(b.period, 'calendar year 2030');
      assert.deepEqual([b.published, b.rank, b.ranked, b.quartile], [null, null, null, null]);
      assert.equal(b.reasons.published, 'not published (c: suppressed to protect confidentiality)');
      assert.match(b.reasons.rank ?? '', /suppressed/);
    } finally {
      await setCouncilIdentity(store, COUNCIL, 'test');
      await store.db.deleteFrom('ees_figure').where('time_period', '=', 2030).execute();
    }
  });

  test('a file with no mapping is refused, naming its columns, and nothing is imported', async () => {
    const before = await store.db.selectFrom('ees_figure').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const content = [
      'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,school_type,pupils,pc_pupils',
      '2024,Academic year,National,E92000001,England,,,,,,All,100,50',
    ].join('\n');
    const result = await importFiles(store, [{ name: 'pupils.csv', content }], { user: 'test' });
    assert.equal(result.status, 'rejected');
    assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.rule, e.message]), [
      ['pupils.csv', 1, 'header', 'pupils.csv: no mapping for these columns: school_type, pupils, pc_pupils.'],
    ]);
    const after = await store.db.selectFrom('ees_figure').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('a mapped file whose rows are none the mapping reads is refused, not imported as nothing', async () => {
    const content = readFileSync(EHCP, 'utf8').split(/\r?\n/).filter((l, i) => i === 0 || l.includes(',Sex,'));
    const result = await importFiles(store, [{ name: 'by-sex.csv', content: content.join('\n') }], { user: 'test' });
    assert.equal(result.status, 'rejected');
    assert.deepEqual(result.errors.map((e) => [e.file, e.rule]), [['by-sex.csv', 'ees-no-figures']]);
  });

  test('a cell that is neither a number nor a symbol is an error naming file, row and column', async () => {
    const lines = symbolFile().split('\n');
    lines[2] = lines[2]!.replace(',c,', ',n/a,');
    const result = await importFiles(store, [{ name: 'bad.csv', content: lines.join('\n') }], { user: 'test' });
    assert.equal(result.status, 'rejected');
    assert.deepEqual(result.errors.map((e) => [e.file, e.row, e.field, e.rule]), [['bad.csv', 3, MEASURE, 'ees-value']]);
    assert.match(result.errors[0]!.message, /"n\/a" is neither a number nor one of the published symbols/);
  });
});

describe('statistical neighbours and the council', () => {
  test('the wide list maps every name to a code (St. Helens, Bristol, City of, Durham, Bedford Borough ...)', async () => {
    const n = await store.db.selectFrom('statistical_neighbour').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', 2024).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1530);
    const durham = await store.db.selectFrom('statistical_neighbour').select('neighbour_code').where('year', '=', 2024)
      .where('neighbour_code', 'in', ['E06000047', 'E06000055']).execute();
    assert.ok(durham.length > 0, 'County Durham and Bedford are found under their other spellings');
  });

  test('a name that matches no authority is reported, not dropped, and the year is left as it was', async () => {
    const content = 'Warrington,Nowhere Borough\nTrafford,Trafford\nAtlantis,Halton\n';
    await assert.rejects(importNeighbours(store, { name: 'sn.csv', content }, 2024), /2 names match no authority.*row 3, column 1: Atlantis; column 2: Nowhere Borough/);
    const n = await store.db.selectFrom('statistical_neighbour').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', 2024).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1530);
  });

  test('the long form takes old or new codes and keeps each year apart', async () => {
    const content = 'la_code,neighbour_code,rank\n877,E08000009,1\nE06000007,358,2\n';
    await assert.rejects(importNeighbours(store, { name: 'long.csv', content }, 2023), /listed twice/);
    await importNeighbours(store, { name: 'long.csv', content: 'la_code,neighbour_code,rank\n877,E08000009,1\nE06000007,E06000006,2\n' }, 2023);
    const rows = await store.db.selectFrom('statistical_neighbour').select(['la_code', 'neighbour_code', 'rank']).where('year', '=', 2023).orderBy('rank').execute();
    assert.deepEqual(rows, [
      { la_code: 'E06000007', neighbour_code: 'E08000009', rank: 1 },
      { la_code: 'E06000007', neighbour_code: 'E06000006', rank: 2 },
    ]);
    // Calendar year 2023 is compared with the 2023 list, 2024 with the 2024 list.
    assert.equal((await benchmarks('2024-07-01')).neighbourCount, 2);
    assert.equal((await benchmarks()).neighbourCount, 10);
    await store.db.deleteFrom('statistical_neighbour').where('year', '=', 2023).execute();
  });

  test("the council's codes must be one authority in the published figures", async () => {
    await assert.rejects(setCouncilIdentity(store, { oldLaCode: '877', newLaCode: 'E08000009' }, 'test'), /not the same authority in the published figures: Trafford \(358, E08000009\); Warrington \(877, E06000007\)/);
    await assert.rejects(setCouncilIdentity(store, { oldLaCode: '87', newLaCode: 'E06000007' }, 'test'), /not an old LA code/);
  });
});

describe("csinsight's own figure for the published calendar year", () => {
  test('added up from the four quarters of 2024, beside the published one, with the difference explained', async () => {
    const quarters = [['2024-01-01', 10, 20], ['2024-04-01', 12, 20], ['2024-07-01', 8, 20], ['2024-10-01', 15, 20]] as const;
    await store.db.insertInto('indicator_value')
      .values(quarters.map(([start, num, den]) => ({ indicator_id: 'ehcp_20wk_excl', period_type: 'quarter', period_start: start, period_end: start, numerator: num, denominator: den, value: (100 * num) / den, rag: null })))
      .execute();
    try {
      const b = await benchmarks();
      assert.equal(b.ours, (100 * 45) / 80);
      assert.notEqual(b.ours, b.published);
      assert.match(b.difference ?? '', /The DfE published \d+\.\d \(\d+ of \d+\) for calendar year 2024 .* csinsight computes 56\.3 \(45 of 80\) .* They count different records/);
      await store.db.deleteFrom('indicator_value').where('period_start', '=', '2024-10-01').execute();
      const partial = await benchmarks();
      assert.equal(partial.ours, null);
      assert.equal(partial.reasons.ours, "the council's data do not cover the whole of calendar year 2024");
    } finally {
      await store.db.deleteFrom('indicator_value').where('indicator_id', '=', 'ehcp_20wk_excl').execute();
    }
  });
});
