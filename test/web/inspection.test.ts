// The Inspection page in headless Chromium over the real server, on the generator's Annex A
// workbook: the lists as imported, journeys (Sankey chart and table), timeliness for everyone
// (councillors see 1-5 as "<6"), and the officers' drift list, recorded in the audit log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SECONDARY_TEXT } from '../../src/core/suppression.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { hashedId } from '../../src/reports/annex-a-export.ts';
import { drift, journey } from '../../src/core/annexAJourneys.ts';
import { annexARows, writeAnnexAWorkbook } from '../../src/generate/annexA.ts';
import { dayOf } from '../../src/generate/days.ts';
import { streamFor } from '../../src/generate/random.ts';
import { importFiles } from '../../src/importers/index.ts';
import { formatNumber } from '../../src/server/format.ts';
import type { Store } from '../../src/store/open.ts';
import { annexARecords } from '../../src/store/queries/annexA.ts';
import { openTestStore } from '../helpers.ts';
import { assertLabelsClear, drawnCharts } from './chart-labels.ts';
import { openPage, screenshot, SCREENS, startSessions, WCAG_22_AA, type RunningApp, type Sessions } from './harness.ts';
import { AxeBuilder } from '@axe-core/playwright';

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

const AS_OF = '2026-03-31';
// Annex A SEND List 1 with no SEN2 loaded: the EHCP page's plan figures come from it, labelled.
const SEND_PLANS = 'Unique ID,Date initial EHC plan issued,Date EHC plan last reviewed,SEN primary need,Main education establishment – phase\nA,10/01/2024,01/06/2025,ASD,Primary\nB,01/05/2023,01/12/2024,ASD,Secondary\n';
const BENCHMARKS = 'Indicator,Area,Year,Value\nassessments_45_days,England,2024,82.8\nassessments_45_days,Statistical neighbours,2024,85.5\n';

/** Each journey table's cells by step: what the chart's labels must say. */
async function journeyLabels(page: Page, months: number): Promise<string[]> {
  const rows = page.locator(`[data-testid=journey-${months}-table] tbody tr`);
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const step = (await row.locator('th').textContent())!.trim();
    out.push(`${step}: ${(await row.locator('[data-cell=reached]').textContent())!.trim()}`);
    const stopped = (await row.locator('[data-cell=stopped]').textContent())!.trim();
    if (stopped) out.push(`No further step after ${step.toLowerCase()}: ${stopped}`);
  }
  return out;
}

/** The labels the drawn chart carries (the server-drawn SVG's texts). */
function chartLabels(page: Page, months: number): Promise<string[]> {
  return page.locator(`[data-testid=journey-${months}-chart] svg text`).allTextContents();
}

/** The chart's labels are the table's cells: each one drawn is in the table, and every step with a drawn flow is drawn. */
function assertSameFigures(drawn: readonly string[], table: readonly string[], what: string): void {
  assert.ok(drawn.length >= 4, `${what}: ${drawn.length} nodes drawn`);
  for (const label of drawn) assert.ok(table.includes(label), `${what}: the chart says "${label}", the table ${JSON.stringify(table)}`);
}

let store: Store;
let sessions: Sessions;
let running: RunningApp;
let officer: BrowserContext;
let councillor: BrowserContext;
let saltDir: string;
let log = '';
const SALT = 'inspection-test-salt-5b1e7c0a94';

