// Snapshot sources over date ranges expand each range row to the periods whose reference date it
// covers (periodsWithin) rather than joining every period to every row. This checks, on generated
// data full of edge cases (ranges starting or ending on a period's last day or on the as-of date,
// open ranges, overlapping episodes and registrations, assessments overdue from the day after their due
// date, 29 February birthdays at 17 and 22), that they give exactly
// what the plain range joins they replaced give, for every period type and several as-of dates.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, type IsoDate } from '../../src/core/dates.ts';
import { indicatorById, type IndicatorDefinition } from '../../src/core/indicators/index.ts';
import { POPULATION } from '../../src/core/indicators/frontDoor.ts';
import { NEET_IN, NEET_SPELLS } from '../../src/core/indicators/sql.ts';
import { PERIOD_TYPES, periodOf } from '../../src/core/periods.ts';
import { runIndicator, windowStart } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import { openTestStore } from '../helpers.ts';

function ON_REGISTER(num: string): string {
  return `SELECT p.period_start, e.child_id AS unit_id, (${num})::int AS num, 1 AS den, NULL::float AS val
    FROM periods p JOIN ehe_registration e ON e.start_date <= p.ref_date AND (e.end_date IS NULL OR e.end_date > p.ref_date)`;
}
const AGE = `extract(year FROM age(p.ref_date::timestamp, c.dob::timestamp))::int BETWEEN 17 AND 21`;
/** The row sources as they were written before, as range joins from `periods p`. */
const RANGE_JOINS: Record<string, string> = {
  looked_after_children: `SELECT p.period_start, e.child_id AS unit_id, 1 AS num, 1 AS den, NULL::float AS val
    FROM periods p JOIN la_episode e ON e.decom <= p.ref_date AND (e.dec IS NULL OR e.dec > p.ref_date)
    JOIN child c ON c.child_id = e.child_id WHERE e.ls NOT IN ('V3', 'V4')`,
  care_leavers_neet: `SELECT p.period_start, a.child_id AS unit_id, (a.activ IN ${NEET_IN})::int AS num, 1 AS den, NULL::float AS val
    FROM periods p JOIN leaver_activity a ON a.start_date <= p.ref_date AND (a.end_date IS NULL OR a.end_date >= p.ref_date)
    JOIN child c ON c.child_id = a.child_id WHERE ${AGE}`,
  neet_spell_median_days: `SELECT p.period_start, a.child_id AS unit_id, NULL::int AS num, NULL::int AS den,
      (p.ref_date - a.spell_start)::float AS val
    FROM periods p JOIN ${NEET_SPELLS} a ON a.spell_start <= p.ref_date AND (a.spell_end IS NULL OR a.spell_end >= p.ref_date)
    JOIN child c ON c.child_id = a.child_id WHERE ${AGE}`,
  repeat_missing_children: `SELECT p.period_start, w.child_id AS unit_id, 1 AS num, 1 AS den, NULL::float AS val
    FROM (SELECT child_id, mis_start, (lag(mis_start, 2) OVER (PARTITION BY child_id ORDER BY mis_start) + interval '12 months')::date AS until
            FROM missing_episode) w
    JOIN periods p ON w.mis_start <= p.ref_date AND w.until > p.ref_date
    JOIN child c ON c.child_id = w.child_id`,
  early_help_children: `SELECT p.period_start, e.child_id AS unit_id, 1 AS num, 1 AS den, NULL::float AS val
    FROM periods p JOIN early_help_episode e ON e.start_date <= p.ref_date AND (e.end_date IS NULL OR e.end_date > p.ref_date)`,
  ehe_children: ON_REGISTER('1'),
  ehe_engaged: ON_REGISTER('e.engaged'),
  ehe_social_care: ON_REGISTER(`e.social_care <> 'NONE'`),
  assessments_overdue: `SELECT p.period_start, a.la_child_id || '|' || a.start_date AS unit_id, 1 AS num, 1 AS den, NULL::float AS val
    FROM periods p
    JOIN cin_assessment a ON a.due_date < p.ref_date AND (a.authorisation_date IS NULL OR a.authorisation_date > p.ref_date)
    JOIN cin_referral r ON r.la_child_id = a.la_child_id AND r.referral_date = a.referral_date`,
  children_in_need_per_10k: `SELECT p.period_start, r.la_child_id AS unit_id, 10000 AS num, 0 AS den, NULL::float AS val
      FROM periods p JOIN cin_referral r ON r.referral_date <= p.ref_date AND (r.closure_date IS NULL OR r.closure_date > p.ref_date)
     WHERE NOT r.referral_nfa
    UNION ALL
    SELECT p.period_start, 'population', 0, ${POPULATION}, NULL::float FROM periods p
     WHERE EXISTS (SELECT 1 FROM cin_referral r WHERE r.referral_date <= p.ref_date AND (r.closure_date IS NULL OR r.closure_date > p.ref_date))`,
};

