// Plain words for councillors: every page a councillor can open (read from the server's route
// register, every indicator's page too) and the public committee paper, in Chromium over the real
// server and a small synthetic authority, carry none of the analysts' and the returns' words
// below, and every chart has one line under it saying what it shows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { INDICATORS } from '../../src/core/indicators/index.ts';
import { performanceReport } from '../../src/reports/index.ts';
import { openWorld, paramFiller, type World } from '../security/fixture.ts';
import { contextAs, launchBrowser, listenOnLoopback, type RunningApp } from './harness.ts';
import { pagesFor } from './every-page.ts';

/** Words a councillor should not meet, each with what it is. */
const JARGON: [RegExp, string][] = [
  [/\br\s?=\s?-?\d/, 'a correlation coefficient (r-value)'],
  [/\bnumerator\b|\bdenominator\b/i, 'numerator / denominator'],
  [/\bOC3\b|\bSSDA\s?903\b|\b903\b/, 'the name of a DfE return or its table'],
  [/\b(BOTH|CSE|CCE|NONE)\b/, 'an exploitation risk code'],
  [/\bG[456]\b|\bIN_TOUCH\b|\bACCOM\b/, 'a code of the care leavers return'],
  [/\b[A-Z]{2,}_[A-Z_]{2,}\b/, 'a code in capitals with underscores'],
  [/\bFading\b/, '"Fading" for a falling count'],
];

function jargonIn(text: string): string[] {
  return JARGON.filter(([re]) => re.test(text)).map(([re, what]) => `${what}: "${re.exec(text)![0]}" in "…${text.slice(Math.max(0, re.exec(text)!.index - 60), re.exec(text)!.index + 40)}…"`);
}

let world: World;
let running: RunningApp;
let browser: Browser;
let councillor: BrowserContext;
let fill: (url: string) => string;

before(async () => {
  world = await openWorld();
  running = await listenOnLoopback(world.app); // the world closes the app
  browser = await launchBrowser();
  councillor = await contextAs(browser, running, 'councillor');
  fill = await paramFiller(world.store);
});

after(async () => {
  await browser?.close();
  await world?.close();
});

test('no councillor page uses jargon, and every chart says what it shows', async () => {
  const pages = [
    ...pagesFor(world.app, 'councillor', fill).filter((p) => !p.startsWith('/indicators/')),
    // Every indicator's own page, broken down by each of its dimensions in turn.
    ...INDICATORS.flatMap((d) => (d.dimensions.length ? d.dimensions : [undefined]).map((by) => `/indicators/${d.id}?period=${d.periodTypes.includes('quarter') ? 'quarter' : d.periodTypes[0]}${by ? `&by=${by}` : ''}`)),
  ];
  const found: string[] = [];
  const page = await councillor.newPage();
  for (const path of pages) {
    const response = await page.goto(`${running.url}${path}`);
    if (response?.status() !== 200) continue; // pages a councillor may not open are the access tests' business
    const seen = await page.evaluate(() => {
      const labels = [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
      const charts = [...document.querySelectorAll('[data-chart], #trend-chart')].map((el) => {
        let next = el.nextElementSibling;
        while (next && next.tagName === 'SCRIPT') next = next.nextElementSibling;
        return { chart: el.getAttribute('data-chart') ?? el.id, noted: Boolean(next?.hasAttribute('data-chart-note')) };
      });
      return { text: [document.title, document.body.innerText, ...labels].join('\n'), charts };
    });
    for (const j of jargonIn(seen.text)) found.push(`${path}: ${j}`);
    for (const c of seen.charts.filter((x) => !x.noted)) found.push(`${path}: chart ${c.chart} has no "What this shows" line under it`);
  }
  await page.close();
  assert.deepEqual(found, []);
});

test('the public committee paper uses none of those words either', async () => {
  const { html } = await performanceReport(world.store, { periodType: 'quarter', committee: 'Children’s Services Overview and Scrutiny Committee', meetingDate: '2026-04-15', audience: 'public' });
  const text = html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
  assert.deepEqual(jargonIn(text), []);
});