before(async () => {
  store = await openTestStore();
  const dir = mkdtempSync(join(tmpdir(), 'csinsight-inspection-web-'));
  try {
    const path = join(dir, 'annex_a.xlsx');
    await writeAnnexAWorkbook(path, annexARows(streamFor(3, 'annex-a'), dayOf(AS_OF), 500));
    const result = await importFiles(store, [{ name: 'annex_a.xlsx', path }], { user: 'test' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors.slice(0, 3)));
    // England and neighbours for one of the timeliness measures (the benchmark table's layout).
    const bench = await importFiles(store, [{ name: 'benchmarks.csv', content: BENCHMARKS }, { name: 'send_plans.csv', content: SEND_PLANS }], { user: 'test' });
    assert.equal(bench.status, 'accepted', JSON.stringify(bench.errors.slice(0, 3)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  saltDir = mkdtempSync(join(tmpdir(), 'csinsight-inspection-salt-'));
  const saltFile = join(saltDir, 'salt');
  writeFileSync(saltFile, `${SALT}\n`, { mode: 0o600 });
  // The server logs at info into `log`, to show the salt is never written there.
  const logStream = new Writable({ write: (chunk: Buffer, _enc, done) => ((log += chunk.toString()), done()) });
  sessions = await startSessions({ store, asOf: AS_OF, annexASaltFile: saltFile, logLevel: 'info', logStream });
  ({ running, officer, councillor } = sessions);
});

after(async () => {
  await sessions?.close();
  await store?.close();
  if (saltDir) rmSync(saltDir, { recursive: true, force: true });
});

describe('inspection page', () => {
  test('officer: every list, the 6 and 12 month journeys drawn as Sankey charts, timeliness and the drift list, audited', async () => {
    const page = await openPage(running, officer, '/inspection');
    assert.equal(await page.locator('[data-testid=annex-a-lists] [data-list]').count(), 11);
    // SEND List 1 is imported (List 2 is not): listed after the ILACS lists.
    assert.match((await page.locator('[data-testid=annex-a-lists] [data-send-list="1"]').textContent()) ?? '', /SEND List 1: EHC plans\s*2\s*2/);
    assert.equal(await page.locator('[data-testid=annex-a-lists] [data-send-list]').count(), 1);
    const records = await annexARecords(store, [1, 3, 4, 5, 7, 8, 9]);
    for (const months of [6, 12]) {
      const j = journey(records, AS_OF, months);
      assert.ok(j.reached[0]! > 100 && j.reached[1]! > 20, JSON.stringify(j.reached));
      const cells = await page.locator(`[data-testid=journey-${months}-table] tbody tr td:first-of-type`).allTextContents();
      assert.deepEqual(cells.map((c) => c.trim()), j.reached.map((n) => formatNumber(n)));
      assertSameFigures(await chartLabels(page, months), await journeyLabels(page, months), `officer, ${months} months`);
    }
    // Timeliness beside England and neighbours where a published measure is the same; said where not.
    assert.equal((await page.locator('[data-measure=assessment] [data-cell=england]').textContent())?.trim(), '82.8%');
    assert.match((await page.locator('[data-measure=assessment] [data-cell=comparison]').textContent()) ?? '', /Benchmark table, 2024-25/);
    for (const m of ['contact', 'icpc']) assert.equal((await page.locator(`[data-measure=${m}] [data-cell=comparison]`).textContent())?.trim(), 'No published comparison');
    const cases = drift(records, AS_OF);
    assert.ok(cases.length > 0, 'the generator makes some drift');
    assert.equal(await page.locator('[data-testid=drift] [data-child]').count(), cases.length);
    await screenshot(page, 'inspection-officer');
    await page.close();
    const { rows } = await sql<{ n: number }>`SELECT returned_count AS n FROM audit_log WHERE route = '/inspection' AND role = 'officer' ORDER BY id DESC LIMIT 1`.execute(store.db);
    assert.equal(rows[0]?.n, new Set(cases.map((c) => c.childId)).size, 'the audit log names the children the drift list showed');
  });

  test('the journeys charts show every label in full, none over another, at 1,366 and 1,024 px; on a phone the chart scrolls sideways (by keyboard too), not the page', async () => {
    const page = await officer.newPage();
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${running.url}/inspection`);
      const charts = await drawnCharts(page, '.council-sankey');
      assert.equal(charts.length, 2);
      charts.forEach((c, i) => {
        assertLabelsClear(c, `${width}px, chart ${i + 1}`, { inContainer: true });
        assert.ok(c.scrollWidth <= c.clientWidth, `${width}px, chart ${i + 1}: ${c.scrollWidth}px wide in ${c.clientWidth}px`);
        for (const l of c.labels) assert.ok(l.fontSize >= 14, `${width}px: "${l.text}" at ${l.fontSize}px`);
      });
      assert.equal(await page.locator('.council-sankey-hint').first().isVisible(), false, `${width}px: no need to say the chart scrolls`);
      await screenshot(page, `inspection-journeys-${width}`);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${running.url}/inspection`);
    // (The site's header logo is a few px wider than a 375 px window on every page: not this page's.)
    const main = await page.evaluate(() => { const m = document.querySelector('main')!; return { scroll: m.scrollWidth, room: m.clientWidth, right: m.getBoundingClientRect().right }; });
    assert.ok(main.scroll <= main.room && main.right <= 375, `the page's content does not scroll sideways: ${JSON.stringify(main)}`);
    for (const [i, c] of (await drawnCharts(page, '.council-sankey')).entries()) {
      assertLabelsClear(c, `375px, chart ${i + 1}`, { inContainer: false });
      assert.ok(c.scrollWidth > c.clientWidth, `375px, chart ${i + 1}: scrolls in its box`);
      for (const l of c.labels) assert.ok(l.fontSize >= 14, `375px: "${l.text}" at ${l.fontSize}px`);
    }
    assert.ok(await page.locator('.council-sankey-hint').first().isVisible(), 'the page says the chart scrolls');
    const chart = page.locator('[data-testid=journey-12-chart]');
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    // Scrolled from the keyboard (the browser may scroll smoothly, so wait for it to move).
    await page.waitForFunction(() => document.querySelector('[data-testid=journey-12-chart]')!.scrollLeft > 0);
    // Every box that scrolls sideways can be reached from the keyboard (axe: scrollable-region-focusable).
    assert.deepEqual((await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'no accessibility failure at 375 px');
    await screenshot(page, 'inspection-journeys-375');
    await page.close();
  });

  test('the inspection pack prints the same tables, as PDF for an officer and HTML with "<6" for a councillor', async () => {
    const pdf = await fetch(`${running.url}/inspection/pack?format=pdf`, { headers: { cookie: await cookieOf(officer) } });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    mkdirSync(SCREENS, { recursive: true });
    writeFileSync(join(SCREENS, 'inspection-pack.pdf'), bytes);
    const page = await openPage(running, councillor, '/inspection/pack');
    const body = (await page.textContent('body')) ?? '';
    assert.match(body, /Annex A lists/);
    assert.match(body, /List 10: Adoption/);
    assert.doesNotMatch(body, /AA0\d{5}/, 'no child is named');
    const j = journey(await annexARecords(store, [1, 3, 4, 5, 7, 8, 9]), AS_OF, 6);
    const small = j.reached.find((n) => n >= 1 && n <= 5);
    if (small !== undefined) assert.match(body, /<6/);
    // The pack's Sankey charts (SVG drawn on the server) are labelled with the table's own cells.
    for (const months of [6, 12]) {
      const table = await page.locator(`table[data-journey="${months}"] tbody tr`).evaluateAll((rows) =>
        rows.flatMap((r) => {
          const [step, reached, , stopped] = [...r.querySelectorAll('td')].map((c) => c.textContent!.trim());
          return [`${step}: ${reached}`, ...(stopped ? [`No further step after ${step!.toLowerCase()}: ${stopped}`] : [])];
        }),
      );
      const drawn = await page.locator(`figure[data-journey="${months}"] svg text`).allTextContents();
      assertSameFigures(drawn.filter((t) => t.includes(': ')), table, `pack, ${months} months`);
    }
    assert.match(body, /82\.8%/);
    assert.match(body, /No published comparison/);
    await page.close();
  });

  test('councillor: the same figures with no child, counts of 1-5 as "<6"', async () => {
    const page = await openPage(running, councillor, '/inspection');
    assert.equal(await page.locator('[data-testid=drift]').count(), 0);
    assert.equal(await page.locator('[data-child]').count(), 0);
    const j = journey(await annexARecords(store, [1, 3, 4, 5, 7, 8, 9]), AS_OF, 12);
    const cells = await page.locator('[data-testid=journey-12-table] tbody tr td:first-of-type').allTextContents();
    // 1-5 as "<6"; a count withheld to protect one ("c") only where a small flow sits beside it.
    cells.forEach((c, i) => {
      const n = j.reached[i]!;
      assert.ok(n >= 1 && n <= 5 ? c.trim() === '<6' : [formatNumber(n), SECONDARY_TEXT].includes(c.trim()), `step ${i}: ${c}`);
    });
    // The flows a councillor's chart carries: none of 1-5, and one for every flow computed.
    const api = await fetch(`${running.url}/api/inspection`, { headers: { cookie: await cookieOf(councillor) } });
    const drawn = ((await api.json()) as { journeys: { months: number; sankey: { links: { value: number | null }[] } }[] }).journeys.find((x) => x.months === 12)!.sankey;
    assert.equal(drawn.links.length, j.links.length);
    for (const l of drawn.links) assert.ok(l.value === null || l.value === 0 || l.value > 5, JSON.stringify(l));
    assertSameFigures(await chartLabels(page, 12), await journeyLabels(page, 12), 'councillor, 12 months');
    await screenshot(page, 'inspection-councillor');
    await page.close();
  });

  test('officer: the regional export downloads from the page, degraded and audited with every child in it; refused to a councillor; the salt in no log', async () => {
    const page = await openPage(running, officer, '/inspection');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=regional-export]').click()]);
    const path = await download.path();
    await page.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path!);
    assert.deepEqual(wb.worksheets.map((w) => w.name), [...Array.from({ length: 11 }, (_, i) => `List ${i + 1}`), 'SEND List 1']);
    const records = await annexARecords(store, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ids = new Set([...records.map((r) => r.childId), ...(await annexARecords(store, [1], 'send')).map((r) => r.childId)]);
    const contacts = wb.getWorksheet('List 1')!;
    const header = (contacts.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const first = records.find((r) => r.list === 1)!;
    assert.equal(contacts.getRow(2).getCell(at('Child Unique ID')).value, hashedId(first.childId, SALT));
    let cells = 0;
    for (const ws of wb.worksheets) {
      const names = (ws.getRow(1).values as unknown[]).slice(1);
      assert.ok(!names.includes('Allocated Worker'), `${ws.name} names workers`);
      const dob = names.indexOf('Date of Birth') + 1;
      ws.eachRow((row, n) => {
        if (n === 1) return;
        for (const v of (row.values as unknown[]).slice(1)) {
          cells++;
          assert.ok(!(typeof v === 'string' && (ids.has(v) || /^(AA|LA|CL|AD|FAM)\d+$/.test(v) || /^[A-Z]{2}\d \d[A-Z]{2}$/.test(v))), `${ws.name} row ${n}: ${String(v)}`);
        }
        const born = dob > 0 ? row.getCell(dob).value : null;
        if (born) assert.equal((born as Date).getUTCDate(), 1, `${ws.name} row ${n}: born ${String(born)}`);
      });
    }
    assert.ok(cells > 1000);
    const { rows } = await sql<{ n: number }>`SELECT returned_count AS n FROM audit_log WHERE route = '/inspection/annex-a-export.xlsx' AND role = 'officer' ORDER BY id DESC LIMIT 1`.execute(store.db);
    assert.equal(rows[0]?.n, ids.size, 'the audit log names every child exported');
    const refused = await fetch(`${running.url}/inspection/annex-a-export.xlsx`, { headers: { cookie: await cookieOf(councillor) } });
    assert.equal(refused.status, 403);
    const councillorPage = await openPage(running, councillor, '/inspection');
    assert.equal(await councillorPage.locator('[data-testid=regional-export]').count(), 0);
    await councillorPage.close();
    assert.ok(log.length > 0, 'the server logged');
    assert.ok(!log.includes(SALT), 'the salt is not in the server log');
    const audit = await sql<{ t: string }>`SELECT string_agg(url || ' ' || coalesce(returned_ids::text, ''), ' ') AS t FROM audit_log`.execute(store.db);
    assert.ok(!String(audit.rows[0]?.t).includes(SALT), 'nor in the audit log');
  });

  test('the EHCP page takes its plan figures from Annex A SEND List 1 while no SEN2 is loaded, and says so', async () => {
    const page = await openPage(running, councillor, '/ehcp');
    assert.match((await page.locator('[data-testid=plans-source]').textContent()) ?? '', /Annex A SEND List 1 \(EHC plans\), imported .* no SEN2 return or case-system plans are loaded yet/);
    // Two plans of 1-5: withheld from a councillor, as every count.
    assert.match((await page.locator('[data-testid=plans-by-need]').textContent()) ?? '', /Autistic spectrum disorder\s*<6/);
    await page.close();
  });
});
