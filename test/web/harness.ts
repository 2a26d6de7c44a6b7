// The real server on 127.0.0.1 (random port) over a seeded test store, and headless Chromium
// signed in as a role. Screenshots go to /tmp/screens/ for a person to look at.
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/core/access.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { signIn } from '../helpers-auth.ts';

export const SCREENS = '/tmp/screens';

export interface RunningApp {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(options: AppOptions): Promise<RunningApp> {
  const app = await buildApp(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
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

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}
