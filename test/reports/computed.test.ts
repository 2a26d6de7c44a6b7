// Reports on figures the indicator engine computed from stored requests, and the CLI end to end
// (on an on-disk PGlite, as the CLI opens it: slower than the in-memory template).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { registerReport } from '../../src/cli/commands/report.ts';
import { closePdfRenderer, performanceReport } from '../../src/reports/index.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import { openStore, storeOptionsFromEnv } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, COMMITTEE, insertDelayedRequests, MEETING } from './fixtures.ts';

after(closePdfRenderer);

test('computed EHCP figures: one plan issued in Q1 is 100% to officers and suppressed in public', async () => {
  const store = await openTestStore();
  try {
    await insertDelayedRequests(store);
    await computeIndicators(store, { asOf: AS_OF });
    const options = { periodType: 'quarter' as const, periodStart: '2026-04-01', committee: COMMITTEE, meetingDate: MEETING };
    const officer = await performanceReport(store, { ...options, audience: 'officer' });
    assert.match(officer.html, /<tr id="row-ehcp_20wk_excl">\s*<td>[^<]+<\/td>\s*<td class="num">100\.0%<\/td>/);
    assert.match(officer.html, /100\.0% \(1 of 1\)/);
    const pub = await performanceReport(store, { ...options, audience: 'public' });
    assert.match(pub.html, /<tr id="row-ehcp_20wk_excl">\s*<td>[^<]+<\/td>\s*<td class="num">Suppressed<\/td>/);
    assert.doesNotMatch(pub.html, /1 of 1/);
  } finally {
    await store.close();
  }
});

test('a year still running is labelled to the date its figures reach, as on the cards', async () => {
  const store = await openTestStore();
  try {
    await insertDelayedRequests(store);
    await computeIndicators(store, { asOf: AS_OF });
    const options = { periodType: 'year' as const, periodStart: '2026-04-01', committee: COMMITTEE, meetingDate: MEETING, audience: 'officer' as const };
    const { title, html } = await performanceReport(store, options);
    assert.equal(title, "Children's Services performance indicators: 2026-27 to 25 November");
    assert.match(html, /for 2026-27 to 25 November \(1 April 2026 to 25 November 2026\)/);
    assert.match(html, /<b>2026-27 to 25 November<\/b>100\.0% \(1 of 1\)/, 'the section figure says it is to date');
  } finally {
    await store.close();
  }
});

test('csinsight report letters --out file.pdf writes the letters as a PDF', async () => {
  const env = process.env.DATABASE_URL ? { CSINSIGHT_SCHEMA: `t_cli_${randomBytes(4).toString('hex')}` } : { CSINSIGHT_DATA: mkdtempSync(join(tmpdir(), 'csinsight-cli-')) };
  Object.assign(process.env, env);
  const storeOptions = storeOptionsFromEnv();
  const out = join(mkdtempSync(join(tmpdir(), 'csinsight-report-')), 'letters.pdf');
  try {
    const store = await openStore(storeOptions);
    await insertDelayedRequests(store);
    await store.close();

    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerReport(program);
    await program.parseAsync(['report', 'letters', '--as-of', AS_OF, '--requests', 'REQ-0001,REQ-0002', '--out', out], { from: 'user' });

    assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    assert.match(text, /REQ-0001/);
    assert.match(text, /REQ-0002/);
    assert.doesNotMatch(text, /REQ-0005/);
    await assert.rejects(program.parseAsync(['report', 'minutes', '--out', out], { from: 'user' }), /expected one of performance, actions, letters/);
  } finally {
    if (storeOptions.schema) await (await openStore({ ...storeOptions, dropSchemaOnClose: true })).close();
    if (storeOptions.dataDir) rmSync(storeOptions.dataDir, { recursive: true, force: true });
    rmSync(join(out, '..'), { recursive: true, force: true });
    for (const k of Object.keys(env)) delete process.env[k];
  }
});

