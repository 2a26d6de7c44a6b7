// Shared by the report tests: one store per file, element text from the HTML, text from the PDF.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { closePdfRenderer, renderPdf } from '../../src/reports/index.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore } from '../helpers.ts';

export const PAGES_DIR = '/tmp/report-pages';

/** One store for the tests of a file, filled once; the PDF browser is closed with it. */
export function sharedStore(fill: (store: Store) => Promise<void>): () => Store {
  let store: Store | undefined;
  before(async () => {
    store = await openTestStore();
    await fill(store);
  });
  after(async () => {
    await closePdfRenderer();
    await store?.close();
  });
  return () => {
    assert.ok(store, 'the store is open');
    return store;
  };
}

/** The text of the element with this id (a table row, a section), tags removed. */
export function textOf(html: string, tag: 'tr' | 'section', id: string): string {
  const m = new RegExp(`<${tag}[^>]* id="${id}">([\\s\\S]*?)</${tag}>`).exec(html);
  assert.ok(m, `${tag} ${id}`);
  return (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Renders the PDF, keeps it in PAGES_DIR for a look, and reads it back with pdftotext (layout kept). */
export async function pdfText(html: string, name: string): Promise<{ text: string; pages: number }> {
  const pdf = await renderPdf(html);
  mkdirSync(PAGES_DIR, { recursive: true });
  const file = `${PAGES_DIR}/${name}.pdf`;
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f').filter((p) => p.trim()).length };
}
