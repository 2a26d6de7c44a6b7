// The inspection pack as printed on A4: laid out by Chromium at the page's text width, every table
// fits it and no word of a table is cut or broken, no Sankey label overlaps another or runs off its
// chart; and in the PDF itself every word lies between the margins. Figures as an officer and as a
// councillor sees them (1-5 as "<6"), a large authority's and one with every flow past contact tiny.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { renderInspectionPack } from '../../src/reports/inspection-pack.ts';
import { closePdfRenderer, renderPdf } from '../../src/reports/pdf.ts';
import { assertLabelsClear, drawnCharts } from '../web/chart-labels.ts';
import { launchBrowser } from '../web/harness.ts';
import { exact, ISSUE_COUNTS, LARGE_COUNTS, packFigures, suppressed, TINY_COUNTS } from './journey-fixtures.ts';
import { PAGES_DIR } from './report-helpers.ts';

/** A4 less the 18 mm margins pdf.ts prints with, in mm, and as CSS px (96 to the inch). */
const PAGE_MM = 210;
const MARGIN_MM = 18;
const TEXT_PX = ((PAGE_MM - 2 * MARGIN_MM) / 25.4) * 96;

const PACKS = {
  officer: renderInspectionPack(packFigures([ISSUE_COUNTS, LARGE_COUNTS]), true),
  councillor: renderInspectionPack(packFigures([ISSUE_COUNTS, LARGE_COUNTS], suppressed), false),
  tiny: renderInspectionPack(packFigures([TINY_COUNTS, TINY_COUNTS], exact), true),
};

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await closePdfRenderer();
});

describe('inspection pack on A4', () => {
  for (const [name, html] of Object.entries(PACKS)) {
    test(`${name}: every table fits the page's width with no word cut or broken, and no chart label overlaps another or leaves its chart`, async () => {
      const page = await browser.newPage({ viewport: { width: Math.floor(TEXT_PX), height: 1100 } });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html);
      const fit = await page.$$eval('table', (tables) =>
        tables.map((t) => ({
          head: t.querySelector('th')?.textContent,
          width: t.getBoundingClientRect().width,
          room: t.parentElement!.clientWidth,
          scroll: t.scrollWidth,
          // A cell whose words do not fit it unbroken: its one longest word measured on its own.
          broken: [...t.querySelectorAll('th, td')].flatMap((cell) => {
            const style = getComputedStyle(cell);
            const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            // Each word measured unbroken in its own font: a probe beside it, in the same element.
            const texts = [...cell.childNodes].filter((n) => (n.textContent ?? '').trim());
            return texts.flatMap((n) => {
              const within = n.nodeType === 1 ? (n as Element) : cell;
              const probe = document.createElement('span');
              probe.style.cssText = 'position: absolute; white-space: nowrap; display: inline;';
              within.append(probe);
              const over = (n.textContent ?? '').split(/\s+/).filter(Boolean).filter((w) => {
                probe.textContent = w;
                return probe.getBoundingClientRect().width > room + 0.5;
              });
              probe.remove();
              return over.map((w) => `${w} (in ${Math.round(room)}px)`);
            });
          }),
        })),
      );
      assert.equal(fit.length, 4);
      for (const t of fit) {
        assert.ok(t.width <= t.room + 0.5 && t.scroll <= t.room, `the "${t.head}" table is ${t.width}px (${t.scroll}px of content) in ${t.room}px`);
        assert.deepEqual(t.broken, [], `the "${t.head}" table breaks words`);
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'nothing is wider than the page');
      const charts = await drawnCharts(page, 'figure[data-journey]');
      assert.equal(charts.length, 2);
      charts.forEach((c, i) => assertLabelsClear(c, `${name} pack, chart ${i + 1}`, { inContainer: true }));
      await page.close();
    });
  }

  test('in the PDF every word of every page lies between the margins', async () => {
    mkdirSync(PAGES_DIR, { recursive: true });
    for (const [name, html] of Object.entries(PACKS)) {
      const file = `${PAGES_DIR}/inspection-pack-${name}.pdf`;
      writeFileSync(file, await renderPdf(html));
      const words = [...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)];
      const pagePt = (PAGE_MM / 25.4) * 72;
      const marginPt = (MARGIN_MM / 25.4) * 72;
      assert.ok(words.length > 300, `${name}: ${words.length} words`);
      const outside = words.filter((w) => Number(w[1]) < marginPt - 1 || Number(w[2]) > pagePt - marginPt + 1).map((w) => `${w[3]} (${w[1]}-${w[2]} pt)`);
      assert.deepEqual(outside, [], `${name}: words past the margins of a ${pagePt.toFixed(0)} pt page`);
    }
  });
});