/** A small deterministic generator (the same data on every run). */
function generator(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

// Dates the figures turn on: month, quarter and year ends, and the as-of dates, with a day either side.
const AS_OFS: IsoDate[] = ['2025-06-30', '2025-06-17', '2025-03-31'];
const PIVOTS = ['2024-02-29', '2024-03-31', '2024-06-30', '2024-12-31', '2025-01-31', '2025-03-31', '2025-05-31', '2025-06-17', '2025-06-30', '2021-04-30']
  .flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]);

function data() {
  const g = generator(20261126);
  const date = () => (g.int(3) === 0 ? g.pick(PIVOTS) : addDays('2020-01-01', g.int(2200)));
  const span = () => {
    const start = date();
    const end = g.int(5) === 0 ? null : g.int(2) === 0 ? g.pick(PIVOTS.filter((d) => d >= start)) ?? null : addDays(start, g.int(900));
    return [start, end] as const;
  };
  const children: NewRow<'child'>[] = [];
  const episodes: NewRow<'la_episode'>[] = [];
  const activities: NewRow<'leaver_activity'>[] = [];
  const missing: NewRow<'missing_episode'>[] = [];
  const earlyHelp: NewRow<'early_help_episode'>[] = [];
  const register: NewRow<'ehe_registration'>[] = [];
  const referrals: NewRow<'cin_referral'>[] = [];
  const assessments: NewRow<'cin_assessment'>[] = [];
  const onOrAfter = (start: string) => (g.int(2) === 0 ? g.pick(PIVOTS.filter((d) => d >= start)) ?? null : addDays(start, g.int(400)));
  for (let i = 0; i < 120; i++) {
    const id = `C${i}`;
    // Birthdays that make 17 and 22 fall on the dates that matter, 29 February among them.
    const dob = g.int(3) === 0 ? g.pick(['2004-02-29', '2008-02-29', '2003-06-30', '2008-06-17', '2003-07-01']) : addDays('2001-01-01', g.int(3000));
    children.push({ child_id: id, sex: 1 + g.int(2), dob, ethnic: 'WBRI' });
    const starts = new Set<string>();
    for (let k = g.int(4); k > 0; k--) {
      const [decom, dec] = span();
      if (starts.has(decom)) continue;
      starts.add(decom);
      episodes.push({ child_id: id, decom, dec, rne: 'S', ls: g.pick(['C2', 'V3', 'J1', 'V4', 'E1']), cin: 'N1', place: 'U1' });
    }
    // Activities one after another, sometimes the next day (a NEET spell continuing), sometimes with gaps.
    let start = date();
    for (let k = g.int(5); k > 0; k--) {
      const end = g.int(5) === 0 ? null : addDays(start, g.int(400));
      activities.push({ child_id: id, start_date: start, end_date: end, activ: g.pick(['G4', 'G5', 'G6', 'F1', 'G1']) });
      if (end === null) break;
      start = addDays(end, 1 + (g.int(2) === 0 ? 0 : g.int(60)));
    }
    const missingStarts = new Set<string>();
    for (let k = g.int(6); k > 0; k--) {
      const mis_start = g.int(2) === 0 ? addDays(g.pick(PIVOTS), -365 + g.int(3)) : date();
      if (missingStarts.has(mis_start)) continue;
      missingStarts.add(mis_start);
      missing.push({ child_id: id, mis_start, mis_end: mis_start, missing: 'M', looked_after: g.int(2) === 0 });
    }
    // Early help episodes and home education registrations, overlapping at times.
    for (let k = g.int(4); k > 0; k--) {
      const [start_date, end_date] = span();
      earlyHelp.push({ episode_id: `${id}-${k}`, child_id: id, birth_date: dob, start_date, end_date, level: g.pick(['UNIVERSAL_PLUS', 'TARGETED']),
        lead_agency: 'SCHOOL', source: 'NEW', outcome: end_date === null ? null : 'NEEDS_MET' });
    }
    const registered = new Set<string>();
    for (let k = g.int(3); k > 0; k--) {
      const [start_date, end_date] = span();
      if (registered.has(start_date)) continue;
      registered.add(start_date);
      register.push({ child_id: id, start_date, end_date, end_reason: end_date === null ? null : 'SCHOOL', dob, sex: 'F', reason: 'OTHER',
        engaged: g.int(2) === 0, social_care: g.pick(['NONE', 'CIN', 'CP', 'CLA']) });
    }
    // Referrals (some no further action), each with assessments overdue from the day after their due date.
    const referred = new Set<string>();
    for (let k = g.int(3); k > 0; k--) {
      const [referral_date, closure_date] = span();
      if (referred.has(referral_date)) continue;
      referred.add(referral_date);
      referrals.push({ la_child_id: id, referral_date, closure_date, person_birth_date: dob, gender: '1', ethnicity: 'WBRI', referral_source: '1A',
        referral_nfa: g.int(4) === 0 });
      for (let a = g.int(3); a > 0; a--) {
        const start_date = addDays(referral_date, a * 10 + g.int(10));
        const due_date = onOrAfter(start_date) ?? addDays(start_date, 63);
        assessments.push({ la_child_id: id, referral_date, start_date, due_date, authorisation_date: g.int(4) === 0 ? null : onOrAfter(start_date) });
      }
    }
  }
  const population = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, population: 10_000 + year }));
  return { children, episodes, activities, missing, earlyHelp, register, referrals, assessments, population };
}

