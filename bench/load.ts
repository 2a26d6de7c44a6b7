// Bounded load test on loopback: a demo authority served from a child process, 50 connections
// for a fixed time against the dashboard API and pages, then the server is stopped.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

interface Served {
  url: string;
  cookie: string;
}

async function startDemoServer(): Promise<{ served: Served; stop: () => void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/serve-demo.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{')) return { served: JSON.parse(line) as Served, stop: () => proc.kill('SIGTERM') };
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
}

// Every response time is kept (autocannon's own summary has no 95th percentile).
function run(url: string, cookie: string, paths: string[], seconds: number, connections: number): Promise<Run> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie }, requests: paths.map((path) => ({ method: 'GET' as const, path })) },
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
          errors: r.errors + r.timeouts + r.non2xx,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
}

export async function loadTest(options: { seconds: number; connections: number }) {
  const { served, stop } = await startDemoServer();
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
    stop();
  }
}
