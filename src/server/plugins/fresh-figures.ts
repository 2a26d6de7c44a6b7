// Figures in step with the data before any are served: at start (a process that crashed between
// an import and its recompute, a CLI import while no server ran) and when another process has
// imported (PostgreSQL). Checked only when the store version changes (figure-cache.ts reads it at
// most once a second), so a request normally costs nothing here.
import type { FastifyInstance } from 'fastify';
import { storeVersion } from '../../store/figure-cache.ts';
import { refreshStaleFigures } from '../../store/fresh-figures.ts';

export async function freshFigures(app: FastifyInstance): Promise<void> {
  let checkedAt: string | null = null;
  const check = async () => {
    const version = await storeVersion(app.store);
    if (version === checkedAt) return;
    try {
      const computed = await refreshStaleFigures(app.store, app.figuresAsOf);
      if (computed) app.log.warn(`The figures lagged the data (an import was not followed by a recompute): recomputed ${computed.values} values in ${computed.seconds.toFixed(1)} s`);
    } catch (err) {
      // Serve what there is rather than nothing; the next change of version tries again.
      app.log.error(err, 'Recomputing stale figures failed');
    }
    checkedAt = version;
  };
  app.addHook('onReady', check);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/assets/')) await check();
  });
}
