// Committee reports from the web application, on the real server and the web fixture: downloads
// as HTML and PDF for each role, the family letters, the letter template editor, the Part 2 item,
// and the /reports page in Chromium for an officer and a councillor.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ehcpDelayCases } from '../../src/store/queries/ehcp.ts';
import { queryAudit } from '../../src/store/audit-log.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';
import { signIn, type SignedIn } from '../helpers-auth.ts';
import { PAGES_DIR, textOf } from '../reports/report-helpers.ts';
import { AS_OF, seedWebData } from './fixtures.ts';
import { contextAs, launchBrowser, openPage, SCREENS, screenshot, startTestServer, type RunningApp } from './harness.ts';

let store: Store;
let running: RunningApp;
let officer: SignedIn;
let councillor: SignedIn;
/** The quarter the performance report defaults to on AS_OF (the latest ended by the meeting). */
const QUARTER = { start: '2024-10-01', label: '2024-25-Q3' };
let smallCount: number;

before(async () => {
  store = await openTestStore();
  await seedWebData(store);
  running = await startTestServer({ store, asOf: AS_OF });
  officer = await signIn(running.app, 'officer');
  councillor = await signIn(running.app, 'councillor');
  const v = await store.db
    .selectFrom('indicator_value')
    .select('value')
    .where('indicator_id', '=', 'missing_children')
    .where('period_type', '=', 'quarter')
    .where('period_start', '=', QUARTER.start)
    .executeTakeFirstOrThrow();
  smallCount = v.value!;
  assert.ok(smallCount >= 1 && smallCount <= 5, `the fixture has a small count to suppress (${smallCount})`);
});

after(async () => {
  await running?.close(); // closes the PDF renderer too
  await store?.close();
});

/** Keeps a downloaded PDF for a look and returns its text. */
function keepPdf(body: Buffer, name: string): string {
  mkdirSync(PAGES_DIR, { recursive: true });
  const file = `${PAGES_DIR}/${name}.pdf`;
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('performance report', () => {
  test('a councillor downloads the public PDF: attachment, named for the period, small numbers as <6', async () => {
    const res = await councillor.inject({ url: '/reports/performance?period=quarter&format=pdf' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['content-disposition'], `attachment; filename="performance-${QUARTER.label}.pdf"`);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    assert.equal(res.rawPayload.subarray(0, 4).toString(), '%PDF');
    const text = keepPdf(res.rawPayload, 'web-performance-public');
    assert.match(text, /Children who went\s+<6/, 'the summary row (its title wraps in the table)');
    assert.match(text, /Part 1: Public/);
  });

  test('public HTML shows "<6" to everyone; only an officer asking for the officer copy sees the exact count', async () => {
    const row = async (who: SignedIn, query: string) => {
      const res = await who.inject({ url: `/reports/performance?${query}` });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      return { row: textOf(res.body, 'tr', 'row-missing_children'), res };
    };
    const exact = new RegExp(`^Children who went missing ${smallCount} `);
    const suppressed = /^Children who went missing &lt;6 /;
    const pub = await row(councillor, '');
    assert.match(pub.row, suppressed);
    assert.equal(pub.res.headers['content-disposition'], `inline; filename="performance-${QUARTER.label}.html"`);
    assert.match(pub.res.headers['content-type'] as string, /^text\/html/);
    assert.match((await row(councillor, 'audience=officer')).row, suppressed, 'a councillor cannot ask for the officer copy');
    assert.match((await row(officer, '')).row, suppressed, 'the public copy is the default');
    const copy = await row(officer, 'audience=officer');
    assert.match(copy.row, exact);
    assert.match(copy.res.body, /OFFICIAL-SENSITIVE: officer copy, not for publication/);
    assert.match(copy.res.headers['content-disposition'] as string, /performance-2024-25-Q3-officer-copy\.html/);
  });

  test('the report HTML carries a CSP that lets its own styles apply and nothing else load', async () => {
    const res = await councillor.inject({ url: '/reports/performance' });
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src 'unsafe-inline'/);
    assert.doesNotMatch(csp, /script-src|nonce/, 'no script may run, and no nonce disables the inline styles');
  });

  test('bad input is a 400 that says what is wrong, never a 500', async () => {
    const cases: [string, RegExp][] = [
      ['period=week', /Choose month, quarter or year/],
      ['start=2024-11-01', /2024-11-01 is not the first day of a quarter/],
      ['meeting=2025-02-30', /Enter a real date/],
      ['format=docx', /Choose HTML or PDF/],
      ['committee=' + 'x'.repeat(300), /200 characters or fewer/],
    ];
    for (const [query, message] of cases) {
      const res = await officer.inject({ url: `/reports/performance?${query}` });
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, message, query);
    }
    const none = await officer.inject({ url: '/reports/performance?period=year&start=2030-04-01' });
    assert.equal(none.statusCode, 200, 'a period with no figures is an empty paper, not an error');
  });
});

