// The Child protection page in headless Chromium over the real server, on the generator's
// small-scale CIN census XML: what an officer sees (exact counts, late conferences and overdue
// reviews by child) and what a councillor sees (1-5 as "<6", no child).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveWithheld, SECONDARY_TEXT } from '../../src/core/suppression.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generate } from '../../src/generate/index.ts';
import { csvFilesUnder, importFiles, xmlFilesUnder } from '../../src/importers/index.ts';
import { formatNumber } from '../../src/server/format.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { childProtectionTotals, lateConferences, openPlansByCategory, overdueReviews } from '../../src/store/queries/childProtection.ts';
import { openTestStore } from '../helpers.ts';
import { openPage, screenshot, startSessions, type RunningApp, type Sessions } from './harness.ts';

const AS_OF = '2026-03-31';
const WINDOW = { from: '2025-04-01', to: AS_OF };

let store: Store;
let sessions: Sessions;
let running: RunningApp;
let officer: BrowserContext;
let councillor: BrowserContext;

before(async () => {
  store = await openTestStore();
  const dir = mkdtempSync(join(tmpdir(), 'csinsight-child-protection-web-'));
  try {
    await generate({ scale: 'small', seed: 5, outDir: dir, asOf: AS_OF });
    const population = csvFilesUnder(dir).filter((f) => /population|benchmarks/.test(f.name));
    const result = await importFiles(store, [...population, ...xmlFilesUnder(dir)], { user: 'test' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors.slice(0, 3)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await computeIndicators(store, { asOf: AS_OF });
  sessions = await startSessions({ store, asOf: AS_OF });
  ({ running, officer, councillor } = sessions);
});

after(async () => {
  await sessions?.close();
  await store?.close();
});

const open = (context: BrowserContext, path: string) => openPage(running, context, path);
const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.trim();

describe('child protection page', () => {
  test('officer: headline figures, plans by category, the seven indicators, late conferences and overdue reviews by child', async () => {
    const page = await open(officer, '/child-protection');
    const totals = await childProtectionTotals(store, WINDOW);
    assert.ok(totals.s47 > 5 && totals.plansStarted > 5, JSON.stringify(totals));
    assert.equal(await text(page, '[data-testid=s47]'), formatNumber(totals.s47));
    assert.equal(await text(page, '[data-testid=plans-started]'), formatNumber(totals.plansStarted));
    assert.equal(await text(page, '[data-testid=icpc-in-time]'), formatNumber((100 * totals.icpcsInTime) / totals.icpcs, 'percent'));
    const categories = await openPlansByCategory(store, { asOf: AS_OF });
    for (const c of categories) assert.equal(await text(page, `[data-testid=plans-by-category] [data-category=${c.category}] td`), formatNumber(c.count));
    for (const id of ['children_in_need_per_10k', 's47_per_10k', 'icpc_15_days', 'cp_plans_per_10k', 'cp_second_plan', 'cp_two_years', 'cp_reviews_on_time']) {
      assert.equal(await page.locator(`[data-indicator=${id}]`).count(), 1, id);
    }
    const late = await lateConferences(store, { from: WINDOW.from, asOf: AS_OF });
    const reviews = await overdueReviews(store, { asOf: AS_OF });
    assert.ok(late.length > 0, 'the generator makes some late conferences');
    assert.equal(await page.locator('[data-testid=late-conferences] [data-child]').count(), late.length);
    assert.equal(await page.locator('[data-testid=overdue-reviews] [data-child]').count(), reviews.length);
    await screenshot(page, 'child-protection-officer');
    await page.close();
  });

  test('councillor: the same figures with counts of 1-5 as "<6" (none to be worked out from the total), and no child', async () => {
    const page = await open(councillor, '/child-protection');
    const categories = await openPlansByCategory(store, { asOf: AS_OF });
    const shown: string[] = [];
    for (const c of categories) {
      const cell = (await text(page, `[data-testid=plans-by-category] [data-category=${c.category}] td`)) ?? '';
      shown.push(cell);
      if (c.count >= 1 && c.count <= 5) assert.equal(cell, '<6', c.category);
      else assert.ok(cell === formatNumber(c.count) || cell === SECONDARY_TEXT, `${c.category}: ${cell}`);
    }
    // What a reader knows from the page (the plans open and each category), as the auditor sees it.
    const total = (await text(page, '[data-testid=plans-open]')) ?? '';
    const read = (cell: string) => (cell === '<6' ? { min: 1, max: 5 } : cell === SECONDARY_TEXT ? { min: 0, max: Infinity } : { value: Number(cell.replace(/,/g, '')) });
    const derived = deriveWithheld([read(total), ...shown.map(read)], [{ total: 0, members: categories.map((_, i) => i + 1) }]);
    assert.deepEqual([...derived.keys()], [], 'no withheld count can be worked out from the plans open');
    assert.equal(await page.locator('[data-child]').count(), 0);
    const html = await page.content();
    assert.doesNotMatch(html, /CN\d{7}/, 'no child id');
    assert.match(html, /available to officers only/);
    await screenshot(page, 'child-protection-councillor');
    await page.close();
  });

  test('Social care lists the page for both', async () => {
    for (const context of [officer, councillor]) {
      const page = await open(context, '/front-door');
      assert.equal(await page.locator('.council-subnav a[href="/child-protection"]').count(), 1);
      await page.close();
    }
  });
});
