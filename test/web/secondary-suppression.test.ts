// The tester's two examples (issue 12, item 3) on a real store and server: a councillor can no
// longer work out a "<6" by subtraction, from a breakdown and its total or from months and their
// quarter, in the JSON API, the pages, the CSV or the public paper; officers still see exact
// figures. Then every figure a councillor can read for this authority is audited the same way,
// and the EHCP partner table's longest delay (item 13) is no longer one child's exact wait.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { addDays } from '../../src/core/dates.ts';
import { INDICATORS } from '../../src/core/indicators/index.ts';
import { periodOf, type PeriodType } from '../../src/core/periods.ts';
import { buildApp } from '../../src/server/app.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';

const AS_OF = '2026-12-31';

// December 2026: 23 referrals, 7 girls, 15 boys and 1 whose sex was not recorded; 22 from
// schools and that 1 from the fire service.
function referrals(): NewRow<'cin_referral'>[] {
  const genders = [...Array(7).fill('2'), ...Array(15).fill('1'), '0'] as string[];
  return genders.map((gender, i) => ({
    la_child_id: `REF${i}`, referral_date: addDays('2026-12-01', i), referral_source: i === 22 ? '8' : '2A', local_source: i === 22 ? 'FIRE' : null,
    person_birth_date: '2015-01-01', gender, ethnicity: 'WBRI', referral_nfa: false,
  }));
}

// EHC plans issued within 20 weeks: October 12 of 18, November 22 of 31, December 3 of 4 (Q3: 37 of 53).
function plans(): NewRow<'ehcp_request'>[] {
  const months: [string, number, number][] = [['2026-10-01', 12, 18], ['2026-11-01', 22, 31], ['2026-12-01', 3, 4]];
  return months.flatMap(([month, within, issued]) =>
    Array.from({ length: issued }, (_, i) => {
      const start = addDays(month, i % 28);
      const received = addDays(start, i < within ? -120 : -160);
      return {
        request_id: `EH${month.slice(0, 7)}-${i}`, person_id: `P${month.slice(5, 7)}${i}`, person_birth_date: '2015-01-01', sex: i % 2 ? 'M' : 'F',
        received_date: received, request_outcome: 'Y', request_outcome_date: addDays(received, 40), assessment_outcome: 'Y',
        assessment_outcome_date: addDays(start, -20), draft_plan_date: addDays(start, -21), start_date: start, sen_type: 'ASD',
      } satisfies NewRow<'ehcp_request'>;
    }),
  );
}

// Advice: health returned one piece 124 days late (one child's wait); education 6 late, up to 100 days.
function advice(requests: NewRow<'ehcp_request'>[]): NewRow<'ehcp_advice'>[] {
  const requested = '2026-06-01';
  const due = addDays(requested, 42);
  return requests.slice(0, 8).flatMap((r, i) => [
    { request_id: r.request_id, partner: 'health' as const, requested_date: requested, received_date: addDays(due, i === 0 ? 124 : -1) },
    { request_id: r.request_id, partner: 'education' as const, requested_date: requested, received_date: addDays(due, i < 6 ? 10 + i * 18 : -3) },
  ]);
}

let store: Store;
let app: FastifyInstance;
let officer: SignedIn;
let councillor: SignedIn;

before(async () => {
  store = await openTestStore();
  const requests = plans();
  await store.db.insertInto('cin_referral').values(referrals()).execute();
  await store.db.insertInto('ehcp_request').values(requests).execute();
  await store.db.insertInto('ehcp_advice').values(advice(requests)).execute();
  await computeIndicators(store, { asOf: AS_OF });
  app = await buildApp({ store, asOf: AS_OF });
  officer = await signIn(app, 'officer');
  councillor = await signIn(app, 'councillor');
});

after(async () => {
  await app?.close();
  await store?.close();
});

type Shown = { label: string; start: string; text: string; numeratorText: string; denominatorText: string };
const api = async (who: SignedIn, url: string) => {
  const res = await who.inject({ url });
  assert.equal(res.statusCode, 200, url);
  return res.json() as { points: Shown[]; breakdown: { rows: (Omit<Shown, 'start'>)[]; withheld: boolean } };
};
const byLabel = <T extends { label: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.label, r]));
const counts = (r: Pick<Shown, 'numeratorText' | 'denominatorText'> | undefined) => [r?.numeratorText, r?.denominatorText];

