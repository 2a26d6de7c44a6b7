// Every HTML page the server answers, read from its own route register (so a page added tomorrow
// is covered without touching the tests), with the roles allowed to see it, and what a browser
// measures on one: whether it fits the window. Used by the accessibility test and scripts/screens.ts.
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { can, type Permission, type Role } from '../../src/core/access.ts';

/** Pages are GETs that are not the JSON API, static files, downloads (errors.csv or .xlsx too) or the printed papers. */
const NOT_A_PAGE = /^\/(api|assets|vendor)\/|\.(csv|pdf|xlsx|:format)$|^\/reports\/(?!letter-template$|commentary)[^/]+/;

export interface PageRoute {
  url: string;
  permission: Permission;
}

export function pageRoutes(app: FastifyInstance): PageRoute[] {
  return app.routeRegister
    .filter((r) => r.method === 'GET' && r.permission && r.permission !== 'public' && !NOT_A_PAGE.test(r.url))
    .map((r) => ({ url: r.url, permission: r.permission as Permission }));
}

/** The pages `role` may open, their parameters filled by `fill`. */
export function pagesFor(app: FastifyInstance, role: Role, fill: (url: string) => string): string[] {
  return pageRoutes(app).filter((r) => can(role, r.permission)).map((r) => fill(r.url));
}

/** Wider than its box: the page itself, or a table inside a scrolling wrapper. */
export interface Overflow {
  what: string;
  width: number;
  room: number;
}

/** What does not fit on the page as shown in the current window. */
export function overflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: { what: string; width: number; room: number }[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) found.push({ what: 'page', width: doc.scrollWidth, room: doc.clientWidth });
    document.querySelectorAll<HTMLElement>('.council-table-scroll').forEach((el) => {
      if (el.scrollWidth > el.clientWidth + 1) {
        const testid = el.querySelector('[data-testid]')?.getAttribute('data-testid') ?? el.querySelector('caption')?.textContent?.trim() ?? 'table';
        found.push({ what: `table ${testid}`, width: el.scrollWidth, room: el.clientWidth });
      }
    });
    return found;
  });
}
