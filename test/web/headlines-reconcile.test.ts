// Every headline figure a page shows beside a table says the same as the table, for an officer
// (exact figures) and a councillor (small numbers withheld): the dashboard's cards and each
// indicator's table, the EHCP partner league, early help, workforce, missing and care leavers.
// Real server and store over a small synthetic authority, read in Chromium, on 3 December: a day
// inside a running month and quarter, as when the issue was found. Every number shown must also be
// written as the formatter writes it (2,436 with its separator; no 10.799999999999999).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { openTestStore } from '../helpers.ts';
import { seed } from '../security/fixture.ts';
import type { Store } from '../../src/store/open.ts';
import { indicatorSummary } from '../../src/store/indicators.ts';
import { TOO_FEW_TO_RATE, tooFewToRate } from '../../src/core/rag.ts';
import { openPage, startSessions, type Sessions } from './harness.ts';

const AS_OF = '2026-12-03';

let store: Store;
let sessions: Sessions;

before(async () => {
  store = await openTestStore();
  await seed(store, AS_OF);
  sessions = await startSessions({ store, asOf: AS_OF, clock: () => new Date(`${AS_OF}T09:00:00Z`) });
});

after(async () => {
  await sessions?.close();
  await store?.close();
});

/** A number as the formatter writes it: thousands separated, at most one decimal place. */
const WRITTEN = /^-?\d{1,3}(,\d{3})*(\.\d)?$/;
/** How a figure withheld from a councillor reads: no number to compare. */
const WITHHELD = /^(<\d+|c|Withheld \(small numbers\)|Suppressed|No data)$/;

/** The number in a figure's text ("1,609", "69.6%", "9.7 days"), null when withheld; fails on a badly written number. */
function figure(text: string | null | undefined): number | null {
  const t = (text ?? '').trim();
  if (WITHHELD.test(t)) return null;
  const bare = t.replace(/%$|\s(days|weeks)$/, '');
  assert.match(bare, WRITTEN, `"${t}" is not a number as the formatter writes it`);
  return Number(bare.replace(/,/g, ''));
}

const sum = (values: (number | null)[]) => (values.some((v) => v === null) ? null : values.reduce<number>((n, v) => n + v!, 0));

/** Texts of the cells of a table's column (0 = the row header), by the table's selector. */
function column(page: Page, table: string, index: number): Promise<string[]> {
  return page.$$eval(`${table} tbody tr`, (rows, i) => rows.map((r) => (r.children[i]?.textContent ?? '').trim()), index);
}

/** Count-table rows as label -> text. */
async function countRows(page: Page, table: string): Promise<Map<string, string>> {
  const [labels, counts] = await Promise.all([column(page, table, 0), column(page, table, 1)]);
  return new Map(labels.map((l, i) => [l, counts[i]!]));
}

/** Each indicator card's value and period on the page. */
function cards(page: Page): Promise<{ id: string; value: string; period: string }[]> {
  return page.$$eval('article.council-card[data-indicator]', (list) =>
    list.map((c) => {
      const dts = [...c.querySelectorAll('dt')];
      const period = dts.find((d) => d.textContent?.trim() === 'Period:')?.nextElementSibling?.textContent?.trim() ?? '';
      return { id: c.getAttribute('data-indicator')!, value: c.querySelector('[data-testid=value]')!.textContent!.trim(), period };
    }),
  );
}

/** Compares a headline with the figure its table gives, when both are shown; counts the comparisons made. */
class Checks {
  made = 0;
  constructor(private readonly where: string) {}
  same(headline: number | null, fromTable: number | null, what: string, tolerance = 0) {
    if (headline === null || fromTable === null) return;
    this.made++;
    assert.ok(Math.abs(headline - fromTable) <= tolerance, `${this.where}: ${what}: the headline says ${headline}, the table ${fromTable}`);
  }
}

