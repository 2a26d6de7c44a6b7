// The Part 2 (exempt) item on missing children at risk of exploitation, on the web fixture's ten
// missing children: M01 (4 episodes, sexual exploitation risk) and M02 (3 episodes, criminal
// exploitation risk) are repeat missing; M03 declined an interview and M04 had none; M05's
// interview recorded exploitation only as a theme. The public paper mentions the item, never its content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { registerReport } from '../../src/cli/commands/report.ts';
import { EXEMPT_MARKING, exemptMissingReport, performanceReport, ReportInputError } from '../../src/reports/index.ts';
import { openStore, storeOptionsFromEnv, type Store } from '../../src/store/open.ts';
import { seedWebData } from '../web/fixtures.ts';
import { pdfText, sharedStore, textOf } from './report-helpers.ts';

const COMMITTEE = "Children's Services Overview and Scrutiny Committee";
const WHOLE_YEAR = { from: '2024-04-01', to: '2025-03-15', committee: COMMITTEE, meetingDate: '2025-03-20' };

async function fill(store: Store): Promise<void> {
  await seedWebData(store);
  await store.db.updateTable('missing_episode').set({ themes: ['PEERS', 'SUBSTANCES'] }).where('child_id', '=', 'M01').execute();
  await store.db.updateTable('missing_episode').set({ themes: ['EXPLOITATION', 'PEERS'] }).where('child_id', '=', 'M05').execute();
}

const store = sharedStore(fill);

/** Child references in a table of the report, in order. */
function childrenIn(html: string, table: string): string[] {
  const body = new RegExp(`<table class="data" id="${table}">([\\s\\S]*?)</table>`).exec(html)?.[1];
  assert.ok(body !== undefined, `table ${table}`);
  return [...body.matchAll(new RegExp(`<tr id="${table}-([^"]+)">`, 'g'))].map((m) => m[1] ?? '');
}

test('lists the children at risk of exploitation, repeat missing children and interviews not done', async () => {
  const { html, title } = await exemptMissingReport(store(), WHOLE_YEAR);
  assert.equal(title, 'Children missing from home or care: exploitation risk, 1 April 2024 to 15 March 2025');
  assert.deepEqual(childrenIn(html, 'at-risk'), ['M01', 'M02', 'M05']);
  assert.equal(
    textOf(html, 'tr', 'at-risk-M01'),
    'M01 14 Looked after 4 22 Oct 2024 Child sexual exploitation Peers and friends; Drugs or alcohol 4 completed Yes (4 in 12 months)',
  );
  assert.match(textOf(html, 'tr', 'at-risk-M02'), /Child criminal exploitation \(including county lines\) None recorded 3 completed Yes \(3 in 12 months\)$/);
  assert.match(textOf(html, 'tr', 'at-risk-M05'), /None recorded Exploitation; Peers and friends 1 completed No$/, 'the theme alone puts a child on the list');
  assert.deepEqual(childrenIn(html, 'repeat'), ['M01', 'M02']);
  assert.deepEqual(childrenIn(html, 'follow-up').sort(), ['M03', 'M04']);
  assert.match(textOf(html, 'tr', 'follow-up-M03'), /0 completed, 1 not done \(1 declined\)/);
  assert.match(html, /10 children went missing in 19 episodes/);
  assert.match(html, /<b>3 children<\/b> had an exploitation risk recorded/);
});

test('the window decides who is listed: in October to December only M01 went missing with a risk', async () => {
  const { html } = await exemptMissingReport(store(), { ...WHOLE_YEAR, from: '2024-10-01', to: '2024-12-31' });
  assert.deepEqual(childrenIn(html, 'at-risk'), ['M01']);
  assert.match(textOf(html, 'tr', 'at-risk-M01'), /^M01 14 Looked after 1 22 Oct 2024/, 'only the episode in the window is counted');
  assert.deepEqual(childrenIn(html, 'repeat'), ['M01', 'M02'], 'repeat missing looks back 12 months from the end of the window');
});

