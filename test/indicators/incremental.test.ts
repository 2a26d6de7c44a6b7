// Incremental recompute (issue 17): after an import, only the indicators reading a table it wrote
// are recomputed, and the stored figures are then exactly those a full recompute gives.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { INDICATORS, indicatorById } from '../../src/core/indicators/index.ts';
import { importFiles } from '../../src/importers/run.ts';
import { indicatorsReading, storedTables, tablesRead, tablesReadByIndicators } from '../../src/store/indicator-tables.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { fixture, validFiles } from '../importers/helpers.ts';

let store: Store;
before(async () => {
  store = await openTestStore();
});
after(() => store.close());

/** Every stored figure, without when it was computed. */
async function figures(): Promise<string[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT indicator_id, period_type, period_start, period_end, numerator, denominator, value, rag, as_of
    FROM indicator_value ORDER BY indicator_id, period_type, period_start`.execute(store.db);
  return rows.map((r) => JSON.stringify(r));
}

/** Each indicator's latest computed_at (microseconds, as text). */
async function computedAtByIndicator(): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; at: string }>`SELECT indicator_id AS id, to_char(max(computed_at), 'YYYY-MM-DD HH24:MI:SS.US') AS at
    FROM indicator_value GROUP BY indicator_id`.execute(store.db);
  return new Map(rows.map((r) => [r.id, r.at]));
}

test('every indicator reads a known table, and the derivation finds the tables its SQL reads', () => {
  const known = new Set(storedTables());
  for (const def of INDICATORS) {
    assert.ok(tablesRead(def).length > 0, `${def.id} reads no known table`);
    for (const t of tablesRead(def)) assert.ok(known.has(t));
  }
  const reads = (id: string) => tablesRead(indicatorById(id)!);
  assert.deepEqual(reads('rhi_offered_72h'), ['child', 'la_episode', 'missing_episode']);
  assert.deepEqual(reads('ehcp_advice_6wk_health'), ['ehcp_advice', 'ehcp_request']);
  assert.deepEqual(reads('referrals_per_10k'), ['child_population', 'cin_referral']);
  assert.deepEqual(reads('workforce_fte'), ['workforce_month']);
  assert.deepEqual(reads('voice_answered_3m'), ['voice_feedback']);
  // Tables no indicator reads are never matched.
  for (const t of ['indicator_value', 'import_run', 'strategy_action', 'benchmark', 'audit_log']) assert.ok(!tablesReadByIndicators().includes(t), t);
});

test('a write to any table an indicator reads is noted for the next recompute', async () => {
  await sql`DELETE FROM figure_changed_table`.execute(store.db);
  // A statement that changes nothing still runs the statement trigger.
  for (const t of tablesReadByIndicators()) await sql`DELETE FROM ${sql.table(t)} WHERE false`.execute(store.db);
  const { rows } = await sql<{ table_name: string }>`SELECT table_name FROM figure_changed_table ORDER BY table_name`.execute(store.db);
  assert.deepEqual(rows.map((r) => r.table_name), tablesReadByIndicators());
  await sql`DELETE FROM figure_changed_table`.execute(store.db);
});

test('after an import of return home interviews only the indicators reading its table are recomputed, with the figures of a full recompute', async () => {
  assert.equal((await importFiles(store, validFiles(), { user: 'test' })).status, 'accepted');
  const first = await computeIndicators(store);
  assert.equal(first.partial, false, 'the first computation is a full one');
  const before = await figures();
  assert.ok(before.length > 0);

  // C003's interview, declined before, is now completed.
  const rhi = fixture('return_home_interviews.csv');
  const changed = String(rhi.content).replace('C003,11/12/2024,16/12/2024,,17/12/2024', 'C003,11/12/2024,16/12/2024,17/12/2024,');
  assert.notEqual(changed, rhi.content);
  assert.equal((await importFiles(store, [{ name: rhi.name, content: changed }], { user: 'test' })).status, 'accepted');
  const { rows } = await sql<{ table_name: string }>`SELECT table_name FROM figure_changed_table`.execute(store.db);
  assert.deepEqual(rows.map((r) => r.table_name), ['missing_episode']);

  const computedAt = await computedAtByIndicator();
  const partial = await computeIndicators(store);
  assert.equal(partial.partial, true);
  assert.equal(partial.indicators, indicatorsReading(['missing_episode']).length);
  assert.ok(partial.indicators < INDICATORS.length);
  const afterPartial = await figures();
  // The others' rows were not written again: their computed_at is as it was.
  const recomputed = new Set(indicatorsReading(['missing_episode']).map((d) => d.id));
  const now = await computedAtByIndicator();
  assert.deepEqual(new Set(now.keys()), new Set(computedAt.keys()));
  for (const [id, at] of now) {
    if (recomputed.has(id)) assert.ok(at > computedAt.get(id)!, `${id} was recomputed`);
    else assert.equal(at, computedAt.get(id), `${id} was left alone`);
  }
  assert.notDeepEqual(afterPartial, before, 'the change shows in the figures');

  const full = await computeIndicators(store, { full: true });
  assert.equal(full.indicators, INDICATORS.length);
  assert.deepEqual(await figures(), afterPartial, 'a full recompute gives the same figures');

  // Nothing written since: nothing to recompute.
  assert.equal((await computeIndicators(store)).indicators, 0);
});

test('figures for another "as of" date are recomputed in full', async () => {
  await sql`UPDATE missing_episode SET rhi_offered = rhi_offered WHERE false`.execute(store.db);
  const latest = (await sql<{ as_of: string }>`SELECT max(as_of)::text AS as_of FROM indicator_value`.execute(store.db)).rows[0]!.as_of;
  const earlier = await computeIndicators(store, { asOf: `${Number(latest.slice(0, 4)) - 1}${latest.slice(4)}` });
  assert.equal(earlier.partial, false);
  assert.equal(earlier.indicators, INDICATORS.length);
});
