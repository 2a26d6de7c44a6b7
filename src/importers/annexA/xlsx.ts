// An Annex A workbook (.xlsx, one sheet per list) read into COPY text for the lists' staging
// tables, as parse-file.ts does for a CSV: streamed with exceljs's WorkbookReader (a sheet at a
// time, rows never all in memory), each sheet's list known from its name or else its heading row,
// headings matched by pattern (lists.ts), cells read by type (cells.ts). Errors name the sheet,
// the spreadsheet row and the column (letter and heading); one error refuses the whole run.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { copyLine } from '../../store/copy-line.ts';
import { CopyBuffer } from '../copy-buffer.ts';
import { ErrorList } from '../errors.ts';
import type { FileChunk, FileJob } from '../parse-file.ts';
import { readError } from '../parse-file.ts';
import type { RowContext, TableSpec } from '../spec.ts';
import { validateRow } from '../stage.ts';
import { ANNEX_A_LISTS, bestListOfHeader, listOfSheet, type AnnexAList } from './lists.ts';
import { ANNEX_A_SEND_LISTS, isSendSheetName } from './send-lists.ts';
import { reorderedZip, zipLayout } from './zip-layout.ts';
import { annexAHeaderProblem, ANNEX_A_SEND_TABLES, ANNEX_A_TABLES, columnLetter } from './tables.ts';

const ALL_TABLES = [...ANNEX_A_TABLES, ...ANNEX_A_SEND_TABLES];

/**
 * The list a sheet holds. A sheet is a SEND list when its headings match a SEND list better than
 * an ILACS one, or its name says SEND / EHC / SEN support; either family is then looked up by the
 * sheet's name first ("List 3" is List 3 of its family), then by its headings.
 */
export function listOfWorksheet(name: string, header: readonly string[]): AnnexAList | null {
  const ilacs = bestListOfHeader(header, ANNEX_A_LISTS);
  const send = bestListOfHeader(header, ANNEX_A_SEND_LISTS);
  const isSend = send !== null ? send.matched > (ilacs?.matched ?? 0) : ilacs === null && isSendSheetName(name);
  const lists = isSend ? ANNEX_A_SEND_LISTS : ANNEX_A_LISTS;
  return listOfSheet(name, lists) ?? (isSend ? send : ilacs)?.list ?? null;
}

/** What the run's results call the file (it fills several lists). */
const WORKBOOK_LABEL = 'Annex A workbook';
/** Staged rows per chunk (as CHUNK_ROWS for CSV). */
const CHUNK_ROWS = 20000;
/** Rows above the heading row that may hold a title or notes; past them a sheet has no heading. */
const MAX_TITLE_ROWS = 10;
/** Sheets a workbook may hold besides the lists (Ofsted's template has guidance and a cover). */
const OTHER_SHEETS = /guidance|cover|contents|notes|instructions|read ?me|front|summary|lookup|validation/i;

export function isXlsxFile(name: string): boolean {
  return name.toLowerCase().endsWith('.xlsx');
}

