// Static files: our own (src/web/static), GOV.UK Frontend's CSS and JS, and ECharts. Every route
// here is public, so the sign-in page can be styled before anyone signs in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { GOVUK_DIST, WEB_DIR } from './views.ts';

const ECHARTS_DIST = join(GOVUK_DIST, '..', '..', 'echarts', 'dist');
const PUBLIC = { config: { permission: 'public' as const } };
const WEEK = 'public, max-age=604800';

/**
 * GOV.UK Frontend's stylesheet without the GDS Transport typeface, which only GOV.UK may use:
 * the council pages set a system font stack instead (council.css).
 */
function councilGovukCss(): string {
  return readFileSync(join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.css'), 'utf8')
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replace(/font-family:GDS Transport,arial,sans-serif/g, 'font-family:var(--council-font)')
    .replace(/font-family:GDS Transport/g, 'font-family:var(--council-font)')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//, '');
}

export async function assets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: join(WEB_DIR, 'static'), serve: false });
  const govukCss = councilGovukCss();

  app.get('/assets/*', PUBLIC, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=3600').sendFile(file);
  });
  app.get('/vendor/govuk-frontend.css', PUBLIC, (_request, reply) =>
    reply.header('cache-control', WEEK).type('text/css; charset=utf-8').send(govukCss),
  );
  app.get('/vendor/govuk-frontend.min.js', PUBLIC, (_request, reply) =>
    reply.header('cache-control', WEEK).sendFile('govuk-frontend.min.js', join(GOVUK_DIST, 'govuk')),
  );
  app.get('/vendor/echarts.min.js', PUBLIC, (_request, reply) =>
    reply.header('cache-control', WEEK).sendFile('echarts.min.js', ECHARTS_DIST),
  );
}
