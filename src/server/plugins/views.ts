// Server-side pages: nunjucks with the GOV.UK Frontend macros, and the per-request context every
// page needs (who is signed in, their role, the CSRF token, the navigation they may use).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyView from '@fastify/view';
import nunjucks from 'nunjucks';
import { can, type Permission, type Role } from '../../core/access.ts';
import { POLARITY_LABEL, TOO_FEW_TO_RATE, type Polarity } from '../../core/rag.ts';
import { formatDate, formatNumber, ragTagClass } from '../format.ts';
import { countFormatter } from '../present.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = join(here, '..', '..', 'web');
export const GOVUK_DIST = join(here, '..', '..', '..', 'node_modules', 'govuk-frontend', 'dist');

declare module 'fastify' {
  interface FastifyReply {
    /** Context every template sees (@fastify/view merges it into the page's data). */
    locals?: Record<string, unknown>;
  }
}

interface NavItem {
  href: string;
  text: string;
  permission: Permission;
}

/** A heading in the top navigation; with pages, it leads to the first and they show beneath. */
interface NavSection extends NavItem {
  pages?: NavItem[];
}

const page = (href: string, text: string): NavItem => ({ href, text, permission: 'view_aggregates' });

// Sections follow the strategy's areas, so the top bar fits one line whatever the role.
const NAV: NavSection[] = [
  page('/', 'Dashboard'),
  { ...page('/ehcp', 'Education and SEND'), pages: [page('/ehcp', 'EHCPs'), page('/home-education', 'Home education')] },
  {
    ...page('/front-door', 'Social care'),
    pages: [page('/front-door', 'Front door'), page('/child-protection', 'Child protection'), page('/early-help', 'Early help'), page('/missing', 'Missing'), page('/care-leavers', 'Care leavers')],
  },
  page('/workforce', 'Workforce'),
  { ...page('/actions', 'Strategy'), pages: [page('/actions', 'Action plan'), page('/voice', 'Voice of the child'), page('/committee', 'Committee')] },
  page('/inspection', 'Inspection'),
  page('/reports', 'Reports'),
  { href: '/import', text: 'Import', permission: 'import' },
  { href: '/audits', text: 'Case audits', permission: 'view_audits' },
  { href: '/admin/audit-log', text: 'Audit log', permission: 'view_audit_log' },
  { href: '/admin/benchmarks', text: 'Settings', permission: 'manage_settings' },
];

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

function navigationFor(role: Role | undefined, path: string) {
  const allowed = NAV.filter((n) => role && can(role, n.permission));
  const current = allowed.find((n) => (n.pages ?? [n]).some((p) => isCurrent(p.href, path)));
  const link = (n: NavItem, active: boolean) => ({ href: n.href, text: n.text, active });
  return {
    navigation: allowed.map((n) => link(n, n === current)),
    subNavigation: (current?.pages ?? []).map((p) => link(p, isCurrent(p.href, path))),
  };
}

export async function views(app: FastifyInstance): Promise<void> {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [join(WEB_DIR, 'templates'), GOVUK_DIST],
    options: {
      autoescape: true,
      throwOnUndefined: false,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('ukDate', formatDate);
        env.addFilter('num', formatNumber);
        env.addFilter('ragTag', ragTagClass);
        env.addFilter('polarity', (p: Polarity) => POLARITY_LABEL[p] ?? '');
        env.addGlobal('TOO_FEW_TO_RATE', TOO_FEW_TO_RATE);
      },
    },
  });

  app.addHook('preHandler', async (request, reply) => {
    const role = request.user?.role;
    const path = request.url.split('?')[0] ?? '/';
    reply.locals = {
      user: request.user,
      role,
      csrfToken: request.csrfToken ?? '',
      cspNonce: reply.cspNonce?.script ?? '',
      canSeeChildren: role ? can(role, 'view_child_records') : false,
      canEditActions: role ? can(role, 'edit_actions') : false,
      // Councillors and the public see 1-5 as "<6"; officers see exact counts.
      count: countFormatter(role),
      ...navigationFor(role, path),
    };
  });
}
