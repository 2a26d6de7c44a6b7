// Statistical neighbours, kept per year: the published wide list (one column per authority, by
// name, its ten neighbours below, nearest first) or a long form (la_code, neighbour_code, rank)
// with old or new LA codes. Names are matched to codes through the authorities in the loaded EES
// figures (core/ees/benchmark.ts nameKey: "St. Helens" = "St Helens", "Bristol, City of" =
// "Bristol"); a name or code that matches none is an error naming it, never silently dropped.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { nameKey } from '../core/ees/benchmark.ts';
import { publishedAuthorities } from '../store/benchmarks.ts';
import { forgetVersion } from '../store/figure-cache.ts';
import type { Store } from '../store/open.ts';

/** The most neighbours an authority may have: the DfE's lists have ten. */
export const MAX_NEIGHBOURS = 15;

export class NeighbourImportError extends Error {}

const LONG = ['la_code', 'neighbour_code', 'rank'];

export async function importNeighbours(store: Store, file: { name: string; path?: string; content?: string | Buffer }, year: number): Promise<{ authorities: number; pairs: number }> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new NeighbourImportError(`${year} is not a year (e.g. 2024).`);
  const text = file.content !== undefined ? String(file.content) : readFileSync(file.path!, 'utf8');
  const rows = (parse(text, { bom: true, relax_column_count: true }) as string[][]).filter((r) => r.some((c) => c.trim() !== ''));
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  if (header.length === 0) throw new NeighbourImportError(`${file.name} is empty.`);
  const authorities = await publishedAuthorities(store);
  if (authorities.length === 0) throw new NeighbourImportError(`${file.name}: load an EES file first: authorities are matched to their codes through its names and codes.`);
  const byName = new Map(authorities.map((a) => [nameKey(a.name), a.code]));
  const byCode = new Map(authorities.flatMap((a) => [[a.code, a.code], ...(a.oldCode ? [[a.oldCode, a.code] as const] : [])]));
  const unknown: string[] = [];
  const pairs: { la_code: string; neighbour_code: string; rank: number }[] = [];
  const isLong = LONG.every((c) => header.map((h) => h.toLowerCase()).includes(c));
  if (isLong) {
    const at = LONG.map((c) => header.map((h) => h.toLowerCase()).indexOf(c));
    rows.slice(1).forEach((r, i) => {
      const [la, neighbour, rank] = at.map((j) => (r[j] ?? '').trim());
      const codes = [la!, neighbour!].map((c) => byCode.get(c.toUpperCase()) ?? byCode.get(c));
      [la!, neighbour!].forEach((c, k) => !codes[k] && unknown.push(`row ${i + 2}: ${c}`));
      const n = Number(rank);
      if (!Number.isInteger(n) || n < 1 || n > MAX_NEIGHBOURS) throw new NeighbourImportError(`${file.name} row ${i + 2}, rank: "${rank}" is not a whole number from 1 to ${MAX_NEIGHBOURS}.`);
      if (codes[0] && codes[1]) pairs.push({ la_code: codes[0], neighbour_code: codes[1], rank: n });
    });
  } else {
    const body = rows.slice(1);
    if (body.length > MAX_NEIGHBOURS) throw new NeighbourImportError(`${file.name} has ${body.length} rows of neighbours; the most allowed is ${MAX_NEIGHBOURS}.`);
    header.forEach((la, col) => {
      const code = byName.get(nameKey(la));
      if (!code) unknown.push(`column ${col + 1}: ${la}`);
      body.forEach((r, i) => {
        const name = (r[col] ?? '').trim();
        if (!name) return;
        const neighbour = byName.get(nameKey(name));
        if (!neighbour) unknown.push(`row ${i + 2}, column ${col + 1}: ${name}`);
        else if (code) pairs.push({ la_code: code, neighbour_code: neighbour, rank: i + 1 });
      });
    });
  }
  if (unknown.length) {
    throw new NeighbourImportError(`${file.name}: ${unknown.length} ${isLong ? 'codes' : 'names'} match no authority in the published figures: ${unknown.join('; ')}.`);
  }
  const seen = new Set<string>();
  for (const p of pairs) {
    const key = `${p.la_code}|${p.neighbour_code}`;
    if (seen.has(key)) throw new NeighbourImportError(`${file.name}: ${p.neighbour_code} is listed twice as a neighbour of ${p.la_code}.`);
    seen.add(key);
  }
  await store.transaction(async (tx) => {
    await tx.db.deleteFrom('statistical_neighbour').where('year', '=', year).execute();
    if (pairs.length) await tx.db.insertInto('statistical_neighbour').values(pairs.map((p) => ({ ...p, year }))).execute();
  });
  forgetVersion(store);
  return { authorities: new Set(pairs.map((p) => p.la_code)).size, pairs: pairs.length };
}
