// The import page with the DfE's XML returns in headless Chromium: files dropped on the form (a
// SEN2 return and a workforce census) are listed, the year question goes while only XML is
// chosen, both are imported in one run, and their figures appear on the EHCP and workforce pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { contextAs, launchBrowser, screenshot, startTestServer, type RunningApp } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const SEN2 = readFileSync(join(FIXTURES, 'sen2-xml/sen2_2025.xml'), 'utf8');
const CSWW = readFileSync(join(FIXTURES, 'csww-xml/csww_2024.xml'), 'utf8');

let store: Store;
let running: RunningApp;
let browser: Browser;
let page: Page;

before(async () => {
  store = await openTestStore();
  running = await startTestServer({ store, asOf: '2025-01-16' });
  browser = await launchBrowser();
  page = await (await contextAs(browser, running, 'officer')).newPage();
});
after(async () => {
  await browser?.close();
  await running?.close();
  await store?.close();
});

test('files dropped on the form: listed, no year asked for XML, imported together, shown on the pages', async () => {
  await page.goto(`${running.url}/import`);
  assert.equal(await page.locator('#year').isVisible(), true);
  await page.evaluate(([sen2, csww]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([sen2!], 'sen2_2025.xml', { type: 'application/xml' }));
    dt.items.add(new File([csww!], 'csww_2024.xml', { type: 'application/xml' }));
    document.getElementById('import-form')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [SEN2, CSWW]);
  await page.locator('[data-testid=import-chosen] li').nth(1).waitFor();
  assert.deepEqual(await page.locator('[data-testid=import-chosen] li').allTextContents(), ['sen2_2025.xml', 'csww_2024.xml']);
  assert.equal(await page.locator('#year').isVisible(), false, 'the XML Headers give the year');
  await screenshot(page, 'import-xml-dropped');
  await Promise.all([page.waitForURL(/\/import\/runs\/\d+/), page.click('#import-button')]);
  await page.locator('[data-testid=import-accepted]').waitFor();
  const files = (await page.locator('[data-testid=import-files]').textContent()) ?? '';
  assert.match(files, /sen2_2025\.xml[\s\S]*SEN2 \(XML\)/);
  assert.match(files, /csww_2024\.xml[\s\S]*Social work workforce census \(XML\)/);

  // A CSV chosen again brings the year question back, as does the SSDA903 XML export (told by its root element).
  await page.goto(`${running.url}/import`);
  await page.setInputFiles('#files', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('a\n') });
  assert.equal(await page.locator('#year').isVisible(), true);
  await page.setInputFiles('#files', { name: 'sen2.xml', mimeType: 'application/xml', buffer: Buffer.from(SEN2) });
  await page.locator('#year').waitFor({ state: 'hidden' });
  await page.setInputFiles('#files', { name: 'return.xml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?>\n<EXPSSDA903><CHILD/></EXPSSDA903>\n') });
  await page.locator('#year').waitFor({ state: 'visible' });

  await page.goto(`${running.url}/ehcp`);
  assert.match((await page.locator('[data-testid=plans-by-setting]').textContent()) ?? '', /Special school: academy or free school\s*1/);
  assert.match((await page.locator('[data-testid=plans-ceased]').textContent()) ?? '', /paid employment[^\n]*\s*1/);
  assert.match((await page.locator('[data-testid=annual-reviews]').textContent()) ?? '', /100\.0%/);
  await screenshot(page, 'ehcp-plans');
  await page.goto(`${running.url}/workforce`);
  const row = (await page.locator('[data-testid=csww-measures] tr[data-year="2024"]').textContent()) ?? '';
  assert.match(row, /2024\s*2\.5\s*32\.0%\s*76\.2%\s*80\.0%\s*6\.4\s*33\.3%\s*19\.2/);
  await screenshot(page, 'workforce-census');
});
