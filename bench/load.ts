// Bounded load test on loopback: a demo authority served from a child process, 50 connections
// for a fixed time against the dashboard API and pages, then the server is stopped.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

interface Served {
  url: string;
  cookie: string;
}

export type LoadBackend = 'pglite' | 'postgres';

export async function startDemoServer(backend: LoadBackend = 'pglite'): Promise<{ served: Served; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/serve-demo.ts', backend], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{')) {
      const exited = once(proc, 'exit');
      return { served: JSON.parse(line) as Served, stop: async () => void (proc.kill('SIGTERM'), await exited) };
    }
  }
  await once(proc, 'exit');
  throw new Error('the demo server did not start');
}

interface Run {
  requests: number;
  requestsPerSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  errors: number;
  /** What the errors were: responses by status code (non-2xx), timeouts, connection errors. */
  errorsBy: Record<string, number>;
}

// Every response time is kept (autocannon's own summary has no 95th percentile).
function run(url: string, cookie: string, paths: string[], seconds: number, connections: number): Promise<Run> {
  const times: number[] = [];
  const errorsBy: Record<string, number> = {};
  const count = (what: string) => (errorsBy[what] = (errorsBy[what] ?? 0) + 1);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie }, requests: paths.map((path) => ({
          method: 'GET' as const,
          path,
          onResponse: (status: number) => {
            if (status < 200 || status > 299) count(`HTTP ${status} ${path}`);
          },
        })),
      },
      (err, r) => {
        if (err) return reject(err);
        times.sort((a, b) => a - b);
        const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN) * 100) / 100;
        resolve({
          requests: r.requests.total,
          requestsPerSecond: r.requests.average,
          p50ms: at(0.5),
          p95ms: at(0.95),
          p99ms: at(0.99),
          // r.errors already includes r.timeouts.
          errors: r.errors + r.non2xx,
          errorsBy,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      times.push(ms);
    });
    instance.on('reqError', (err: Error & { code?: string }) => count(err.code ?? err.message));
  });
}

export async function loadTest(options: { seconds: number; connections: number; backend?: LoadBackend }) {
  const { served, stop } = await startDemoServer(options.backend);
  try {
    const api = await run(served.url, served.cookie, ['/api/indicators?period=month'], options.seconds, options.connections);
    const pages = await run(
      served.url,
      served.cookie,
      ['/', '/indicators/ehcp_20wk_excl', '/ehcp', '/missing', '/care-leavers', '/actions'],
      Math.max(10, Math.round(options.seconds / 2)),
      options.connections,
    );
    return { dashboardApi: api, pages };
  } finally {
    await stop();
  }
}

// Run alone: node --import tsx bench/load.ts [seconds] [connections] [pglite|postgres (DATABASE_URL)]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [seconds = '15', connections = '50', backend = 'pglite'] = process.argv.slice(2);
  const result = await loadTest({ seconds: Number(seconds), connections: Number(connections), backend: backend as LoadBackend });
  console.log(JSON.stringify(result, null, 2));
}
