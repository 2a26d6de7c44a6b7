// The importers accept the generator's output with zero errors. Each SSDA903 folder is one
// collection year's return, imported as its own run in year order (as a council uploads them),
// then the case-system, SEN2, strategy and benchmark files.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { generate } from '../../src/generate/index.ts';
import { actionPlanReport } from '../../src/reports/index.ts';
import { DEFAULT_COMMITTEE } from '../../src/reports/paper.ts';
import { csvFilesUnder, importDirectory, importFiles, type ImportFile } from '../../src/importers/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { iso, readCsv } from './helpers.ts';

const AS_OF = '2026-11-25';
const dir = mkdtempSync(join(tmpdir(), 'csinsight-generate-import-'));
let store: Store;

before(async () => {
  await generate({ scale: 'small', seed: 7, outDir: dir, asOf: AS_OF });
  store = await openTestStore();
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const returns = () => readdirSync(dir).filter((d) => d.startsWith('ssda903_')).sort();

async function count(table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(store.db);
  return Number(r.rows[0]!.n);
}

describe('importing generated data', () => {
  test('every return, then the other files, is accepted with no errors and stored in full', async () => {
    const runs: ImportFile[][] = [
      ...returns().map((y) => csvFilesUnder(join(dir, y))),
      [...['case_system', 'sen2', 'strategy'].flatMap((d) => csvFilesUnder(join(dir, d))), { name: 'benchmarks.csv', path: join(dir, 'benchmarks.csv') }],
    ];
    for (const files of runs) {
      const result = await importFiles(store, files, { user: 'test' });
      assert.deepEqual(result.errors, [], `${files[0]?.name}: ${JSON.stringify(result.errors.slice(0, 3))}`);
      assert.equal(result.status, 'accepted');
      assert.equal(result.files.length, files.length);
    }

    const headers = new Set(returns().flatMap((y) => readCsv(dir, `${y}/header.csv`).rows.map((h) => h.CHILD!)));
    const fromHome = readCsv(dir, 'case_system/missing_from_home.csv').rows;
    assert.equal(await count('child'), headers.size + new Set(fromHome.map((m) => m.CHILD)).size);
    const episodes = new Set(returns().flatMap((y) => readCsv(dir, `${y}/episodes.csv`).rows.map((e) => `${e.CHILD}|${e.DECOM}`)));
    assert.equal(await count('la_episode'), episodes.size);
    const missing = returns().reduce((n, y) => n + readCsv(dir, `${y}/missing.csv`).rows.length, 0);
    assert.equal(await count('missing_episode'), missing + fromHome.length);
    assert.equal(await count('oc3'), returns().reduce((n, y) => n + readCsv(dir, `${y}/oc3.csv`).rows.length, 0));
    assert.equal(await count('ehcp_request'), readCsv(dir, 'sen2/ehcp_requests.csv').rows.length);
    assert.equal(await count('ehcp_advice'), readCsv(dir, 'sen2/ehcp_advice.csv').rows.length);
    assert.equal(await count('leaver_activity'), readCsv(dir, 'case_system/leaver_activity.csv').rows.length);
    assert.equal(await count('strategy_action'), readCsv(dir, 'strategy/actions.csv').rows.length);
    assert.equal(await count('benchmark'), readCsv(dir, 'benchmarks.csv').rows.length);
  });

  test('an episode open at the end of one return is stored as the next return closes it', async () => {
    const [first, second] = returns();
    const open = readCsv(dir, `${first}/episodes.csv`).rows.filter((e) => !e.DEC);
    const closedLater = new Map(readCsv(dir, `${second}/episodes.csv`).rows.filter((e) => e.DEC).map((e) => [`${e.CHILD}|${e.DECOM}`, e]));
    const e = open.map((o) => closedLater.get(`${o.CHILD}|${o.DECOM}`)).find((x) => x !== undefined);
    assert.ok(e, 'no episode open at one year end and closed in the next');
    const stored = await sql<{ dec: string }>`SELECT to_char(dec, 'YYYY-MM-DD') AS dec FROM la_episode
      WHERE child_id = ${e.CHILD} AND decom = ${iso(e.DECOM)}::date`.execute(store.db);
    assert.equal(stored.rows[0]?.dec, iso(e.DEC));
  });

  test("the action plan paper compares each rated action with the last meeting's rating and prints a person's note", async () => {
    const { html } = await actionPlanReport(store, { meetingDate: AS_OF, committee: DEFAULT_COMMITTEE });
    assert.match(html, /RAG at \d+ \w+ 2026/, 'the last meeting is found on the generated register');
    const rated = readCsv(dir, 'strategy/actions.csv').rows.filter((a) => a.RAG);
    const rows = [...html.matchAll(/<tr[^>]* id="action-([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: m[1]!, text: m[2]! }));
    const changes = rows.filter((r) => rated.some((a) => a.ActionID === r.id)).map((r) => /(Improved|Worsened|No change|Not rated before)(?:<\/b>)?<\/td>\s*$/.exec(r.text)?.[1]);
    assert.equal(changes.length, rated.length);
    assert.ok(!changes.includes('Not rated before'), 'every rated action had a rating at the last meeting');
    assert.ok(changes.includes('Improved') && changes.includes('Worsened') && changes.includes('No change'), changes.join(', '));
    assert.equal((html.match(/Latest update \(/g) ?? []).length, rated.length, 'each rated action shows its latest note');
    assert.doesNotMatch(html, /Added by import/);
  });

  // Each return holds every child looked after in its year, so a child in care across years is in
  // several returns: each return is checked as sent (and against the year before), then the later
  // return's version of a key is kept.
  test('the whole output folder, three years of returns, imports in one run', async () => {
    const fresh = await openTestStore();
    try {
      const result = await importDirectory(fresh, dir, { user: 'test' });
      assert.equal(result.errorCount, 0, result.errors[0]?.message);
    } finally {
      await fresh.close();
    }
  });
});
