// How numbers, dates and ratings read on a page.
import { numberText } from '../core/number-text.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2025-04-01' as '1 April 2025' (GOV.UK style). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * A value in its unit: percentages, full-time equivalents and ratios to one decimal place (18.0
 * FTE, not 18), other values as they are to at most one decimal place.
 */
export function formatNumber(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'No data';
  if (unit === 'percent' || unit === '%') return `${value.toFixed(1)}%`;
  if (unit === 'fte' || unit === 'ratio') return value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const text = numberText(value);
  return unit && unit !== 'count' && unit !== 'number' ? `${text} ${unit}` : text;
}

const TAG: Record<string, string> = { green: 'govuk-tag--green', amber: 'govuk-tag--yellow', red: 'govuk-tag--red' };

export function ragTagClass(rag: string | null | undefined): string {
  return (rag && TAG[rag]) || 'govuk-tag--grey';
}

/** JSON to embed in a <script type="application/json"> block: "<" escaped so no text can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML, escaped as nunjucks' autoescape does (for text put into a rendered page). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
