// Indicator results are cached between requests and must change as soon as the data does: after an
// accepted import, a recomputation, or a write by another database client.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from '../helpers.ts';
import { AS_OF, loadFixtures } from './fixtures.ts';
import { importFiles } from '../../src/importers/index.ts';
import { setVersionClock, storeVersion, VERSION_MAX_AGE_MS } from '../../src/store/figure-cache.ts';
import { computeIndicators, indicatorBreakdown, indicatorHistory, indicatorSummary } from '../../src/store/indicators.ts';
import { openStore, type Store } from '../../src/store/open.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
  await loadFixtures(store);
  await computeIndicators(store, { asOf: AS_OF });
});
after(() => store.close());

const summaryOf = async (s: Store, id: string) =>
  (await indicatorSummary(s, { periodType: 'month', asOf: AS_OF })).find((x) => x.definition.id === id)!;
const mayIncl = async (s: Store) => (await indicatorHistory(s, 'ehcp_20wk_incl', 'month')).find((p) => p.period.start === '2025-05-01')!;
const bySex = async (s: Store) =>
  (await indicatorBreakdown(s, 'ehcp_20wk_incl', 'sex', 'month', '2025-05-01', AS_OF)).map((r) => [r.label, r.numerator, r.denominator]);

// An EHCP issued in May 2025 after 130 days (within 20 weeks), to a girl.
const EXTRA_REQUEST = [
  'RequestID,PersonID,PersonBirthDate,Sex,ReceivedDate,RequestOutcomeDate,RequestOutcome,AssessmentOutcomeDate,AssessmentOutcome,Week20,ExceptionReason,DraftPlanDate,StartDate,SENtype',
  'R9,P-R9,2014-03-03,F,2025-01-10,2025-02-10,Y,2025-04-01,Y,N,,,2025-05-20,',
].join('\n');

test('a repeated read is served from the cache: the same result object', async () => {
  assert.equal(await indicatorSummary(store, { periodType: 'month', asOf: AS_OF }), await indicatorSummary(store, { periodType: 'month', asOf: AS_OF }));
  assert.equal(await indicatorHistory(store, 'missing_episodes', 'month'), await indicatorHistory(store, 'missing_episodes', 'month'));
  // A different question is a different entry.
  assert.notEqual(await indicatorSummary(store, { periodType: 'month', asOf: AS_OF }), await indicatorSummary(store, { periodType: 'quarter', asOf: AS_OF }));
});

test('an accepted import changes on-demand figures at once, and recomputing changes the stored ones', async () => {
  assert.deepEqual(await bySex(store), [['Female', 1, 1], ['Male', 0, 2]]);
  assert.deepEqual([(await mayIncl(store)).numerator, (await mayIncl(store)).denominator], [1, 3]);
  assert.deepEqual([(await summaryOf(store, 'ehcp_20wk_incl')).sparkline.at(-2)?.numerator], [1]);

  const before = await storeVersion(store);
  const result = await importFiles(store, [{ name: 'ehcp_requests.csv', content: EXTRA_REQUEST }], { user: 'test' });
  assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
  assert.notEqual(await storeVersion(store), before);
  // Breakdowns are worked out from the rows: the new request shows without recomputing.
  assert.deepEqual(await bySex(store), [['Female', 2, 2], ['Male', 0, 2]]);

  await computeIndicators(store, { asOf: AS_OF });
  assert.deepEqual([(await mayIncl(store)).numerator, (await mayIncl(store)).denominator], [2, 4]);
  const may = (await summaryOf(store, 'ehcp_20wk_incl')).sparkline.find((p) => p.period.start === '2025-05-01')!;
  assert.deepEqual([may.numerator, may.denominator, may.value], [2, 4, 50]);
});

test('a rejected import leaves the figures (and what is cached) as they were', async () => {
  const history = await indicatorHistory(store, 'ehcp_20wk_incl', 'month');
  const result = await importFiles(store, [{ name: 'ehcp_requests.csv', content: EXTRA_REQUEST.replace('2025-05-20', 'not a date') }], { user: 'test' });
  assert.equal(result.status, 'rejected');
  assert.deepEqual(await indicatorHistory(store, 'ehcp_20wk_incl', 'month'), history);
});

test('a write by another database client (plain SQL, not this module) is seen once the version is read again', async () => {
  let now = 0;
  setVersionClock(store, () => now);
  const april = async () => (await indicatorHistory(store, 'missing_episodes', 'month')).find((p) => p.period.start === '2025-04-01')?.value;
  assert.equal(await april(), 3);
  assert.equal((await summaryOf(store, 'ehcp_20wk_incl')).benchmarks.england, null);
  await store.exec(`UPDATE indicator_value SET value = 99 WHERE indicator_id = 'missing_episodes' AND period_type = 'month' AND period_start = '2025-04-01'`);
  await store.exec(`INSERT INTO benchmark (indicator_id, area, fy, value) VALUES ('ehcp_20wk_incl', 'England', 2025, 7)`);
  // The version read is trusted for up to a second: until then the cached figure stands...
  now += VERSION_MAX_AGE_MS - 1;
  assert.equal(await april(), 3);
  // ...then the database's version has moved on and the figures are read again.
  now += 1;
  assert.equal(await april(), 99);
  assert.deepEqual([(await summaryOf(store, 'ehcp_20wk_incl')).benchmarks.england], [7]);
});

test('on PostgreSQL, a second server process sees the first one recompute', { skip: !process.env.DATABASE_URL && 'PostgreSQL only (DATABASE_URL)' }, async () => {
  const schema = (await store.db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()).s;
  const other = await openStore({ databaseUrl: process.env.DATABASE_URL, schema });
  let now = 0;
  setVersionClock(other, () => now);
  try {
    const seen = (await indicatorHistory(other, 'missing_episodes', 'month')).find((p) => p.period.start === '2025-04-01')?.value;
    // In full: the figure was edited by hand, not by a change to the data it is computed from.
    await computeIndicators(store, { asOf: AS_OF, full: true });
    now += VERSION_MAX_AGE_MS;
    const recomputed = (await indicatorHistory(other, 'missing_episodes', 'month')).find((p) => p.period.start === '2025-04-01')?.value;
    assert.deepEqual([seen, recomputed], [99, 3]);
  } finally {
    await other.close();
  }
});
