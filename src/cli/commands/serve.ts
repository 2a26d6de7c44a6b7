import type { Command } from 'commander';
import { openStore, storeOptionsFromEnv } from '../../store/open.ts';
import { serveUntilStopped } from '../serve-until-stopped.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the web application on the stored data')
    .option('--port <n>', 'port', (v) => Number(v), Number(process.env.PORT ?? 3000))
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      const store = await openStore(storeOptionsFromEnv());
      await serveUntilStopped({ store, port: opts.port, host: opts.host });
    });
}
