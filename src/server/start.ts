// Starts the web application on an address (loopback by default) and prints where it is. The
// settings a deployment makes through the environment are read here: CSINSIGHT_LOG_LEVEL and
// CSINSIGHT_TRUST_PROXY, and CSINSIGHT_ANNEX_A_SALT_FILE (the council's salt for the Annex A regional export).
import { isIP } from 'node:net';
import { buildApp, type AppOptions } from './app.ts';
import { logLevelFrom } from './logging.ts';

export interface StartOptions extends AppOptions {
  port?: number;
  host?: string;
  quiet?: boolean;
}

/** proxy-addr's names for address ranges, which Fastify's trustProxy accepts beside addresses. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * CSINSIGHT_TRUST_PROXY: the addresses (or CIDR ranges, or loopback / linklocal / uniquelocal) of
 * the TLS proxies in front of the server, comma-separated. Only a request from one of them has its
 * X-Forwarded-For / -Proto believed; a hop count is refused because it cannot check who sent them.
 */
export function trustProxyFrom(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const version = isIP(address ?? '');
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!RANGE_NAMES.has(entry) && !(version && prefixOk && extra === undefined)) {
      throw new Error(`CSINSIGHT_TRUST_PROXY has "${entry}": list the proxy's addresses or CIDR ranges (e.g. 10.0.0.5 or 10.0.0.0/24), or loopback`);
    }
  }
  return entries;
}

/** The server's settings from the environment: the log level ('info' unless set), the trusted proxies and the Annex A salt file. */
export function serverOptionsFromEnv(env = process.env): Pick<AppOptions, 'logLevel' | 'trustProxy' | 'annexASaltFile'> {
  return { logLevel: logLevelFrom(env.CSINSIGHT_LOG_LEVEL, 'info'), trustProxy: trustProxyFrom(env.CSINSIGHT_TRUST_PROXY), annexASaltFile: env.CSINSIGHT_ANNEX_A_SALT_FILE || undefined };
}

export async function startServer(options: StartOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { port: wanted, host: _host, quiet: _quiet, ...appOptions } = options;
  const app = await buildApp({ ...serverOptionsFromEnv(), ...appOptions });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: wanted ?? 3000, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : wanted;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!options.quiet) console.log(`Children's Services performance is running at ${url}`);
  return { url, close: () => app.close() };
}