describe('the tester\'s examples', () => {
  test('officers still see the exact figures', async () => {
    const sex = byLabel((await api(officer, '/api/indicators/referrals?period=month&by=sex')).breakdown.rows);
    assert.deepEqual([sex.Female?.text, sex.Male?.text, sex['Not recorded']?.text], ['7', '15', '1']);
    const months = byLabel((await api(officer, '/api/indicators/ehcp_20wk_incl?period=month')).points);
    assert.deepEqual(['Oct 2026', 'Nov 2026', 'Dec 2026'].map((m) => counts(months[m])), [['12', '18'], ['22', '31'], ['3', '4']]);
  });

  test('referrals by sex: with the total of 23 published, Female is withheld as well as Not recorded', async () => {
    const v = await api(councillor, '/api/indicators/referrals?period=month&by=sex');
    assert.equal(byLabel(v.points)['Dec 2026']?.text, '23', 'the total stays published');
    const sex = byLabel(v.breakdown.rows);
    assert.deepEqual([sex.Female?.text, sex.Male?.text, sex['Not recorded']?.text], ['c', '15', '<6']);
    const page = await councillor.inject({ url: '/indicators/referrals?period=month&by=sex' });
    const table = /data-testid="breakdown">([\s\S]*?)<\/table>/.exec(page.body)![1]!;
    assert.match(table, /Female<\/th><td[^>]*>c<\/td>/);
    assert.doesNotMatch(table, />7</);
    assert.match(page.body, /data-testid="suppression-note"/);
  });

  test('EHCP within 20 weeks: with Q3 and November published, October is withheld as well as December', async () => {
    const quarter = byLabel((await api(councillor, '/api/indicators/ehcp_20wk_incl?period=quarter')).points);
    assert.deepEqual(counts(quarter['2026-27 Q3']), ['37', '53'], 'the quarter stays published');
    const months = byLabel((await api(councillor, '/api/indicators/ehcp_20wk_incl?period=month')).points);
    assert.deepEqual(['Oct 2026', 'Nov 2026', 'Dec 2026'].map((m) => counts(months[m])), [['c', 'c'], ['22', '31'], ['<6', '<6']]);
    assert.equal(months['Oct 2026']?.text, 'Withheld (small numbers)');

    const page = await councillor.inject({ url: '/indicators/ehcp_20wk_incl?period=month' });
    const october = /<tr[^>]*>\s*<th[^>]*>Oct 2026<\/th>([\s\S]*?)<\/tr>/.exec(page.body)?.[1] ?? '';
    assert.match(october, />c</);
    assert.doesNotMatch(october, />(12|18|66\.7%)</);

    const csv = (await councillor.inject({ url: '/indicators/ehcp_20wk_incl/history.csv?period=month' })).body;
    assert.match(csv, /^Oct 2026,2026-10-01,,Withheld \(small numbers\),c,c,$/m);
    assert.match(csv, /^Dec 2026,2026-12-01,,Withheld \(small numbers\),<6,<6,$/m);

    // The public paper for October: the figure and its fraction are withheld too.
    const paper = (await councillor.inject({ url: '/reports/performance?period=month&start=2026-10-01' })).body;
    assert.match(paper, /c of c/);
    assert.doesNotMatch(paper, /12 of 18/);
    const officerPaper = (await officer.inject({ url: '/reports/performance?period=month&start=2026-10-01&audience=officer' })).body;
    assert.match(officerPaper, /12 of 18/);
  });
});

test('front door: referrals by source, in the year and in December, no longer give the fire service\'s 1 away', async () => {
  type FrontDoor = { totals: { referrals: string }; change: { source: string; latest: string }[]; sources: { table: { names: string[]; rows: { label: string; counts: string[] }[] } } };
  const officerView = (await officer.inject({ url: '/api/front-door' })).json() as FrontDoor;
  assert.deepEqual(officerView.change.map((c) => c.latest).sort(), ['1', '22']);
  const v = (await councillor.inject({ url: '/api/front-door' })).json() as FrontDoor;
  assert.equal(v.totals.referrals, '23');
  assert.deepEqual(v.change.map((c) => [c.source, c.latest]).sort(), [['FIRE', '<6'], ['SCHOOLS', 'c']]);
  const december = v.sources.table.rows.find((r) => r.label === 'Dec 2026')!;
  assert.deepEqual([...december.counts].sort(), ['<6', 'c']);
  const page = (await councillor.inject({ url: '/front-door' })).body;
  const change = /data-testid="source-change">([\s\S]*?)<\/table>/.exec(page)![1]!;
  assert.doesNotMatch(change, />22</);
});