/** A cell as text: dates as YYYY-MM-DD, numbers as written, rich text joined, a formula's result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'Y' : 'N';
  if (typeof v === 'string') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  // A shared string the reader never found: the workbook ends early (written part-way, or damaged).
  if ('sharedString' in v) throw new Error('its shared strings are missing (the workbook is incomplete or damaged; save it again from Excel)');
  if ('error' in v) return `#${String(v.error).replace(/^#/, '')}`;
  if ('text' in v) return String((v as { text: unknown }).text);
  return '';
}

function rowTexts(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]).trim());
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

interface SheetState {
  list: AnnexAList;
  spec: TableSpec;
  schema: ReturnType<TableSpec['schema']>;
  ctx: RowContext;
  keys: string[];
  fieldNames: Map<string, string>;
}

export async function* parseXlsxFile(job: FileJob): AsyncGenerator<FileChunk> {
  const { file, fileNo } = job;
  const errors = new ErrorList();
  const lines = new CopyBuffer();
  let staged = 0;
  let rows = 0;
  let listed = 0;
  let counted = 0;
  let table: FileChunk['table'];
  const chunk = (last: boolean): FileChunk => {
    const shown = errors.items.slice(listed);
    const c = { fileNo, table, text: lines.take(), rows, bytes: 0, errors: shown, uncounted: errors.count - counted - shown.length, last };
    [staged, listed, counted] = [0, errors.items.length, errors.count];
    return c;
  };
  const seen = new Map<AnnexAList, string>();
  let flushDue = false;
  try {
    const bytes = file.content !== undefined ? Buffer.from(file.content) : null;
    const layout = zipLayout(bytes ?? file.path!);
    const names = layout?.sheetNames ?? new Map<string, string>();
    const input = layout ? reorderedZip(bytes ?? file.path!, layout) : bytes ? Readable.from([bytes]) : file.path!;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    // A zip too broken to lay out is given as it is; exceljs then fails reading a sheet before the
    // workbook's model rather than saying the zip is broken, so the model is there to read past.
    (reader as unknown as { model?: object }).model ??= { sheets: [] };
    for await (const ws of reader) {
      const part = ws as unknown as { id: string; name: string };
      const sheet = names.get(`xl/worksheets/sheet${part.id}.xml`) ?? part.name;
      const where = `${file.name}, sheet "${sheet}"`;
      const sheetError = (row: number, message: string, rule = 'sheet') => errors.add({ file: file.name, row, field: `sheet "${sheet}"`, rule, message: `${where}: ${message}` });
      let state: SheetState | null = null;
      let refused = false;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        // The sheet before's rows go out now, from inside this sheet (see below).
        if (flushDue) {
          flushDue = false;
          yield chunk(false);
        }
        if (refused) continue;
        const values = rowTexts(row);
        if (!state) {
          if (values.filter((v) => v !== '').length < 3) {
            if (row.number > MAX_TITLE_ROWS) {
              refused = true;
              if (!OTHER_SHEETS.test(sheet)) sheetError(row.number, `no heading row in the first ${MAX_TITLE_ROWS} rows (the limit for title rows above the headings).`, 'header');
            }
            continue;
          }
          const list = listOfWorksheet(sheet, values);
          if (!list) {
            refused = true;
            if (!OTHER_SHEETS.test(sheet)) sheetError(row.number, `the sheet's name and headings match no Annex A list (${ANNEX_A_LISTS.map((l) => `List ${l.list}`).join(', ')}; SEND ${ANNEX_A_SEND_LISTS.map((l) => `List ${l.list}`).join(', ')}).`, 'header');
            continue;
          }
          if (seen.has(list)) {
            refused = true;
            sheetError(row.number, `${list.label} is already on sheet "${seen.get(list)}"; a workbook holds each list once.`, 'header');
            continue;
          }
          seen.set(list, sheet);
          const problem = annexAHeaderProblem(list, values);
          if (problem) {
            refused = true;
            sheetError(row.number, `row ${row.number} (the headings): ${problem}`, 'header');
            continue;
          }
          const spec = ALL_TABLES.find((t) => t.id === list.id)!;
          const ctx: RowContext = { fy: null, today: job.today, header: values };
          const keys = values.map((v) => v.trim().toLowerCase());
          const fieldNames = new Map(values.map((v, i) => [v.trim().toLowerCase(), `${columnLetter(i)} "${v.trim()}"`] as const));
          state = { list, spec, schema: spec.schema(ctx), ctx, keys, fieldNames };
          table = { id: list.id, fy: null, label: WORKBOOK_LABEL };
          continue;
        }
        if (values.every((v) => v === '')) continue;
        rows += 1;
        const at = { file: `${file.name}, sheet "${sheet}"`, row: row.number };
        if (values.length > state.keys.length) {
          errors.add({ ...at, field: columnLetter(values.length - 1), rule: 'columns', message: `Row ${row.number} has a value in column ${columnLetter(values.length - 1)}, past the last heading (${columnLetter(state.keys.length - 1)}): give that column a heading (a merged heading cell leaves it without one) or clear it.` });
          continue;
        }
        const record: Record<string, string> = {};
        for (let i = 0; i < state.keys.length; i++) record[state.keys[i]!] = values[i] ?? '';
        const stage = validateRow(state.spec, state.schema, state.ctx, record, state.fieldNames, at, errors);
        if (!stage) continue;
        lines.add(`${fileNo},${row.number},,${copyLine(stage)}`);
        if (++staged >= CHUNK_ROWS || lines.full) yield chunk(false);
      }
      // Each sheet's rows go out before the next sheet's, since a chunk names one table; but not
      // here, between two sheets: a reader paused between zip entries (the consumer copying into
      // PostgreSQL) lost the next sheet, so they go out with the next sheet's first row or at the end.
      if (state) flushDue = true;
    }
    // A workbook of the ILACS lists holds all 11, one of the SEND lists both (or it may hold both sets).
    const sets = [ANNEX_A_LISTS, ANNEX_A_SEND_LISTS].filter((set, i) => set.some((l) => seen.has(l)) || (i === 0 && seen.size === 0));
    const missing = sets.flatMap((set) => set.filter((l) => !seen.has(l)));
    if (missing.length) {
      errors.add({
        file: file.name, row: 0, field: '', rule: 'sheet',
        message: `${file.name} has no sheet for ${missing.map((l) => l.label).join(', ')}. Ofsted's template has one sheet per list; a list with no children is a sheet with its heading row only.`,
      });
    }
  } catch (err) {
    const e = err as Error;
    errors.add(/zip|end of central directory|signature/i.test(e.message)
      ? { file: file.name, row: 0, field: '', rule: 'file', message: `${file.name} is not an Excel workbook (.xlsx) that can be read: ${e.message}` }
      : readError(file, err));
  }
  yield chunk(true);
}
