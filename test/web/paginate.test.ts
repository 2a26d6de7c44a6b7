// The one pagination helper behind the long lists of children (missing, front door): pages of
// PAGE_SIZE, GOV.UK's first / last / either-side pattern, filters kept in every link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_SIZE, paginate } from '../../src/server/paginate.ts';

const rows = Array.from({ length: 12 * PAGE_SIZE + 3 }, (_, i) => i + 1);

test('a middle page: its rows, what it shows, links keeping the filter, ellipses between far pages', () => {
  const p = paginate(rows, 6, '/missing', { reason: 'repeat' });
  assert.deepEqual(p.rows, rows.slice(5 * PAGE_SIZE, 6 * PAGE_SIZE));
  assert.equal(p.showing, `Showing ${5 * PAGE_SIZE + 1} to ${6 * PAGE_SIZE} of ${rows.length}`);
  assert.equal(p.pagination?.previous?.href, '/missing?reason=repeat&page=5');
  assert.equal(p.pagination?.next?.href, '/missing?reason=repeat&page=7');
  const items = p.pagination!.items.map((i) => ('ellipsis' in i ? '…' : i.current ? `[${i.number}]` : String(i.number)));
  assert.deepEqual(items, ['1', '…', '5', '[6]', '7', '…', '13']);
});

test('the first and last pages have no link past the end; out of range is clamped; one page has no pagination', () => {
  assert.equal(paginate(rows, 1, '/x', {}).pagination?.previous, undefined);
  const last = paginate(rows, 999, '/x', {});
  assert.equal(last.pagination?.next, undefined);
  assert.deepEqual(last.rows, rows.slice(12 * PAGE_SIZE));
  assert.equal(paginate(rows.slice(0, PAGE_SIZE), 1, '/x', {}).pagination, null);
  assert.equal(paginate([], 1, '/x', {}).showing, 'None to show');
});
