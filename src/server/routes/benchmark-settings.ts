// Settings for the official benchmarks (admin): the council's identity (old and new LA codes, as
// the DfE publishes them) and its statistical neighbours per year, with what has been loaded.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { EES_MAPPINGS } from '../../core/ees/mappings.ts';
import { importNeighbours, NeighbourImportError } from '../../importers/neighbours.ts';
import { councilIdentity, setCouncilIdentity, SettingError } from '../../store/benchmarks.ts';
import { HttpError } from '../errors.ts';

const SETTINGS = { config: { permission: 'manage_settings' as const } };
const councilForm = z.object({ oldLaCode: z.string().max(10), newLaCode: z.string().max(12), _csrf: z.string().optional() });

export async function benchmarkSettingsRoutes(app: FastifyInstance): Promise<void> {
  async function page(extra: Record<string, unknown> = {}) {
    const [council, loaded, neighbours] = await Promise.all([
      councilIdentity(app.store),
      sql<{ mapping_id: string; rows: number; first: number; last: number }>`SELECT mapping_id, count(*)::int AS rows, min(time_period) AS first, max(time_period) AS last
        FROM ees_figure GROUP BY mapping_id ORDER BY mapping_id`.execute(app.store.db),
      sql<{ year: number; authorities: number; pairs: number }>`SELECT year, count(DISTINCT la_code)::int AS authorities, count(*)::int AS pairs
        FROM statistical_neighbour GROUP BY year ORDER BY year DESC`.execute(app.store.db),
    ]);
    const label = new Map(EES_MAPPINGS.map((m) => [m.id, m]));
    return {
      title: 'Benchmark settings',
      council,
      loaded: loaded.rows.map((r) => ({ ...r, dataSet: label.get(r.mapping_id)?.dataSet ?? r.mapping_id, checked: label.get(r.mapping_id)?.checked ?? '' })),
      mappings: EES_MAPPINGS,
      neighbours: neighbours.rows,
      ...extra,
    };
  }

  app.get('/admin/benchmarks', SETTINGS, async (request, reply) =>
    reply.view('pages/benchmark-settings.njk', await page({ saved: (request.query as { saved?: string }).saved ?? null })),
  );

  app.post('/admin/benchmarks/council', SETTINGS, async (request, reply) => {
    const form = councilForm.safeParse(request.body ?? {});
    const values = form.success ? form.data : { oldLaCode: '', newLaCode: '' };
    try {
      await setCouncilIdentity(app.store, values, request.user!.username);
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      return reply.code(400).view('pages/benchmark-settings.njk', await page({ councilError: err.message, values }));
    }
    return reply.redirect('/admin/benchmarks?saved=council', 303);
  });

  app.post('/admin/benchmarks/neighbours', SETTINGS, async (request: FastifyRequest, reply) => {
    if (!request.isMultipart()) throw new HttpError(400, 'Send the neighbour list as a multipart form upload.');
    let file: { name: string; content: Buffer } | null = null;
    let year = Number.NaN;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.filename) file = { name: part.filename, content };
      } else if (part.fieldname === 'year') year = Number(String(part.value).trim());
    }
    try {
      if (!file) throw new NeighbourImportError('Choose the neighbour list (a CSV file).');
      await importNeighbours(app.store, file, year);
    } catch (err) {
      if (!(err instanceof NeighbourImportError)) throw err;
      return reply.code(400).view('pages/benchmark-settings.njk', await page({ neighbourError: err.message }));
    }
    return reply.redirect('/admin/benchmarks?saved=neighbours', 303);
  });
}
