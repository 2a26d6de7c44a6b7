// Reads a rendered PDF back as text (poppler's pdftotext, keeping the layout so table rows stay on one line).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderPdf } from '../../src/reports/index.ts';

export const PAGES_DIR = '/tmp/report-pages';

export async function pdfText(html: string, name: string): Promise<{ text: string; pages: number }> {
  const pdf = await renderPdf(html);
  mkdirSync(PAGES_DIR, { recursive: true });
  const file = `${PAGES_DIR}/${name}.pdf`;
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f').filter((p) => p.trim()).length };
}
