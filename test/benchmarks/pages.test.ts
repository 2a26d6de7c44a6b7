// Official benchmarks where a figure is shown, in headless Chromium as an officer and a councillor:
// the EHC plan timeliness cards carry England, the region, the neighbours, rank and quartile from
// the DfE's real file; the indicator page charts every authority (ours marked) and the
// neighbours over the years; the settings page is the admin's alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { importFiles } from '../../src/importers/index.ts';
import { importNeighbours } from '../../src/importers/neighbours.ts';
import { benchmarksFor, setCouncilIdentity } from '../../src/store/benchmarks.ts';
import { indicatorById } from '../../src/core/indicators/index.ts';
import { formatNumber } from '../../src/server/format.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, seedWebData } from '../web/fixtures.ts';
import { contextAs, launchBrowser, openPage, screenshot, startTestServer, type RunningApp } from '../web/harness.ts';

const DIR = join(import.meta.dirname, '../fixtures/ees');
let store: Store;
let running: RunningApp;
let browser: Browser;

before(async () => {
  store = await openTestStore();
  await seedWebData(store);
  const result = await importFiles(store, [{ name: 'ehcp.csv', path: join(DIR, 'ehcp_timeliness_20_week.csv') }], { user: 'test' });
  assert.equal(result.status, 'accepted');
  await importNeighbours(store, { name: 'sn.csv', path: join(DIR, 'statistical_neighbours_wide.csv') }, 2024);
  await setCouncilIdentity(store, { oldLaCode: '877', newLaCode: 'E06000007' }, 'test');
  running = await startTestServer({ store, asOf: AS_OF });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await running?.close();
  await store?.close();
});

const text = async (page: import('playwright-core').Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('EHC plan timeliness cards', () => {
  for (const role of ['officer', 'councillor'] as const) {
    test(`${role}: every timeliness card shows England, region, neighbours, rank and quartile for calendar year 2024`, async () => {
      const context = await contextAs(browser, running, role);
      const page = await openPage(running, context, '/?period=quarter');
      for (const id of ['ehcp_20wk_excl', 'ehcp_20wk_incl']) {
        const b = (await benchmarksFor(store, [indicatorById(id)!], '2025-04-01')).get(id)!;
        const card = `[data-indicator=${id}] [data-testid=benchmarks]`;
        await page.locator(card).first().waitFor();
        const shown = await text(page, `${card} >> nth=0`);
        assert.match(shown, /Published for calendar year 2024 \(a calendar year, not a financial year\)/);
        assert.match(shown, new RegExp(`England: ${formatNumber(b.england, 'percent').replace('.', '\\.')}`));
        assert.match(shown, new RegExp(`North West: ${formatNumber(b.region, 'percent').replace('.', '\\.')}`));
        assert.match(shown, new RegExp(`Statistical neighbours \\(average of 10\\): ${formatNumber(b.neighbours, 'percent').replace('.', '\\.')}`));
        assert.match(shown, new RegExp(`Warrington \\(published by the DfE\\): ${formatNumber(b.published, 'percent').replace('.', '\\.')}`));
        assert.match(shown, new RegExp(`Rank: ${b.rank}(st|nd|rd|th) of ${b.ranked}`));
        assert.match(shown, new RegExp(`Quartile: ${b.quartile} \\(`));
        assert.match(shown, /Ours for calendar year 2024 \(csinsight\):/);
      }
      if (role === 'officer') {
        await page.locator('[data-indicator=ehcp_20wk_excl]').first().screenshot({ path: '/tmp/screens/ees-card.png' });
      }
      await context.close();
    });
  }
});

describe('the indicator page', () => {
  test('charts every authority with ours marked, and the neighbours over the years', async () => {
    const context = await contextAs(browser, running, 'councillor');
    const page = await openPage(running, context, '/indicators/ehcp_20wk_excl?period=quarter');
    await page.locator('[data-testid=authorities-chart][data-rendered=true] canvas').waitFor();
    await page.locator('[data-testid=neighbours-chart][data-rendered=true] canvas').waitFor();
    assert.equal(await page.locator('[data-testid=authorities] tbody tr').count(), 153);
    assert.equal(await page.locator('[data-testid=authorities] tbody tr', { hasText: 'Warrington (this council)' }).count(), 1);
    assert.equal(await page.locator('[data-testid=authorities] tbody tr', { hasText: '(statistical neighbour)' }).count(), 10);
    assert.deepEqual(
      await page.locator('[data-testid=benchmark-history] tbody th').allTextContents(),
      ['calendar year 2019', 'calendar year 2020', 'calendar year 2021', 'calendar year 2022', 'calendar year 2023', 'calendar year 2024'],
    );
    assert.equal(await page.locator('[data-testid=neighbours] tbody tr').count(), 10);
    assert.match(await text(page, '[data-testid=rank]'), /of 150/);
    await screenshot(page, 'ees-indicator');
    await context.close();
  });
});

describe('benchmark settings', () => {
  test('the admin sees and changes the council; an officer may not', async () => {
    const officer = await contextAs(browser, running, 'officer');
    const refused = await (await officer.newPage()).goto(`${running.url}/admin/benchmarks`);
    assert.equal(refused?.status(), 403);
    await officer.close();
    const admin = await contextAs(browser, running, 'admin');
    const page = await openPage(running, admin, '/admin/benchmarks');
    await page.fill('#oldLaCode', '877');
    await page.fill('#newLaCode', 'E08000009');
    await page.click('text=Save the council');
    assert.match(await text(page, '.govuk-error-summary'), /not the same authority/);
    await page.fill('#oldLaCode', '358');
    await page.click('text=Save the council');
    assert.match(await text(page, '.govuk-notification-banner'), /The council has been saved/);
    assert.match(await text(page, '.govuk-summary-list'), /Trafford/);
    await setCouncilIdentity(store, { oldLaCode: '877', newLaCode: 'E06000007' }, 'test');
    await admin.close();
  });
});
