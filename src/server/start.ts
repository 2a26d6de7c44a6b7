// Starts the web application on an address (loopback by default) and prints where it is.
import { buildApp, type AppOptions } from './app.ts';

export interface StartOptions extends AppOptions {
  port?: number;
  host?: string;
  quiet?: boolean;
}

export async function startServer(options: StartOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { port: wanted, host: _host, quiet: _quiet, ...appOptions } = options;
  const app = await buildApp(appOptions);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: wanted ?? 3000, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : wanted;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!options.quiet) console.log(`Children's Services performance is running at ${url}`);
  return { url, close: () => app.close() };
}
