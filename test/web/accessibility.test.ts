// Every page, for every role, in headless Chromium over the real server and a small synthetic
// authority: no serious or critical WCAG 2.2 AA violation found by axe-core, and nothing wider than
// the window from 1,024 px up (a table whose key column is cut off fails). Pages are read from the
// server's route register, so a new page is checked without touching this file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { ROLES } from '../../src/core/access.ts';
import { openWorld, paramFiller, type World } from '../security/fixture.ts';
import { contextAs, launchBrowser, listenOnLoopback, WCAG_22_AA, type RunningApp } from './harness.ts';
import { overflows, pagesFor } from './every-page.ts';

/** The widths a council's laptops and desktops use; a phone scrolls a table inside its box. */
const WIDTHS = [1024, 1366];

let world: World;
let running: RunningApp;
let browser: Browser;
let fill: (url: string) => string;

before(async () => {
  world = await openWorld();
  running = await listenOnLoopback(world.app); // the world closes the app
  browser = await launchBrowser();
  const filler = await paramFiller(world.store);
  // The commentary editor is for an indicator; the filler knows indicators only under /indicators.
  fill = (url) => (url.startsWith('/reports/commentary/') ? url.replace(':id', 'ehcp_20wk_excl') : filler(url));
});

after(async () => {
  await browser?.close();
  await world?.close();
});

/** Two animation frames: the window's resize has been handled and the page laid out again. */
const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** Presses Tab until the focused element matches `selector`, asserting focus is visible on the way. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { matches: false, visible: true };
      const style = getComputedStyle(el);
      // GOV.UK's focus state: a yellow background or an outline/box-shadow on the element.
      const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)' || el.matches('input[type=radio]');
      return { matches: el.matches(sel), visible, what: el.outerHTML.slice(0, 80) };
    }, selector);
    assert.ok(focused.visible, `focus is visible on ${focused.what}`);
    if (focused.matches) return;
  }
  assert.fail(`${selector} not reached in ${MAX_TABS} presses of Tab`);
}
/** A page's links and fields before the one wanted; more means the page is not usable by keyboard. */
const MAX_TABS = 80;

describe('keyboard only', () => {
  test('an officer opens an action from the plan, rates it, sets its status, comments and saves without a mouse', async () => {
    const context = await contextAs(browser, running, 'officer');
    const page = await context.newPage();
    const path = fill('/actions/:actionId');
    const id = path.split('/').pop()!;
    await page.goto(`${running.url}/actions`);
    await tabTo(page, `a[href="${path}"]`);
    await Promise.all([page.waitForURL(`**${path}`), page.keyboard.press('Enter')]);
    await tabTo(page, 'input[name=rag]');
    // Arrow keys move between radios of a group and choose as they go: go to Red.
    const ragOrder = ['red', 'amber', 'green', ''];
    const current = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    for (let i = ragOrder.indexOf(current); i > 0; i--) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name=status]');
    const statusOrder = ['not_started', 'in_progress', 'complete'];
    const status = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    for (let i = statusOrder.indexOf(status); i < 1; i++) await page.keyboard.press('ArrowRight');
    for (let i = statusOrder.indexOf(status); i > 1; i--) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await tabTo(page, 'textarea[name=comment]');
    await page.keyboard.type('Reviewed with the team by keyboard only.');
    await tabTo(page, 'button.govuk-button');
    await Promise.all([page.waitForURL(/updated=1/), page.keyboard.press('Enter')]);
    const row = await world.store.db.selectFrom('strategy_action').select(['rag', 'status']).where('action_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { rag: 'red', status: 'in_progress' });
    assert.match((await page.textContent('main')) ?? '', /Reviewed with the team by keyboard only\./);
    await context.close();
  });
});

describe('charts', () => {
  test('chart text is at least 14px and dark enough to read (contrast at least 4.5:1 on white)', async () => {
    const context = await contextAs(browser, running, 'officer');
    const page = await context.newPage();
    for (const path of ['/indicators/ehcp_20wk_excl?period=quarter', '/missing', '/workforce']) {
      await page.goto(`${running.url}${path}`);
      await page.locator('[data-rendered=true] canvas').first().waitFor();
      const texts = await page.evaluate(() => {
        const found: { where: string; size: number; colour: string }[] = [];
        document.querySelectorAll<HTMLElement>('[data-rendered=true]').forEach((el) => {
          const option = (window as unknown as { echarts: { getInstanceByDom(e: HTMLElement): { getOption(): Record<string, unknown[]> } } }).echarts.getInstanceByDom(el).getOption();
          const styles: [string, { fontSize?: number; color?: string } | undefined][] = [
            ...(option.xAxis as { axisLabel?: { fontSize?: number; color?: string } }[]).map((a, i) => [`x axis ${i}`, a.axisLabel] as [string, { fontSize?: number; color?: string } | undefined]),
            ...(option.yAxis as { axisLabel?: { fontSize?: number; color?: string } }[]).map((a, i) => [`y axis ${i}`, a.axisLabel] as [string, { fontSize?: number; color?: string } | undefined]),
            ...((option.legend ?? []) as { textStyle?: { fontSize?: number; color?: string } }[]).map((l, i) => [`legend ${i}`, l.textStyle] as [string, { fontSize?: number; color?: string } | undefined]),
          ];
          for (const [where, style] of styles) found.push({ where: `${el.id || el.dataset.chart} ${where}`, size: style?.fontSize ?? 12, colour: style?.color ?? '#6e7079' });
        });
        return found;
      });
      assert.ok(texts.length > 0, path);
      for (const t of texts) {
        assert.ok(t.size >= 14, `${path} ${t.where}: ${t.size}px`);
        assert.ok(contrastOnWhite(t.colour) >= 4.5, `${path} ${t.where}: ${t.colour} has contrast ${contrastOnWhite(t.colour).toFixed(2)}`);
      }
    }
    await context.close();
  });
});

/** WCAG contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

describe('every page for every role', () => {
  for (const role of ROLES) {
    test(`${role}: no serious or critical axe violation, and every page fits from 1,024 px`, async () => {
      const context = await contextAs(browser, running, role);
      const page = await context.newPage();
      const problems: string[] = [];
      const paths = pagesFor(world.app, role, fill);
      assert.ok(paths.length >= 10, `${role} sees ${paths.length} pages`);
      for (const path of paths) {
        const response = await page.goto(`${running.url}${path}`);
        if (response?.status() !== 200) {
          problems.push(`${path}: answered ${response?.status()}`);
          continue;
        }
        await page.waitForLoadState('networkidle');
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
        for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          problems.push(`${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await nextFrames(page);
          for (const o of await overflows(page)) problems.push(`${path} at ${width}px: ${o.what} is ${o.width}px in ${o.room}px`);
        }
      }
      await context.close();
      assert.deepEqual(problems, []);
    });
  }
});
