// What a first-time user meets: the demo's sign-in page says what each role may do, dates are typed
// in GOV.UK's day, month and year boxes (and read back as one date), and a wrong date is explained.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { roleAbilities, ROLES } from '../../src/core/access.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, seedWebData } from './fixtures.ts';
import { contextAs, launchBrowser, screenshot, startTestServer, type RunningApp } from './harness.ts';

let store: Store;
let running: RunningApp;
let demo: RunningApp;
let browser: Browser;
let officer: BrowserContext;

before(async () => {
  store = await openTestStore();
  await seedWebData(store);
  running = await startTestServer({ store, asOf: AS_OF });
  demo = await startTestServer({ store, asOf: AS_OF, demo: true });
  browser = await launchBrowser();
  officer = await contextAs(browser, running, 'officer');
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await running?.close();
  await store?.close();
});

test("the demo's sign-in page lists each role's account and what it may do; a council's does not", async () => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/`);
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'the front door is the sign-in form');
  const rows = page.locator('[data-testid=demo-roles] .govuk-summary-list__row');
  assert.equal(await rows.count(), ROLES.length);
  const councillor = (await rows.filter({ hasText: 'demo.councillor' }).textContent()) ?? '';
  assert.match(councillor, /see the indicators/);
  assert.doesNotMatch(councillor, /individual children/);
  assert.match((await rows.filter({ hasText: 'demo.manager' }).textContent()) ?? '', /approve commentary/);
  assert.ok(roleAbilities('officer').some((a) => /individual children/.test(a)));
  await screenshot(page, 'sign-in-demo');
  await page.goto(`${running.url}/sign-in`);
  assert.equal(await page.locator('[data-testid=demo-roles]').count(), 0);
  await page.close();
});

test('committee action due date: typed in day, month and year boxes, stored as one date; 31 February is refused beside the boxes', async () => {
  const page = await officer.newPage();
  await page.goto(`${running.url}/committee/C1`);
  assert.equal(await page.locator('input[type=date]').count(), 0, "no browser date picker");
  assert.equal(await page.inputValue('#dueDate-day'), '1');
  assert.equal(await page.inputValue('#dueDate-month'), '3');
  assert.equal(await page.inputValue('#dueDate-year'), '2025');
  await page.fill('#dueDate-day', '30');
  await page.fill('#dueDate-month', '4');
  await Promise.all([page.waitForURL(/updated=1/), page.click('button:has-text("Save changes")')]);
  const row = await store.db.selectFrom('committee_action').select('due_date').where('committee_action_id', '=', 'C1').executeTakeFirstOrThrow();
  assert.equal(row.due_date, '2025-04-30');

  await page.fill('#dueDate-day', '31');
  await page.fill('#dueDate-month', '2');
  await page.click('button:has-text("Save changes")');
  assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter a real date, with a day, month and year/);
  assert.match((await page.locator('#dueDate-error').textContent()) ?? '', /Enter a real date/);
  assert.equal(await page.inputValue('#dueDate-day'), '31', 'the boxes keep what was typed');
  await screenshot(page, 'committee-action-date-error');
  await page.close();
});

test('the reports page asks for dates in boxes and the paper is for the date typed', async () => {
  const page = await officer.newPage();
  await page.goto(`${running.url}/reports`);
  assert.equal(await page.locator('input[type=date]').count(), 0);
  await page.fill('#actions-meeting-day', '20');
  await page.fill('#actions-meeting-month', '3');
  await page.fill('#actions-meeting-year', '2025');
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/reports/actions')), page.click('[data-testid=actions-submit]')]);
  assert.equal(response.status(), 200);
  assert.match(await response.text(), /action plan update, 20 March 2025/);
  await page.close();
});