for (const role of ['officer', 'councillor'] as const) {
  describe(`as ${role}`, () => {
    const context = (): BrowserContext => sessions[role];

    test('each dashboard card shows the figure in its indicator’s table for the same period', async () => {
      const page = await openPage(sessions.running, context(), '/?period=quarter');
      const shown = await cards(page);
      assert.ok(shown.length > 20, 'the dashboard shows the indicators');
      const checks = new Checks('dashboard');
      for (const card of shown) {
        await page.goto(`${sessions.running.url}/indicators/${card.id}?period=quarter`);
        const [periods, values] = await Promise.all([column(page, '[data-testid=history-table]', 0), column(page, '[data-testid=history-table]', 1)]);
        const row = periods.indexOf(card.period);
        if (card.value === 'No data') {
          assert.ok(row < 0 || values[row] === 'No data', `${card.id}: the table has no figure for ${card.period} either`);
          continue;
        }
        assert.ok(row >= 0, `${card.id}: the table has the card's period ${card.period}`);
        assert.equal(values[row], card.value, `${card.id}: card and table for ${card.period}`);
        figure(card.value);
        checks.made++;
      }
      await page.close();
    });

    test('EHCP: each partner’s On time is its advice returned in 6 weeks of the advice due', async () => {
      const page = await openPage(sessions.running, context(), '/ehcp');
      const league = '[data-testid=partner-league]';
      const cell = (name: string) => page.$$eval(`${league} tbody td[data-cell=${name}]`, (tds) => tds.map((td) => td.textContent!.trim()));
      const [requested, due, onTime, percent] = await Promise.all([cell('requested'), cell('due'), cell('on-time'), cell('percent')]);
      assert.ok(requested.length >= 4, 'every partner has a row');
      const checks = new Checks('EHCP league');
      requested.forEach((r, i) => {
        const [req, d, on, pct] = [figure(r), figure(due[i]), figure(onTime[i]), percent[i] === 'None due yet' ? null : figure(percent[i])];
        checks.same(pct, d && on !== null ? Math.round((1000 * on) / d) / 10 : null, `partner ${i + 1}: on time ${on} of ${d} due`, 0.05);
        if (req !== null && d !== null) assert.ok(d <= req, 'no more advice is due than was asked for');
      });
      assert.ok(checks.made > 0, 'some partner was compared');
      await page.close();
    });

    test('early help: the headlines are the sums of the tables of how episodes began and ended', async () => {
      const page = await openPage(sessions.running, context(), '/early-help');
      const [source, outcome] = await Promise.all([countRows(page, '[data-testid=table-source] table'), countRows(page, '[data-testid=table-outcome] table')]);
      const checks = new Checks('early help');
      checks.same(figure(await page.textContent('[data-testid=started]')), sum([...source.values()].map(figure)), 'episodes started');
      const detail = (await page.textContent('[data-testid=needs-met-detail]'))!.trim();
      const m = /^(\S+) of (\S+) episodes ended: needs met \((\S+)\) or stepped down to universal services \((\S+)\)$/.exec(detail);
      assert.ok(m, `the "ended well" detail names its endings: ${detail}`);
      const [good, ended, needsMet, universal] = m.slice(1).map(figure);
      checks.same(needsMet!, figure(outcome.get('Needs met')), 'needs met');
      checks.same(universal!, figure(outcome.get('Stepped down to universal services')), 'stepped down to universal services');
      checks.same(good!, sum([needsMet!, universal!]), 'ended well = needs met + stepped down to universal services');
      const counted = [...outcome].filter(([label]) => label !== 'Moved away').map(([, t]) => figure(t));
      checks.same(ended!, sum(counted), 'episodes ended (moved away left out)');
      const open = await cards(page);
      checks.same(figure(await page.textContent('[data-testid=open]')), figure(open.find((c) => c.id === 'early_help_children')?.value), 'children in early help now');
      if (role === 'officer') assert.ok(checks.made >= 5, `the officer's figures are all compared (${checks.made})`);
      await page.close();
    });

    test('workforce: the running month’s team table adds up to the service’s figures on the same day', async () => {
      const page = await openPage(sessions.running, context(), '/workforce');
      const caption = (await page.textContent('[data-testid=team-caption]'))!.trim();
      assert.equal(caption, 'Each team on 3 December 2026 (Dec 2026 so far)', 'a month still running says so');
      const fte = await page.$$eval('[data-testid=team-table] td[data-indicator=workforce_fte]', (tds) => tds.map((td) => td.childNodes[0]?.textContent?.trim() ?? ''));
      const checks = new Checks('workforce');
      const card = (await cards(page)).find((c) => c.id === 'workforce_fte');
      checks.same(figure(card?.value), sum(fte.map(figure)), 'FTE in post', 0.05 * fte.length);
      // The hints under rates are "x of y" with both written as the formatter writes them.
      for (const hint of await page.$$eval('[data-testid=team-table] td .govuk-hint', (s) => s.map((e) => e.textContent!.trim()))) {
        const [x, y] = hint.split(' of ');
        figure(x);
        figure(y);
      }
      if (role === 'officer') assert.ok(checks.made === 1, 'the FTE was compared');
      await page.close();
    });

    test('missing: each pattern table adds up to the episodes in 12 months', async () => {
      const page = await openPage(sessions.running, context(), '/missing');
      const episodes = figure(await page.textContent('[data-testid=missing-totals] .council-card:first-child .council-card__value'));
      const checks = new Checks('missing');
      for (const key of ['byDayOfWeek', 'byHourBand', 'byPlacement', 'byLookedAfter', 'byExploitation']) {
        const rows = await countRows(page, `[data-testid=pattern-${key}] table`);
        checks.same(episodes, sum([...rows.values()].map(figure)), key);
      }
      if (role === 'officer') assert.equal(checks.made, 5);
      await page.close();
    });

    test('care leavers: the summary is the cards’ figures, and the NEET count the spells table’s', async () => {
      const page = await openPage(sessions.running, context(), '/care-leavers');
      const summary = new Map(
        await page.$$eval('[data-testid=care-leaver-summary] .govuk-summary-list__row', (rows) =>
          rows.map((r) => [r.querySelector('dt')!.textContent!.trim(), r.querySelector('dd')!.textContent!.trim()] as [string, string]),
        ),
      );
      const byKey = (start: string) => [...summary].find(([k]) => k.startsWith(start))?.[1] ?? '';
      const rate = (text: string) => /^(.+?)(?: \((\S+) of (\S+)\))?$/.exec(text)!.slice(1).map((t) => (t === undefined ? null : figure(t)));
      const shownCards = new Map((await cards(page)).map((c) => [c.id, figure(c.value)]));
      const checks = new Checks('care leavers');
      const [neet, neetCount] = rate(byKey('NEET now'));
      checks.same(neet!, shownCards.get('care_leavers_neet') ?? null, 'NEET now');
      checks.same(rate(byKey('NEET around their birthday'))[0]!, shownCards.get('care_leavers_neet_oc3') ?? null, 'NEET in the return');
      checks.same(rate(byKey('In touch'))[0]!, shownCards.get('care_leavers_in_touch') ?? null, 'in touch');
      checks.same(rate(byKey('Suitable accommodation'))[0]!, shownCards.get('care_leavers_suitable_accom') ?? null, 'suitable accommodation');
      const spells = await countRows(page, '[data-testid=neet-spells] table');
      checks.same(figure(await page.textContent('[data-testid=neet-spells-total]')), sum([...spells.values()].map(figure)), 'NEET spells');
      checks.same(neetCount ?? null, figure(await page.textContent('[data-testid=neet-spells-total]')), 'NEET now and NEET spells');
      if (role === 'officer') assert.ok(checks.made >= 5, `the officer's figures are all compared (${checks.made})`);
      await page.close();
    });
  });
}

