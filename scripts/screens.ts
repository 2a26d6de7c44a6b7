// Screenshots of every page for every role at a phone's, a small laptop's and a council desktop's
// width, and of the papers, for a person to review; prints what does not fit the window.
//   DATABASE_URL=... CSINSIGHT_SCHEMA=... npx tsx scripts/screens.ts [out-dir] [page-substring]
// Runs on the stored data (make some with `npm run cli -- demo`); signs in as `screens.<role>`.
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { ROLES } from '../src/core/access.ts';
import { addUser, resetPassword } from '../src/server/auth/accounts.ts';
import { openStore, storeOptionsFromEnv } from '../src/store/open.ts';
import { listUsers } from '../src/store/users.ts';
import { launchBrowser, startTestServer } from '../test/web/harness.ts';
import { overflows, pagesFor } from '../test/web/every-page.ts';

const WIDTHS = [390, 1024, 1366];
const PAPERS = ['/reports/performance?period=quarter&audience=public', '/reports/actions', '/reports/letters'];
const [out = '/tmp/screens/all', only = ''] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const store = await openStore(storeOptionsFromEnv());
const running = await startTestServer({ store });
const browser = await launchBrowser();
const first = async (q: string) => String((await sql.raw<{ v: unknown }>(q).execute(store.db)).rows[0]?.v ?? 'none');
const samples: Record<string, string> = {
  actionId: await first('SELECT action_id AS v FROM strategy_action ORDER BY 1 LIMIT 1'),
  id: await first('SELECT committee_action_id AS v FROM committee_action ORDER BY 1 LIMIT 1'),
};
const fill = (url: string) =>
  url.startsWith('/indicators/') || url.startsWith('/reports/commentary/') ? url.replace(':id', 'ehcp_20wk_excl') : url.startsWith('/import/runs') ? url.replace(':id', '1') : url.replace(/:(\w+)/g, (_, n: string) => samples[n] ?? n);

for (const role of ROLES.filter((r) => !process.env.ROLE || r === process.env.ROLE)) {
  const username = `screens.${role}`;
  const password = randomBytes(12).toString('hex');
  if ((await listUsers(store)).some((u) => u.username === username)) await resetPassword(store, username, password);
  else await addUser(store, username, role, password);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${running.url}/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.click('button[type=submit]')]);
  const paths = [...pagesFor(running.app, role, fill), ...(role === 'officer' ? PAPERS : [])].filter((p) => p.includes(only));
  for (const path of paths) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(`${running.url}${path}`);
      await page.waitForLoadState('networkidle');
      const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'dashboard';
      await page.screenshot({ path: `${out}/${role}-${slug}-${width}.png`, fullPage: true });
      const wide = width >= 1024 && !path.startsWith('/reports/') ? await overflows(page) : [];
      const note = wide.map((o) => `${o.what} ${o.width}px in ${o.room}px`).join('; ');
      console.log(`${role.padEnd(10)} ${String(response?.status())} ${String(width).padStart(4)} ${path}${note ? `  DOES NOT FIT: ${note}` : ''}`);
    }
  }
  await context.close();
}
await browser.close();
await running.close();
await store.close();
