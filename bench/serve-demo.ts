// Serves an LA-scale demo authority from a fresh PGlite directory (or a PostgreSQL schema) for the
// load test, signs in as the demo councillor (the dashboard's main audience) and prints
// { url, cookie } as JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generate } from '../src/generate/index.ts';
import { importDirectory } from '../src/importers/index.ts';
import { ensureDemoUsers } from '../src/server/auth/accounts.ts';
import { startServer } from '../src/server/start.ts';
import { computeIndicators } from '../src/store/indicators.ts';
import { openStore } from '../src/store/open.ts';

const asOf = '2026-11-25';
const work = mkdtempSync(join(tmpdir(), 'csinsight-load-'));
// argv[2] 'postgres': serve from a fresh schema on DATABASE_URL's server instead of PGlite.
const onPostgres = process.argv[2] === 'postgres';
if (onPostgres && !process.env.DATABASE_URL) throw new Error('DATABASE_URL is needed for the PostgreSQL load test');
const store = await openStore(
  onPostgres ? { databaseUrl: process.env.DATABASE_URL, schema: `load_${process.pid}`, dropSchemaOnClose: true } : { dataDir: join(work, 'data') },
);
await generate({ scale: 'la', seed: 1, outDir: join(work, 'files'), asOf });
const imported = await importDirectory(store, join(work, 'files'), { user: 'bench' });
if (imported.status !== 'accepted') throw new Error('demo data rejected');
await computeIndicators(store, { asOf });
const councillor = (await ensureDemoUsers(store)).find((u) => u.role === 'councillor')!;
const server = await startServer({ store, port: 0, quiet: true });
const url = server.url;

const cookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const pre = await fetch(`${url}/api/session`);
const { csrfToken } = (await pre.json()) as { csrfToken: string };
const signedIn = await fetch(`${url}/api/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: cookies(pre), 'x-csrf-token': csrfToken },
  body: JSON.stringify({ username: councillor.username, password: councillor.password }),
});
if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
console.log(JSON.stringify({ url, cookie: cookies(signedIn) }));

// BENCH_PROFILE=file.cpuprofile: profile the server while it serves (not the set-up) and write the
// profile when it is stopped (open it in Chrome DevTools' Performance panel).
const profileFile = process.env.BENCH_PROFILE;
const session = new Session();
const post = promisify(session.post.bind(session)) as (method: string, params?: object) => Promise<{ profile?: object }>;
if (profileFile) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
process.on('SIGTERM', () => {
  void (async () => {
    if (profileFile) writeFileSync(profileFile, JSON.stringify((await post('Profiler.stop')).profile));
    await server.close();
    await store.close();
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  })();
});