describe('charts', () => {
  test('a councillor sees a withheld count drawn as withheld, not as a bar of zero', async () => {
    let marked = 0;
    for (const path of ['/missing', '/early-help', '/front-door', '/care-leavers', '/voice', '/home-education']) {
      const page = await openPage(sessions.running, sessions.councillor, path);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((el) => el.hasAttribute('data-rendered') || el.classList.contains('govuk-inset-text')));
      const charts = await page.$$eval('[data-chart][data-rendered=true]', (els) =>
        els.map((el) => {
          const data = JSON.parse(document.getElementById(el.getAttribute('data-chart')!)!.textContent!);
          const option = (window as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { series: { name: string; data: unknown[] }[] } } } }).echarts.getInstanceByDom(el).getOption();
          return { id: el.getAttribute('data-chart'), data, series: option.series.map((s) => ({ name: s.name, data: s.data })) };
        }),
      );
      for (const c of charts.filter((x) => x.data.kind === 'bars')) {
        const withheld = (c.data.labels as string[]).map((_, i) => i).filter((i) => (c.data.series as { values: (number | null)[] }[]).some((s) => s.values[i] === null));
        const marks = c.series.find((s) => s.name === 'Withheld (small numbers)');
        assert.deepEqual(((marks?.data ?? []) as [number, number][]).map((m) => m[0]), withheld, `${path} ${c.id}: every withheld category is marked, and only those`);
        marked += withheld.length;
      }
      await page.close();
    }
    assert.ok(marked > 0, 'some chart had a withheld count to mark');
  });
});

