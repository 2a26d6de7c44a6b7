// The Annex A lists as importer table specs, one per list, made from the declarative lists in
// lists.ts: the header is matched by pattern, each cell read by its column's type (cells.ts), and
// the staged rows replace the stored list. A CSV holds one list; a workbook several (xlsx.ts). The
// Annex A SEND lists (send-lists.ts) are read the same way into their own tables.
import * as z from 'zod';
import type { RowContext, TableSpec } from '../spec.ts';
import { readCell, type CellValue } from './cells.ts';
import { ANNEX_A_LISTS, listOfHeader, matchHeader, type AnnexAList } from './lists.ts';
import { ANNEX_A_SEND_LISTS } from './send-lists.ts';

/** Where a family of lists is stored: its rows and when each list was imported. */
interface ListStorage {
  lists: readonly AnnexAList[];
  rows: 'annex_a_row' | 'annex_a_send_row';
  imports: 'annex_a_import' | 'annex_a_send_import';
}
const ILACS: ListStorage = { lists: ANNEX_A_LISTS, rows: 'annex_a_row', imports: 'annex_a_import' };
const SEND: ListStorage = { lists: ANNEX_A_SEND_LISTS, rows: 'annex_a_send_row', imports: 'annex_a_send_import' };

export interface AnnexARow {
  child: string;
  data: Record<string, CellValue>;
}

/** Why a recognised header still cannot be read, or null. */
export function annexAHeaderProblem(list: AnnexAList, header: readonly string[]): string | null {
  const m = matchHeader(list, header);
  const problems: string[] = [];
  if (m.blank.length) problems.push(`column ${m.blank.map(columnLetter).join(', ')} has no heading (a merged or empty heading cell: unmerge the cells and give every column its heading)`);
  if (m.unknown.length) problems.push(`these headings match no ${list.label} column: ${m.unknown.map((h) => `"${h}"`).join(', ')}`);
  if (m.missing.length) problems.push(`no heading matches the required column${m.missing.length > 1 ? 's' : ''} ${m.missing.map((c) => `"${c.name}"`).join(', ')}`);
  return problems.length ? `${list.label}: ${problems.join('; ')}.` : null;
}

/** A spreadsheet column's letters (0 = A). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function schemaOf(list: AnnexAList, ctx: RowContext): z.ZodType<AnnexARow> {
  const header = ctx.header ?? [];
  const m = matchHeader(list, header);
  const shape: Record<string, z.ZodType> = {};
  header.forEach((h, i) => {
    const c = m.columns[i];
    if (!c) return;
    shape[h.trim().toLowerCase()] = z.string().transform((raw, zctx) => {
      const r = readCell(c.type, c.required ?? false, raw.trim(), ctx.today);
      if ('error' in r) {
        zctx.addIssue({ code: 'custom', message: r.error, params: { rule: r.rule } });
        return z.NEVER;
      }
      return r.value;
    });
  });
  const keyOf = new Map(header.map((h, i) => [h.trim().toLowerCase(), m.columns[i]?.key]));
  return z.object(shape).transform((r) => {
    const data: Record<string, CellValue> = {};
    for (const [k, v] of Object.entries(r)) data[keyOf.get(k)!] = v as CellValue;
    return { child: String(data[list.columns[0]!.key]), data };
  });
}

function tableOf(list: AnnexAList, storage: ListStorage): TableSpec<AnnexARow> {
  return {
    id: list.id,
    label: list.label,
    columns: list.columns.map((c) => c.name),
    recognise: (header) => listOfHeader(header, storage.lists) === list,
    headerProblem: (header) => annexAHeaderProblem(list, header),
    schema: (ctx) => schemaOf(list, ctx),
    stage: [['child_id', 'text'], ['data', 'jsonb']],
    toStage: (r) => [r.child, r.data],
    // Rows repeat a child (two contacts on a day are two rows): a row is its own key.
    key: ['f', 'r'],
    keyFields: ['row'],
    upsert: (tx) =>
      tx.exec(`DELETE FROM ${storage.rows} WHERE list = ${list.list};
        INSERT INTO ${storage.rows} (list, row_no, child_id, data)
          SELECT ${list.list}, row_number() OVER (ORDER BY f, r), child_id, data FROM s_${list.id};
        INSERT INTO ${storage.imports} (list, rows) SELECT ${list.list}, count(*) FROM s_${list.id}
          ON CONFLICT (list) DO UPDATE SET rows = excluded.rows, imported_at = now();`),
  };
}

export const ANNEX_A_TABLES: readonly TableSpec<AnnexARow>[] = ANNEX_A_LISTS.map((l) => tableOf(l, ILACS));
/** Annex A SEND Lists 1 and 2, stored beside the ILACS lists (migration 190). */
export const ANNEX_A_SEND_TABLES: readonly TableSpec<AnnexARow>[] = ANNEX_A_SEND_LISTS.map((l) => tableOf(l, SEND));
