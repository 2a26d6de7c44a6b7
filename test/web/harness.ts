// The real server on 127.0.0.1 (random port) over a seeded test store, and headless Chromium
// signed in as a role. Screenshots go to /tmp/screens/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/core/access.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { signIn } from '../helpers-auth.ts';

export const SCREENS = '/tmp/screens';
/** The axe-core rule tags of WCAG 2.2 AA, what every page is checked against. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface RunningApp {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(options: AppOptions): Promise<RunningApp> {
  return listenOnLoopback(await buildApp(options), (app) => app.close());
}

/** An app already built, listening on a random loopback port; `close` is what stopping it means. */
export async function listenOnLoopback(app: FastifyInstance, close: (app: FastifyInstance) => Promise<void> = async () => {}): Promise<RunningApp> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => close(app) };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A browser context carrying a real session for `role` (signed in through the sign-in API). */
export async function contextAs(browser: Browser, running: RunningApp, role: Role): Promise<BrowserContext> {
  const session = await signIn(running.app, role);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = session.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: running.url }]);
  return context;
}

/** The server, Chromium and an officer's and a councillor's signed-in contexts, closed together. */
export interface Sessions {
  running: RunningApp;
  browser: Browser;
  officer: BrowserContext;
  councillor: BrowserContext;
  close(): Promise<void>;
}

export async function startSessions(options: AppOptions): Promise<Sessions> {
  const running = await startTestServer(options);
  const browser = await launchBrowser();
  const [officer, councillor] = [await contextAs(browser, running, 'officer'), await contextAs(browser, running, 'councillor')];
  return {
    running, browser, officer, councillor,
    async close() {
      await browser.close();
      await running.close();
    },
  };
}

/** A new page of `context` at `path`, asserting the server answered 200. */
export async function openPage(running: RunningApp, context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${running.url}${path}`);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}