describe('action plan update', () => {
  test('downloads as PDF named for the meeting, with the strategy actions', async () => {
    const res = await councillor.inject({ url: '/reports/actions?meeting=2025-03-20&format=pdf' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-disposition'], 'attachment; filename="action-plan-2025-03-20.pdf"');
    const text = keepPdf(res.rawPayload, 'web-actions');
    assert.match(text, /Agree a 6-week advice standard/);
    assert.equal((await officer.inject({ url: '/reports/actions?previous=yesterday' })).statusCode, 400);
  });
});

describe('family delay letters', () => {
  test('forbidden to a councillor; an officer gets one letter per delayed request', async () => {
    assert.equal((await councillor.inject({ url: '/reports/letters' })).statusCode, 403);
    const delayed = (await ehcpDelayCases(store, { asOf: AS_OF })).map((c) => c.requestId);
    assert.ok(delayed.length >= 3, 'the fixture has several delayed requests');
    const res = await officer.inject({ url: '/reports/letters' });
    assert.equal(res.statusCode, 200);
    assert.equal((res.body.match(/<article class="letter">/g) ?? []).length, delayed.length);
    const some = await officer.inject({ url: `/reports/letters?requests=${delayed[0]},${delayed[1]}&format=pdf` });
    assert.equal(some.headers['content-disposition'], `attachment; filename="ehcp-delay-letters-${AS_OF}.pdf"`);
    const text = keepPdf(some.rawPayload, 'web-letters');
    assert.match(text, new RegExp(`Our reference: ${delayed[1]}`));
    assert.doesNotMatch(text, new RegExp(`Our reference: ${delayed[2]}\\b`), 'only the requests asked for');
    const logged = await queryAudit(store, { username: officer.username, event: 'view' });
    assert.ok(logged.some((e) => e.route === '/reports/letters'), 'reading the letters is in the audit log');
  });
});

describe('Part 2 (exempt) item', () => {
  test('a councillor gets 403; an officer gets the children; the public report names none of them', async () => {
    const url = '/reports/exempt/missing-exploitation?from=2024-04-01&to=2025-03-15';
    assert.equal((await councillor.inject({ url })).statusCode, 403);
    const res = await officer.inject({ url });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /EXEMPT – NOT FOR PUBLICATION – Schedule 12A paragraphs 1 and 2/);
    const listed = [...new Set([...res.body.matchAll(/<tr id="(?:at-risk|repeat|follow-up)-([^"]+)">/g)].map((m) => m[1]!))].sort();
    assert.deepEqual(listed, ['M01', 'M02', 'M03', 'M04']);
    assert.match(textOf(res.body, 'tr', 'at-risk-M01'), /Child sexual exploitation/);
    const pdf = await officer.inject({ url: `${url}&format=pdf` });
    assert.equal(pdf.headers['content-disposition'], 'attachment; filename="exempt-missing-exploitation-2024-04-01-to-2025-03-15.pdf"');

    const pub = await councillor.inject({ url: '/reports/performance' });
    assert.match(pub.body, /is taken in Part 2 of the agenda/);
    assert.deepEqual(listed.filter((id) => pub.body.includes(id)), []);
    const backwards = await officer.inject({ url: '/reports/exempt/missing-exploitation?from=2025-01-01&to=2024-12-31' });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /on or before its end/);
  });
});

describe('letter template', () => {
  const TEMPLATE = '/reports/letter-template';

  test('a POST without the CSRF token is refused and saves nothing', async () => {
    const versions = async () => (await store.db.selectFrom('letter_template').select('id').execute()).length;
    const before = await versions();
    const res = await running.app.inject({
      method: 'POST',
      url: TEMPLATE,
      headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ text: 'Ref {{reference}} by {{expected_date}}\n\n{{reasons}}' }).toString(),
    });
    assert.equal(res.statusCode, 403);
    assert.equal(await versions(), before);
    assert.equal((await councillor.inject({ url: TEMPLATE })).statusCode, 403);
  });

  test('an unknown placeholder is listed in the error summary and the typed text is kept', async () => {
    const typed = 'Dear family of {{child_name}}, about <request> {{reference}} & more';
    const res = await officer.inject({ method: 'POST', url: TEMPLATE, payload: { _csrf: officer.csrfToken, text: typed } });
    assert.equal(res.statusCode, 400);
    const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(res.body)?.[0] ?? '';
    assert.match(summary, /Unknown placeholder \{\{child_name\}\}/);
    assert.match(summary, /The letter must include \{\{expected_date\}\}/);
    assert.match(summary, /The letter must include \{\{reasons\}\}/);
    assert.match(summary, /href="#text"/);
    const textarea = /<textarea[^>]*id="text"[^>]*>([\s\S]*?)<\/textarea>/.exec(res.body)?.[1];
    assert.equal(textarea?.trim(), 'Dear family of {{child_name}}, about &lt;request&gt; {{reference}} &amp; more');
    assert.equal((await store.db.selectFrom('letter_template').select('id').execute()).length, 0, 'nothing saved');
  });

  test('preview shows the typed text filled in without saving it', async () => {
    const typed = 'Request {{reference}}: expected by {{expected_date}}.\n\n{{reasons}}';
    const res = await officer.inject({ method: 'POST', url: TEMPLATE, payload: { _csrf: officer.csrfToken, text: typed, action: 'preview' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Request EXAMPLE-0001: expected by 14 December 2026\./);
    assert.equal((await store.db.selectFrom('letter_template').select('id').execute()).length, 0);
  });

  test('a good save creates a version, shown in the history and used by the next letters', async () => {
    const wording = 'About request {{reference}}.\n\nThe plan is now expected by {{expected_date}}.\n\n{{reasons}}\n\nWith apologies, the SEND Team';
    const res = await officer.inject({ method: 'POST', url: TEMPLATE, payload: { _csrf: officer.csrfToken, text: wording } });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${TEMPLATE}?saved=1`);
    const rows = await store.db.selectFrom('letter_template').select(['body', 'updated_by']).execute();
    assert.deepEqual(rows, [{ body: wording, updated_by: officer.username }]);
    const page = await officer.inject({ url: `${TEMPLATE}?saved=1` });
    assert.match(page.body, /The new wording has been saved/);
    assert.match(page.body, new RegExp(`In use: the version saved by ${officer.username}`));
    const history = /data-testid="versions">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
    assert.equal((history.match(/<tr class="govuk-table__row">/g) ?? []).length - 1, 1, 'one saved version under the header row');
    assert.match(history, new RegExp(`<td class="govuk-table__cell">${officer.username}</td>`));
    const letters = await officer.inject({ url: '/reports/letters' });
    assert.match(letters.body, /With apologies, the SEND Team/);
    const changes = await queryAudit(store, { username: officer.username, event: 'change' });
    assert.ok(changes.some((e) => e.route === TEMPLATE && e.method === 'POST' && e.status === 303), 'the save is in the audit log');
  });
});

describe('the /reports page in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('an officer sees every paper, the audience choice, letters, the template link and Part 2; the PDF downloads', async () => {
    const context = await contextAs(browser, running, 'officer');
    const page = await openPage(running, context, '/reports');
    for (const id of ['performance-form', 'actions-form', 'letters-form', 'template-link', 'exempt-form']) {
      assert.equal(await page.getByTestId(id).count(), 1, id);
    }
    assert.equal(await page.locator('input[name=audience]').count(), 2);
    assert.equal(await page.locator('.govuk-service-navigation__item--active').textContent().then((t) => t?.trim()), 'Reports');
    await screenshot(page, 'reports-officer');

    await page.locator('#perf-audience-2').check();
    await page.locator('#perf-format-2').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('performance-submit').click()]);
    assert.equal(download.suggestedFilename(), `performance-${QUARTER.label}-officer-copy.pdf`);
    await context.close();
  });

  test('a councillor sees the two public papers only', async () => {
    const context = await contextAs(browser, running, 'councillor');
    const page = await openPage(running, context, '/reports');
    assert.equal(await page.getByTestId('performance-form').count(), 1);
    assert.equal(await page.getByTestId('actions-form').count(), 1);
    for (const id of ['letters', 'template-link', 'exempt']) assert.equal(await page.getByTestId(id).count(), 0, id);
    assert.equal(await page.locator('input[name=audience]').count(), 0);
    assert.match((await page.getByTestId('public-only').textContent()) ?? '', /shown as <6/);
    await screenshot(page, 'reports-councillor');
    await context.close();
  });

  test('the HTML paper renders with its own styles under its CSP', async () => {
    const context = await contextAs(browser, running, 'councillor');
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${running.url}/reports/performance`);
    // 22pt in report.css; the browser default for a div is 16px.
    assert.equal(await page.locator('.cover .authority').evaluate((el) => getComputedStyle(el).fontSize), '29.3333px');
    assert.deepEqual(violations, []);
    await page.screenshot({ path: `${SCREENS}/reports-performance-html.png` }); // the cover only: the whole paper is long
    await context.close();
  });

  test('the letter template page shows the placeholders, the preview and the versions', async () => {
    const context = await contextAs(browser, running, 'officer');
    const page = await openPage(running, context, '/reports/letter-template');
    assert.match((await page.getByTestId('placeholders').textContent()) ?? '', /\{\{expected_date\}\}/);
    assert.match((await page.getByTestId('preview').textContent()) ?? '', /EXAMPLE-0001/);
    await page.locator('#text').fill('No placeholders at all');
    await page.getByTestId('save').click();
    await page.locator('.govuk-error-summary').waitFor();
    assert.equal(await page.locator('#text').inputValue(), 'No placeholders at all');
    await screenshot(page, 'reports-letter-template-error');
    await context.close();
  });
});
