// The front-door and early help pages in headless Chromium over the real server, on the
// generator's small-scale CIN census and early help data: what an officer sees (exact counts,
// children to follow up) and what a councillor sees (1-5 as "<6", no child).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generate } from '../../src/generate/index.ts';
import { csvFilesUnder, importFiles } from '../../src/importers/index.ts';
import { formatNumber } from '../../src/server/format.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { earlyHelpPicture, returnsAfterEarlyHelp } from '../../src/store/queries/earlyHelp.ts';
import { frontDoorTotals, overdueAssessments, referralSourceChange } from '../../src/store/queries/frontDoor.ts';
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
  const dir = mkdtempSync(join(tmpdir(), 'csinsight-front-door-web-'));
  try {
    await generate({ scale: 'small', seed: 5, outDir: dir, asOf: AS_OF });
    const files = csvFilesUnder(dir).filter((f) => /cin_census|early_help|benchmarks/.test(f.name));
    const result = await importFiles(store, files, { user: 'test' });
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
const cells = async (page: Page, selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.trim());

describe('front door page', () => {
  test('officer: headline figures, referrals by source with the fire service, benchmarks and late assessments', async () => {
    const page = await open(officer, '/front-door');
    const totals = await frontDoorTotals(store, WINDOW);
    assert.equal(await text(page, '[data-testid=referrals]'), formatNumber(totals.referrals));
    assert.equal(await text(page, '[data-testid=in-time]'), formatNumber((100 * totals.assessmentsInTime) / totals.assessmentsCompleted, 'percent'));
    await page.locator('[data-chart=source-data][data-rendered=true] canvas').waitFor();
    const change = await referralSourceChange(store, { asOf: AS_OF });
    assert.ok(change.some((c) => c.source === 'FIRE'), 'the generator has fire service referrals');
    assert.equal(await text(page, '[data-testid=source-change] tr[data-source=FIRE] th'), 'Fire and rescue service');
    const card = page.locator('[data-indicator=referrals_per_10k]');
    assert.match((await card.textContent()) ?? '', /Financial year 2025-26/);
    assert.match((await card.textContent()) ?? '', /England:\s*[\d.,]+/);
    assert.match((await card.textContent()) ?? '', /Statistical neighbours:\s*[\d.,]+/);
    const overdue = await overdueAssessments(store, { asOf: AS_OF });
    assert.equal(await page.locator('[data-testid=overdue-assessments] tr[data-child]').count(), overdue.length);
    assert.ok((await page.locator('[data-testid=repeat-referrals] tr[data-child]').count()) > 0, 'some child was referred twice');
    // The navigation leads here.
    assert.equal((await page.locator('.council-subnav a[href="/front-door"]').textContent())?.trim(), 'Front door');
    await screenshot(page, 'front-door-officer');
    await page.close();
  });

  test('councillor: the same figures, counts of 1-5 as "<6", and no child', async () => {
    const page = await open(councillor, '/front-door');
    const officerPage = await open(officer, '/front-door');
    const shown = await cells(page, '[data-testid=source-change] tbody td.govuk-table__cell--numeric');
    const exact = await cells(officerPage, '[data-testid=source-change] tbody td.govuk-table__cell--numeric');
    assert.equal(shown.length, exact.length);
    let small = 0;
    exact.forEach((e, i) => {
      const n = Number(e.replace(/,/g, ''));
      // "c": withheld so that a "<6" cannot be worked out (or, where no other count could protect
      // one, every count of its group, small ones too).
      if (n >= 1 && n <= 5) {
        small++;
        assert.ok(['<6', 'c'].includes(shown[i]!));
      } else if (shown[i] !== 'c') assert.equal(shown[i], e);
    });
    assert.ok(small > 0, 'the small-scale data has a source with 1 to 5 referrals');
    assert.equal(await page.locator('[data-child]').count(), 0);
    const html = await page.content();
    assert.doesNotMatch(html, /CN\d{7}|EH\d{7}/, 'no child id');
    assert.match(html, /available to officers only/);
    await page.locator('[data-chart=source-data][data-rendered=true] canvas').waitFor();
    await screenshot(page, 'front-door-councillor');
    await page.close();
    await officerPage.close();
  });
});

describe('indicator pages', () => {
  test('referrals break down by source, the fire service by name, for officers and councillors', async () => {
    for (const context of [officer, councillor]) {
      const page = await open(context, '/indicators/referrals?period=year&by=referral_source');
      assert.match((await page.content()) ?? '', /Fire and rescue service/);
      await page.close();
    }
    const page = await open(officer, '/indicators/referrals_per_10k?period=quarter');
    assert.match((await page.textContent('body')) ?? '', /Referrals per 10,000 children/);
    await page.close();
  });
});

describe('early help page', () => {
  test('officer: children helped now, endings and the children referred after help ended well', async () => {
    const page = await open(officer, '/early-help');
    const picture = await earlyHelpPicture(store, { asOf: AS_OF });
    assert.equal(await text(page, '[data-testid=open]'), formatNumber(picture.openChildren));
    assert.equal(await text(page, '[data-testid=started]'), formatNumber(picture.started));
    await page.locator('[data-chart=monthly-data][data-rendered=true] canvas').waitFor();
    const outcomes = await cells(page, '[data-testid=table-outcome] tbody th');
    assert.deepEqual(outcomes, picture.endedByOutcome.map((o) => o.label));
    const returns = await returnsAfterEarlyHelp(store, { from: picture.from, to: AS_OF });
    assert.equal(await page.locator('[data-testid=returns] tr[data-child]').count(), returns.length);
    assert.ok((await page.locator('[data-indicator=early_help_needs_met]').count()) === 1);
    await screenshot(page, 'early-help-officer');
    await page.close();
  });

  test('councillor: aggregates only, small counts suppressed', async () => {
    const page = await open(councillor, '/early-help');
    const picture = await earlyHelpPicture(store, { asOf: AS_OF });
    const agencies = await cells(page, '[data-testid=table-agency] tbody td');
    // "c": withheld as well, so that a "<6" cannot be worked out from the rest.
    picture.openByAgency.forEach((a, i) => assert.ok(agencies[i] === (a.count >= 1 && a.count <= 5 ? '<6' : String(a.count)) || (a.count > 5 && agencies[i] === 'c')));
    assert.equal(await page.locator('[data-child], [data-testid=returns]').count(), 0);
    assert.doesNotMatch(await page.content(), /CN\d{7}|EH\d{7}|EHE\d{7}/);
    await screenshot(page, 'early-help-councillor');
    await page.close();
  });

  test('the JSON API gives councillors published counts and refuses them the case lists', async () => {
    const c = await councillor.request.get(`${running.url}/api/early-help`);
    assert.equal(c.status(), 200);
    const body = (await c.json()) as { totals: { open: string } };
    assert.equal(typeof body.totals.open, 'string');
    assert.equal((await councillor.request.get(`${running.url}/api/early-help/returns`)).status(), 403);
    assert.equal((await councillor.request.get(`${running.url}/api/front-door/overdue-assessments`)).status(), 403);
    assert.equal((await officer.request.get(`${running.url}/api/front-door/overdue-assessments`)).status(), 200);
  });
});