let store: Store;
before(async () => {
  store = await openTestStore();
  const { children, episodes, activities, missing, earlyHelp, register, referrals, assessments, population } = data();
  await store.transaction(async (tx) => {
    await tx.db.insertInto('child').values(children).execute();
    await tx.db.insertInto('la_episode').values(episodes).execute();
    await tx.db.insertInto('leaver_activity').values(activities).execute();
    await tx.db.insertInto('missing_episode').values(missing).execute();
    await tx.db.insertInto('early_help_episode').values(earlyHelp).execute();
    await tx.db.insertInto('ehe_registration').values(register).execute();
    await tx.db.insertInto('cin_referral').values(referrals).execute();
    await tx.db.insertInto('cin_assessment').values(assessments).execute();
    await tx.db.insertInto('child_population').values(population).execute();
  });
});
after(() => store.close());

describe('range row sources give the figures of the range joins they replaced', () => {
  for (const [id, rangeJoin] of Object.entries(RANGE_JOINS)) {
    test(id, async () => {
      const def = indicatorById(id)!;
      const reference: IndicatorDefinition = { ...def, source: { ...def.source, sql: rangeJoin } };
      let nonZero = 0;
      for (const asOf of AS_OFS) {
        for (const type of PERIOD_TYPES) {
          const args = [type, windowStart(type, asOf), periodOf(asOf, type).start, asOf] as const;
          const expected = await runIndicator(store.db, reference, ...args);
          assert.deepEqual(await runIndicator(store.db, def, ...args), expected, `${type} as of ${asOf}`);
          nonZero += expected.filter((r) => r.value).length;
        }
      }
      assert.ok(nonZero > 20, 'the generated data gives figures to compare');
    });
  }
});