test('every printed page is headed as exempt under Schedule 12A', async () => {
  const { html } = await exemptMissingReport(store(), WHOLE_YEAR);
  assert.match(html, new RegExp(`<meta name="report-marking" content="${EXEMPT_MARKING}">`));
  assert.match(html, /paragraphs 1 and 2 of Part 1 of Schedule 12A/);
  const { text, pages } = await pdfText(html, 'exempt-missing');
  const pageTexts = text.split('\f').filter((p) => p.trim());
  assert.ok(pages >= 2, `${pages} pages`);
  for (const [i, page] of pageTexts.entries()) assert.match(page, /EXEMPT – NOT FOR PUBLICATION – Schedule 12A paragraphs 1 and 2/, `page ${i + 1}`);
  assert.match(text, /M05/);
});

test('the public performance report says a Part 2 item is taken separately and shows none of it', async () => {
  const exempt = await exemptMissingReport(store(), WHOLE_YEAR);
  const listed = [...new Set([...childrenIn(exempt.html, 'at-risk'), ...childrenIn(exempt.html, 'repeat'), ...childrenIn(exempt.html, 'follow-up')])];
  assert.equal(listed.length, 5);
  for (const audience of ['public', 'officer'] as const) {
    const { html } = await performanceReport(store(), { periodType: 'quarter', committee: COMMITTEE, meetingDate: '2025-03-20', audience });
    assert.match(html, /"Missing children: exploitation risk \(Part 2, exempt\)", is taken in Part 2 of the agenda/);
    assert.deepEqual(listed.filter((id) => new RegExp(`\\b${id}\\b`).test(html)), [], `${audience}: no child reference`);
    assert.doesNotMatch(html, /Child sexual exploitation|Peers and friends/, `${audience}: none of the exempt detail`);
  }
});

test('a period that ends before it starts is refused with a reason', async () => {
  await assert.rejects(exemptMissingReport(store(), { ...WHOLE_YEAR, from: '2025-01-01', to: '2024-12-31' }), (err) => err instanceof ReportInputError && /starts \(2025-01-01\) after it ends/.test(err.message));
});

test('csinsight report exempt writes the Part 2 item; a backwards period is a clear error', async () => {
  // The CLI opens the store from the environment: an on-disk PGlite here, its own schema on PostgreSQL.
  const scratch = mkdtempSync(join(tmpdir(), 'csinsight-exempt-'));
  const env = process.env.DATABASE_URL ? { CSINSIGHT_SCHEMA: `t_exempt_${randomBytes(4).toString('hex')}` } : { CSINSIGHT_DATA: join(scratch, 'data') };
  Object.assign(process.env, env);
  const options = storeOptionsFromEnv();
  const out = join(scratch, 'part2.pdf');
  const run = (...args: string[]) => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerReport(program);
    return program.parseAsync(['report', 'exempt', ...args, '--out', out], { from: 'user' });
  };
  try {
    const cli = await openStore(options);
    await cli.db.insertInto('child').values({ child_id: 'X01', sex: 2, dob: '2011-02-03', ethnic: 'WBRI' }).execute();
    await cli.db
      .insertInto('missing_episode')
      .values({ child_id: 'X01', mis_start: '2026-08-01', mis_end: '2026-08-02', missing: 'M', looked_after: true, rhi_completed: '2026-08-03', exploitation_risk: 'CCE', themes: ['PEERS'] })
      .execute();
    await cli.close();

    await run('--as-of', '2026-11-25');
    assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /exploitation risk, 1 July 2026 to 30 September 2026/, 'the last full quarter before --as-of');
    assert.match(text, /X01/);
    assert.match(text, /EXEMPT – NOT FOR PUBLICATION/);
    await assert.rejects(run('--from', '2026-10-01', '--to', '2026-09-30'), /error: The period starts \(2026-10-01\) after it ends \(2026-09-30\)/);
  } finally {
    if (options.schema) await (await openStore({ ...options, dropSchemaOnClose: true })).close();
    rmSync(scratch, { recursive: true, force: true });
    for (const k of Object.keys(env)) delete process.env[k];
  }
});
