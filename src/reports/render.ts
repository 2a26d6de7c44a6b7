// Nunjucks for the printed papers. Autoescape is on: narratives and action text are typed by
// officers and must never become markup.
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { MIN_CASES_TO_RATE, TOO_FEW_TO_RATE } from '../core/rag.ts';
import { longDate, ragWord } from './format.ts';

const DIR = fileURLToPath(new URL('./templates/', import.meta.url));

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(DIR, { noCache: false }), {
  autoescape: true,
  throwOnUndefined: false,
});
env.addFilter('longDate', longDate);
env.addFilter('rag', ragWord);
env.addGlobal('TOO_FEW_TO_RATE', TOO_FEW_TO_RATE);
env.addGlobal('minCasesToRate', MIN_CASES_TO_RATE);

export const AUTHORITY = 'Northbridge Council';

export function renderTemplate(name: string, context: Record<string, unknown>): string {
  return env.render(name, { authority: AUTHORITY, ...context });
}