describe('small bases and part periods', () => {
  for (const role of ['officer', 'councillor'] as const) {
    test(`${role}: a card resting on too few cases says so instead of a colour, and is not an exception`, async () => {
      const summaries = await indicatorSummary(store, { periodType: 'quarter', asOf: AS_OF });
      const few = summaries.filter((s) => s.current && tooFewToRate(s.definition, s.current.denominator) && !(role === 'councillor' && s.current.suppressed));
      assert.ok(few.length > 0, 'the small authority has a figure on too few cases');
      const page = await openPage(sessions.running, sessions[role], '/?period=quarter');
      for (const s of few) {
        const card = page.locator(`article.council-card[data-indicator=${s.definition.id}]`).first();
        if ((await card.locator('[data-testid=value]').textContent())?.trim().startsWith('Withheld')) continue;
        assert.equal((await card.locator('.govuk-tag').first().textContent())?.trim(), TOO_FEW_TO_RATE, `${s.definition.id} on ${s.current!.denominator} cases`);
      }
      await page.close();
    });
  }

  test('the running quarter is left out of the sparklines and drawn apart on the trend chart; a running month’s bar is labelled so', async () => {
    const page = await openPage(sessions.running, sessions.officer, '/?period=quarter');
    const sparks = await page.$$eval('article.council-card svg.council-spark', (svgs) =>
      svgs.map((svg) => ({ label: svg.getAttribute('aria-label')!, commands: (svg.querySelector('path')!.getAttribute('d')!.match(/[ML]/g) ?? []).length })),
    );
    const running = sparks.filter((s) => s.label.endsWith('(so far, not drawn)'));
    assert.ok(running.length > 5, 'the cards of the running quarter say its figure is not drawn');
    for (const s of running) {
      const points = s.label.split('; ').filter((p) => !/No data|Withheld/.test(p)).length;
      assert.equal(s.commands, points - 1, `the line stops at the last whole quarter (${s.commands} points drawn): ${s.label}`);
    }
    await page.goto(`${sessions.running.url}/indicators/early_help_new?period=quarter`);
    await page.locator('#trend-chart[data-rendered=true]').waitFor();
    const series = await page.evaluate(() => {
      const el = document.getElementById('trend-chart')!;
      const option = (window as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { series: { name: string; data: (number | null)[] }[] } } } }).echarts.getInstanceByDom(el).getOption();
      return option.series.map((s) => ({ name: s.name, last: s.data.at(-1), drawn: s.data.filter((v) => v !== null && v !== undefined).length }));
    });
    assert.equal(series[0]!.last, null, 'the line of whole quarters does not reach the running one');
    assert.deepEqual([series[1]?.name, series[1]?.drawn], ['So far (period still running)', 2], 'the running quarter is drawn apart, from the last whole one');
    await page.goto(`${sessions.running.url}/early-help`);
    const monthly = JSON.parse((await page.textContent('#monthly-data'))!);
    assert.equal(monthly.labels.at(-1), 'Dec 2026 to 3 December');
    assert.deepEqual([monthly.partial.at(-1), monthly.partial.at(-2)], [true, false]);
    await page.close();
  });
});
