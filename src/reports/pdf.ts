// HTML to PDF through Chromium's print engine. One browser serves every request: launching
// takes about a second, a page a few tens of milliseconds.
import { chromium, type Browser } from 'playwright-core';

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  // Playwright would otherwise install its own signal handlers, which close the browser and keep
  // the process running: the first SIGTERM to the server did nothing. The CLI's own handlers
  // (src/cli/serve-until-stopped.ts) close the server, this browser (onClose) and the store.
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
};

let browser: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    browser = chromium.launch(LAUNCH);
    browser.catch(() => (browser = null)); // a failed launch is retried by the next call
  }
  return browser;
}

/** The content of `<meta name="...">` in the page head, which is how a template asks for its footer. */
function meta(html: string, name: string): string {
  const m = new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html);
  return m?.[1] ?? '';
}

// Goes in a style="" attribute: no double quotes inside.
const FOOTER_STYLE = "font: 8pt Arial, 'Liberation Sans', sans-serif; color: #333; width: 100%; box-sizing: border-box; padding: 0 18mm; display: flex; justify-content: space-between; gap: 6mm;";

export async function renderPdf(html: string): Promise<Buffer> {
  const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // The papers are self-contained; nothing may be fetched while printing.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    // Footer text is already HTML-escaped in the meta attribute, so it is safe to place as markup.
    const pages = meta(html, 'report-page-numbers') === 'no' ? '' : 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${FOOTER_STYLE} justify-content: flex-end;">${meta(html, 'report-marking')}</div>`,
      footerTemplate: `<div style="${FOOTER_STYLE}"><span>${meta(html, 'report-footer')}</span><span>${pages}</span></div>`,
      margin: { top: '18mm', bottom: '18mm', left: '18mm', right: '18mm' },
    });
    return pdf;
  } finally {
    await context.close();
  }
}

export async function closePdfRenderer(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
}
