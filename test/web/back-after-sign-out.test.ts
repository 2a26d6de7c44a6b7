// Issue 12, as the tester found it: an officer signs out in Chromium and presses Back. The list of
// missing children must not come back from the browser's cache: case-level pages are no-store.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { queryAudit } from '../../src/store/audit-log.ts';
import type { Store } from '../../src/store/open.ts';
import { ensureTestUser, TEST_PASSWORD } from '../helpers-auth.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, seed } from '../security/fixture.ts';
import { launchBrowser, startTestServer, type RunningApp } from './harness.ts';

let store: Store;
let running: RunningApp;
let browser: Browser;

before(async () => {
  store = await openTestStore();
  await seed(store);
  running = await startTestServer({ store, asOf: AS_OF });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await running?.close();
  await store?.close();
});

test('signed out, Back does not bring the missing children back', async () => {
  const username = await ensureTestUser(running.app, 'officer');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${running.url}/sign-in?returnTo=/missing`);
  await page.fill('#username', username);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${running.url}/missing`), page.click('button[type=submit]')]);

  const [entry] = await queryAudit(store, { username, event: 'view', limit: 1 });
  const children = entry?.returnedIds.child ?? [];
  assert.ok(children.length >= 5, 'the page listed children');
  assert.ok((await page.content()).includes(children[0]!), 'the officer sees them');

  await Promise.all([page.waitForURL(/\/sign-in\?signedOut=1/), page.click('button.council-user__sign-out')]);
  await page.goBack();
  await page.waitForLoadState();
  const html = await page.content();
  assert.deepEqual(children.filter((id) => html.includes(id)), [], 'no child id is on the page after Back');
  assert.match(html, /You need to sign in/);
  await context.close();
});