/** The subtraction a reader can do: a group with one figure not shown gives it, repeated until nothing changes. */
function subtract(known: Map<string, number | null>, groups: { total: string; members: string[] }[]): string[] {
  const derived: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of groups) {
      const cells = [g.total, ...g.members].filter((c) => known.has(c));
      const unknown = cells.filter((c) => known.get(c) === null);
      if (unknown.length !== 1 || !known.has(g.total)) continue;
      const [u] = unknown as [string];
      const sum = g.members.filter((m) => m !== u).reduce((s, m) => s + (known.get(m) ?? 0), 0);
      known.set(u, u === g.total ? sum : known.get(g.total)! - sum);
      derived.push(u);
      changed = true;
    }
  }
  return derived;
}

const number = (text: string) => (/^-?[\d,]+(\.\d+)?$/.test(text) ? Number(text.replace(/,/g, '')) : null);

test('nothing a councillor can read (months, quarters, years, breakdowns) gives a withheld count away by subtraction', async () => {
  const leaks: string[] = [];
  for (const def of INDICATORS.filter((d) => d.suppress)) {
    const known = new Map<string, number | null>();
    const groups: { total: string; members: string[] }[] = [];
    const points: Record<string, Shown[]> = {};
    for (const type of def.periodTypes) {
      const v = await api(councillor, `/api/indicators/${def.id}?period=${type}`);
      points[type] = v.points;
      for (const p of v.points) for (const q of ['numeratorText', 'denominatorText'] as const) if (p[q] !== '') known.set(`${type}|${p.start}|${q}`, number(p[q]));
      for (const by of def.dimensions) {
        const b = await api(councillor, `/api/indicators/${def.id}?period=${type}&by=${by}`);
        const latest = [...v.points].reverse().find((p) => p.numeratorText !== '' || p.denominatorText !== '');
        if (!latest || b.breakdown.withheld) continue;
        for (const q of ['numeratorText', 'denominatorText'] as const) {
          const members = b.breakdown.rows.filter((r) => r[q] !== '').map((r, i) => (known.set(`${type}|${by}|${i}|${q}`, number(r[q])), `${type}|${by}|${i}|${q}`));
          groups.push({ total: `${type}|${latest.start}|${q}`, members });
        }
      }
    }
    if (def.source.kind === 'event') {
      for (const [child, parent] of [['month', 'quarter'], ['quarter', 'year']] as [PeriodType, PeriodType][]) {
        for (const p of points[parent] ?? []) {
          for (const q of ['numeratorText', 'denominatorText'] as const) {
            const members = (points[child] ?? []).filter((c) => periodOf(c.start, parent).start === p.start).map((c) => `${child}|${c.start}|${q}`);
            groups.push({ total: `${parent}|${p.start}|${q}`, members });
          }
        }
      }
    }
    leaks.push(...subtract(known, groups).map((cell) => `${def.id} ${cell}`));
  }
  assert.deepEqual(leaks, []);
});

test('EHCP partner table: councillors see no one child\'s exact delay; officers do', async () => {
  const shown = (await councillor.inject({ url: '/api/ehcp/partners' })).json().partners as Record<string, string>[];
  const health = shown.find((p) => p.partner === 'health')!;
  const education = shown.find((p) => p.partner === 'education')!;
  assert.equal(health.maxDaysLate, 'Withheld (small numbers)', 'one late return: its delay is one child\'s');
  assert.equal(health.meanDaysLate, 'Withheld (small numbers)');
  assert.equal(education.maxDaysLate, '12 to 26 weeks', 'six late returns: the longest as a band');
  assert.doesNotMatch(JSON.stringify(shown), /124|100 days/);
  const page = (await councillor.inject({ url: '/ehcp' })).body;
  const league = /data-testid="partner-league">([\s\S]*?)<\/table>/.exec(page)![1]!;
  assert.doesNotMatch(league, /124 days|100 days/);
  const exact = (await officer.inject({ url: '/api/ehcp/partners' })).json().partners as { partner: string; maxDaysLate: number }[];
  assert.equal(exact.find((p) => p.partner === 'health')?.maxDaysLate, 124);
  assert.match((await officer.inject({ url: '/ehcp' })).body, /124 days/);
});
