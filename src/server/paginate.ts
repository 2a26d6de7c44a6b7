// One page of a long list, and the GOV.UK pagination component's parameters for the links to the
// others (each link keeps the page's other query parameters, such as its filters).

/** Rows on one page of a list of children: a screenful to work through, and a page that loads quickly. */
export const PAGE_SIZE = 25;

export interface Paged<T> {
  rows: T[];
  total: number;
  /** "Showing 26 to 50 of 312". */
  showing: string;
  /** For govukPagination; null when everything fits on one page. */
  pagination: { previous?: { href: string }; next?: { href: string }; items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] } | null;
}

/** Page `page` (1 = first; out of range is clamped) of `rows`, with links built on `path` and `query`. */
export function paginate<T>(rows: readonly T[], page: number, path: string, query: Record<string, string | undefined>, param = 'page'): Paged<T> {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const href = (n: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
    params.set(param, String(n));
    return `${path}?${params.toString()}`;
  };
  const first = (current - 1) * PAGE_SIZE;
  const shown = rows.slice(first, first + PAGE_SIZE);
  // First, last and the pages either side of the current one, with ellipses between (GOV.UK's pattern).
  const numbers = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: NonNullable<Paged<T>['pagination']>['items'] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === current });
  });
  return {
    rows: shown,
    total: rows.length,
    showing: rows.length === 0 ? 'None to show' : `Showing ${first + 1} to ${first + shown.length} of ${rows.length}`,
    pagination: pages === 1 ? null : { ...(current > 1 ? { previous: { href: href(current - 1) } } : {}), ...(current < pages ? { next: { href: href(current + 1) } } : {}), items },
  };
}
