// Server-side pages: nunjucks with the GOV.UK Frontend macros, and the per-request context every
// page needs (who is signed in, their role, the CSRF token, the navigation they may use).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyView from '@fastify/view';
import nunjucks from 'nunjucks';
import { can, type Permission } from '../../core/access.ts';
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

const NAV: NavItem[] = [
  { href: '/', text: 'Dashboard', permission: 'view_aggregates' },
  { href: '/ehcp', text: 'EHCPs', permission: 'view_aggregates' },
  { href: '/missing', text: 'Missing', permission: 'view_aggregates' },
  { href: '/front-door', text: 'Front door', permission: 'view_aggregates' },
  { href: '/early-help', text: 'Early help', permission: 'view_aggregates' },
  { href: '/care-leavers', text: 'Care leavers', permission: 'view_aggregates' },
  { href: '/workforce', text: 'Workforce', permission: 'view_aggregates' },
  { href: '/home-education', text: 'Home education', permission: 'view_aggregates' },
  { href: '/actions', text: 'Action plan', permission: 'view_aggregates' },
  { href: '/voice', text: 'Voice of the child', permission: 'view_aggregates' },
  { href: '/committee', text: 'Committee', permission: 'view_aggregates' },
  { href: '/reports', text: 'Reports', permission: 'view_aggregates' },
  { href: '/import', text: 'Import', permission: 'import' },
  { href: '/audits', text: 'Case audits', permission: 'view_audits' },
  { href: '/admin/audit-log', text: 'Audit log', permission: 'view_audit_log' },
];

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
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
      navigation: NAV.filter((n) => role && can(role, n.permission)).map((n) => ({
        href: n.href,
        text: n.text,
        active: isCurrent(n.href, path),
      })),
    };
  });
}
