// The voice of the child page and the action plan's "What children and young people told us"
// panels in headless Chromium, as an officer and as a councillor, over the hand-made fixture
// (test/fixtures/voice/feedback.csv; figures worked out in test/queries/voice.test.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/core/access.ts';
import { importFiles } from '../../src/importers/index.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { FEEDBACK_HEADER, loadVoiceFixture, VOICE_AS_OF } from '../fixtures/voice/index.ts';
import { signIn } from '../helpers-auth.ts';
import { contextAs, launchBrowser, screenshot, startTestServer, type RunningApp } from './harness.ts';

let store: Store;
let running: RunningApp;
let browser: Browser;
const pages = {} as Record<'officer' | 'councillor', Page>;

before(async () => {
  store = await openTestStore();
  await loadVoiceFixture(store);
  await computeIndicators(store, { asOf: VOICE_AS_OF });
  running = await startTestServer({ store, asOf: VOICE_AS_OF });
  browser = await launchBrowser();
  for (const role of ['officer', 'councillor'] as const) pages[role] = await (await contextAs(browser, running, role)).newPage();
});

after(async () => {
  await browser?.close();
  await running?.close();
  await store?.close();
});

async function open(role: Role & keyof typeof pages, path: string): Promise<Page> {
  const page = pages[role];
  const response = await page.goto(`${running.url}${path}`);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  return page;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

describe('voice of the child page', () => {
  test('an officer sees exact counts, the charts drawn, every quote and you said, we did', async () => {
    const page = await open('officer', '/voice');
    assert.equal(await page.locator('.council-subnav a[href="/voice"]').textContent().then((t) => t?.trim()), 'Voice of the child');
    const totals = await text(page, '[data-testid=voice-totals]');
    assert.match(totals, /Children and young people heard 79 Pieces of feedback 8 Answered: "you said, we did" 50\.0% 4 of 8/);
    for (const chart of ['priority-data', 'theme-data', 'sentiment-data']) await page.locator(`[data-chart=${chart}][data-rendered=true] canvas`).waitFor();
    const quarters = page.locator('[data-testid=priority-over-time] tbody tr');
    assert.equal(await quarters.count(), 8);
    assert.deepEqual((await quarters.last().locator('th, td').allTextContents()).map((t) => t.trim()), ['2024-25 Q4', '14', '44']);
    assert.match(await text(page, '[data-testid=voice-theme] tbody tr'), /^Money and cost of living 50$/);
    assert.match(await text(page, '[data-testid=voice-sentiment] tbody'), /Positive 51 Mixed 22 Negative 6 Not recorded 0/);
    const responses = page.locator('[data-testid=you-said-we-did] > li');
    assert.equal(await responses.count(), 4);
    assert.match((await responses.first().textContent()) ?? '', /hard to understand[\s\S]*Youth council, Mar 2025[\s\S]*We did: We rewrote the letters/);
    assert.match(await text(page, '[data-voice=P2]'), /brothers and sisters/, 'an officer sees the quote from the children in care council');
    assert.match(await text(page, '[data-indicator=voice_answered_3m]'), /100\.0%/);
    // The panels count the voice page's 12 months, not the quarter its indicator cards are for.
    assert.match(await text(page, '[data-voice=P1] [data-testid=voice-counts]'), /^In the 12 months to 31 March 2025, /);
    await screenshot(page, 'voice-officer');
  });

  test('a councillor sees 1-5 as "<6", no quote from a group under 6, no month beside a quote', async () => {
    const page = await open('councillor', '/voice');
    const totals = await text(page, '[data-testid=voice-totals]');
    assert.match(totals, /heard 79 Pieces of feedback 8 Answered: "you said, we did" Withheld \(small numbers\) <6 of 8/);
    assert.match(await text(page, '[data-testid=voice-theme]'), /Contact with family and friends <6/);
    assert.match(await text(page, '[data-testid=voice-sentiment] tbody'), /Negative 6/, 'six is shown');
    const body = (await page.locator('main').textContent()) ?? '';
    assert.ok(!body.includes('brothers and sisters'), 'V02: four voices on family contact');
    assert.ok(!body.includes('Nobody asked me'), 'V04: one voice on being listened to');
    assert.match(await text(page, '[data-voice=P1] [data-testid=voice-quotes]'), /^“I waited too long/);
    assert.doesNotMatch(await text(page, '[data-voice=P1] [data-testid=voice-quotes]'), /Mar 2025/);
    await page.locator('[data-chart=priority-data][data-rendered=true] canvas').waitFor();
    await screenshot(page, 'voice-councillor');
  });

  test('a response to a small group: the councillor reads what was done, not what was said', async () => {
    const row = 'V02,05/02/2025,children_in_care_council,P2,FAMILY_CONTACT,negative,10_TO_15,Y,4,We want more say in when we see our brothers and sisters.,Sibling time is now planned with you at your review.,10/03/2025,';
    const result = await importFiles(store, [{ name: 'v02.csv', content: `${FEEDBACK_HEADER}\n${row}\n` }], { user: 'officer' });
    assert.equal(result.status, 'accepted', JSON.stringify(result.errors));
    const page = await open('councillor', '/voice');
    const entry = page.locator('[data-testid=you-said-we-did] > li', { hasText: 'Sibling time' });
    assert.match((await entry.textContent()) ?? '', /Feedback about contact with family and friends \(not quoted[\s\S]*We did: Sibling time/);
    assert.ok(!((await page.locator('main').textContent()) ?? '').includes('brothers and sisters'));
    const officer = await open('officer', '/voice');
    assert.match((await officer.locator('[data-testid=you-said-we-did] > li', { hasText: 'Sibling time' }).textContent()) ?? '', /brothers and sisters/);
  });
});

describe('action plan', () => {
  test('each priority has its panel beside its actions: officer', async () => {
    const page = await open('officer', '/actions');
    const p1 = page.locator('[data-voice=P1]');
    assert.match(await text(page, '[data-voice=P1] [data-testid=voice-counts]'), /In the 12 months to 31 March 2025, 25 children and young people gave 5 pieces of feedback on this priority\. 2 have had/);
    assert.deepEqual(
      (await p1.locator('[data-testid=voice-themes] li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
      ['Support for special educational needs: 16', 'Information about my plan and rights: 12', 'School and education: 8', 'Being listened to: 1'],
    );
    const quotes = await p1.locator('[data-testid=voice-quote]').allTextContents();
    assert.equal(quotes.length, 3);
    assert.match(quotes[0]!, /Nobody asked me[\s\S]*Advocacy, Mar 2025/);
    // The panel follows its priority's table.
    const follows = await page.evaluate(() => document.querySelector('#priority-P1')?.closest('.council-table-scroll')?.nextElementSibling?.getAttribute('data-voice'));
    assert.equal(follows, 'P1');
    await page.locator('[data-voice=P1]').scrollIntoViewIfNeeded();
    await screenshot(page, 'actions-voice-officer');
  });

  test('councillor: counts of 1-5 as "<6" and only quotes from groups of 6 or more', async () => {
    const page = await open('councillor', '/actions');
    assert.match(await text(page, '[data-voice=P1] [data-testid=voice-counts]'), /25 children and young people gave <6 pieces of feedback/);
    assert.match(await text(page, '[data-voice=P1] [data-testid=voice-themes]'), /Being listened to: <6/);
    const quotes = await page.locator('[data-voice=P1] [data-testid=voice-quote]').allTextContents();
    assert.deepEqual(quotes.map((q) => /“([^”]{0,20})/.exec(q)?.[1]), ['I waited too long fo', 'The letters about EH', 'The drop-in sessions']);
    assert.ok(!((await page.locator('main').textContent()) ?? '').includes('Nobody asked me'));
    await screenshot(page, 'actions-voice-councillor');
  });

  test('an action lists the feedback it answers, with its priority\'s panel', async () => {
    const page = await open('officer', '/actions/A2');
    assert.match(await text(page, '[data-testid=action-feedback]'), /The letters about EHC plans[\s\S]*We did: We rewrote the letters/);
    assert.equal(await page.locator('[data-voice=P1]').count(), 1);
    await screenshot(page, 'action-voice');
  });
});

describe('JSON API', () => {
  test('/api/voice: exact numbers for an officer; "<6" and only quotes from groups of 6 for a councillor', async () => {
    const get = async (role: Role) => (await (await signIn(running.app, role)).inject({ method: 'GET', url: '/api/voice' })).json();
    const officer = await get('officer');
    assert.deepEqual([officer.from, officer.to, officer.items, officer.voices], ['2024-04-01', VOICE_AS_OF, 8, 79]);
    assert.deepEqual(officer.priorities.P1.quotes.map((q: { text: string }) => q.text.slice(0, 10)), ['Nobody ask', 'I waited t', 'The letter']);
    const councillor = await get('councillor');
    assert.deepEqual([councillor.items, councillor.voices, councillor.responded], ['8', '79', '<6']);
    assert.deepEqual(councillor.byTheme.find((t: { key: string }) => t.key === 'BEING_HEARD'), { key: 'BEING_HEARD', label: 'Being listened to', items: '<6', voices: '<6' });
    assert.deepEqual(councillor.priorities.P1.quotes.map((q: { text: string }) => q.text.slice(0, 10)), ['I waited t', 'The letter', 'The drop-i']);
    assert.ok(!JSON.stringify(councillor).includes('Nobody asked me'));
  });
});
