// The web application: pages and a JSON API over the store. Plugins in order: security headers,
// body parsers, identity (who), access (may they), views, then one route module per area.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { today, type IsoDate } from '../core/dates.ts';
import type { Store } from '../store/open.ts';
import { serverLogger, type DestinationStream } from './logging.ts';
import { installErrorHandlers } from './errors.ts';
import { access } from './plugins/access.ts';
import { assets } from './plugins/assets.ts';
import { freshFigures } from './plugins/fresh-figures.ts';
import { identity } from './plugins/identity.ts';
import { auditLogRoutes } from './auth/audit-log-routes.ts';
import { authRoutes } from './auth/routes.ts';
import { caseAuditRoutes } from './auth/case-audit-routes.ts';
import { views } from './plugins/views.ts';
import { pageCache } from './plugins/page-cache.ts';
import { actionRoutes } from './routes/actions.ts';
import { careLeaverRoutes } from './routes/care-leavers.ts';
import { committeeRoutes } from './routes/committee.ts';
import { ehcpRoutes } from './routes/ehcp.ts';
import { importRoutes } from './routes/import.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { missingRoutes } from './routes/missing.ts';
import { frontDoorRoutes } from './routes/front-door.ts';
import { childProtectionRoutes } from './routes/child-protection.ts';
import { inspectionRoutes } from './routes/inspection.ts';
import { earlyHelpRoutes } from './routes/early-help.ts';
import { workforceRoutes } from './routes/workforce.ts';
import { homeEducationRoutes } from './routes/home-education.ts';
import { voiceRoutes } from './routes/voice.ts';
import { reportRoutes } from './routes/reports.ts';
import { benchmarkSettingsRoutes } from './routes/benchmark-settings.ts';
import { commentaryRoutes } from './routes/commentary.ts';

export interface AppOptions {
  store: Store;
  /** The date the figures are "as at"; today when absent (tests pin it). */
  asOf?: IsoDate;
  /** Pino level for the server's log (stderr unless `logStream`): 'silent' when absent, so tests are quiet. */
  logLevel?: string;
  /** Where the log goes; stderr when absent. */
  logStream?: DestinationStream;
  /** Addresses of the TLS proxies in front (CSINSIGHT_TRUST_PROXY): their X-Forwarded-* headers are believed. */
  trustProxy?: string[];
  /** Now, for session expiry and sign-in lockout; tests pass their own clock. */
  clock?: () => Date;
  /** Largest file accepted by the import page, in bytes. */
  uploadLimitBytes?: number;
  /** Most files in one import. */
  uploadFileLimit?: number;
  /** The demo (`csinsight demo --serve`): the sign-in page lists the demo accounts' roles. */
  demo?: boolean;
  /** The council's salt file for the Annex A regional export (CSINSIGHT_ANNEX_A_SALT_FILE); no export without it. */
  annexASaltFile?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** Date for statutory clocks and overdue flags. */
    asOf(): IsoDate;
    /** Date the indicator figures are read at; undefined = the latest computed period. */
    figuresAsOf: IsoDate | undefined;
    uploadLimits: { fileSize: number; files: number };
    demo: boolean;
    annexASaltFile: string | null;
  }
}

export const DEFAULT_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: serverLogger(options.logLevel ?? 'silent', options.logStream ?? process.stderr),
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
  });
  app.decorate('store', options.store);
  app.decorate('asOf', () => options.asOf ?? today());
  app.decorate('figuresAsOf', options.asOf);
  app.decorate('demo', options.demo ?? false);
  app.decorate('annexASaltFile', options.annexASaltFile ?? null);
  app.decorate('uploadLimits', { fileSize: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES, files: options.uploadFileLimit ?? 20 });

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        // Charts size their boxes with style attributes.
        'style-src-attr': ["'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // Served over plain HTTP on loopback in development; TLS belongs to the proxy in front.
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(fastifyFormbody);
  // preservePath: a file chosen in a folder keeps its path (a folder named for its year gives the SSDA903 year).
  await app.register(fastifyMultipart, { preservePath: true, limits: { ...app.uploadLimits, fields: 20, parts: 100 } });
  installErrorHandlers(app);
  await identity(app, { clock: options.clock });
  await access(app);
  await views(app);
  await pageCache(app);
  await assets(app);
  await freshFigures(app);

  const areas = [indicatorRoutes, ehcpRoutes, missingRoutes, careLeaverRoutes, frontDoorRoutes, childProtectionRoutes, earlyHelpRoutes, workforceRoutes, homeEducationRoutes, inspectionRoutes];
  const strategy = [actionRoutes, committeeRoutes, voiceRoutes, reportRoutes, commentaryRoutes];
  for (const routes of [...areas, ...strategy, importRoutes, authRoutes, caseAuditRoutes, auditLogRoutes, benchmarkSettingsRoutes]) await app.register(routes);
  return app;
}
