// Runs the web server until SIGTERM, SIGINT or SIGHUP, then stops cleanly on the first signal:
// requests in progress finish, the PDF browser closes (the server's onClose), the store closes
// (PGlite flushes and its data-directory lock is removed), and the process exits 0. A second
// signal while stopping exits at once.
import { startServer, type StartOptions } from '../server/start.ts';

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

export async function serveUntilStopped(options: StartOptions): Promise<void> {
  const server = await startServer(options);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for the store to close.`);
      process.exit(1);
    }
    stopping = true;
    console.error(`${signal} received: stopping the server and closing the store.`);
    try {
      await server.close();
      await options.store.close();
      console.error('Stopped.');
      process.exit(0);
    } catch (err) {
      console.error('Stopping failed:', err);
      process.exit(1);
    }
  };
  for (const signal of SIGNALS) process.on(signal, () => void stop(signal));
}
