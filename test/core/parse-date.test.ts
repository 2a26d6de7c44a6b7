// parseDate reads dates by character arithmetic for speed; it must agree exactly with the plain
// regex-and-Date reading it replaced, on real dates, near-misses and arbitrary text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDate } from '../../src/core/dates.ts';

/** The earlier implementation, kept as the reference. */
function reference(text: string): string | null {
  const s = text.trim();
  const valid = (y: number, m: number, d: number) => {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  };
  const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  let m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1])) ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3])) ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return null;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const space = fc.constantFrom('', ' ', '\t', '\n', '\u00a0', '\ufeff', 'x', '0');

test('every day/month/year combination, both formats, reads as before', () => {
  let real = 0;
  for (const y of [0, 1, 99, 100, 1600, 1899, 1900, 2000, 2023, 2024, 2100, 9999]) {
    for (let m = 0; m <= 13; m++) {
      for (let d = 0; d <= 32; d++) {
        for (const s of [`${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`, `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`]) {
          assert.equal(parseDate(s), reference(s), s);
          if (reference(s)) real += 1;
        }
      }
    }
  }
  assert.ok(real > 2000, `only ${real} real dates`);
});

test('date-like strings with stray characters and arbitrary text read as before', () => {
  const dateLike = fc
    .tuple(fc.integer({ min: -5, max: 10050 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), fc.boolean(), space, space)
    .map(([y, m, d, dfe, before, after]) => `${before}${dfe ? `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}` : `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`}${after}`);
  const mangled = fc.tuple(dateLike, fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([s, i, c]) => s.slice(0, i % (s.length + 1)) + c + s.slice((i % (s.length + 1)) + 1));
  fc.assert(
    fc.property(fc.oneof(dateLike, mangled, fc.string(), fc.string({ unit: 'grapheme' })), (s) => assert.equal(parseDate(s), reference(s), JSON.stringify(s))),
    { numRuns: 20000, seed: 11 },
  );
});
