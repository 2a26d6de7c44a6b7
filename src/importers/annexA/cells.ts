// Reading one Annex A cell by its column's type. Cells arrive as text: a CSV's as written, a
// workbook's converted by xlsx.ts (a date cell as YYYY-MM-DD, a number as its digits). Case
// systems write dates in several ways, so D/M/YYYY, DD-MM-YYYY and Excel serial day numbers are
// read as well as DD/MM/YYYY and ISO dates; anything else is refused with what was found.
import { addDays, parseDate, type IsoDate } from '../../core/dates.ts';
import type { AnnexAType } from './lists.ts';

export type CellValue = string | number | boolean | null;
export type CellResult = { value: CellValue } | { error: string; rule: string };

/** Excel's day 0 (its day 60 is the 29 February 1900 that never was, so day 61 on are right). */
const EXCEL_EPOCH: IsoDate = '1899-12-30';
/** Serial day numbers read as dates: 1 January 1900 (1) to 31 December 2099 (73050). */
const SERIAL_DAYS = { min: 61, max: 73050 };
/** Longest text kept in a cell (a worker's or team's name, a category). */
export const MAX_CELL_TEXT = 200;

export function excelSerialDate(serial: number): IsoDate {
  return addDays(EXCEL_EPOCH, Math.floor(serial));
}

function readDate(s: string, today: IsoDate): CellResult {
  let d = parseDate(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (d === null && dmy) d = parseDate(`${dmy[1]!.padStart(2, '0')}/${dmy[2]!.padStart(2, '0')}/${dmy[3]}`);
  // A date cell read as its ISO date and midnight (a workbook written by some systems).
  const stamp = /^(\d{4}-\d{2}-\d{2})[T ]00:00(:00(\.0+)?)?Z?$/.exec(s);
  if (d === null && stamp) d = parseDate(stamp[1]!);
  if (d === null && /^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (n >= SERIAL_DAYS.min && n <= SERIAL_DAYS.max) d = excelSerialDate(n);
  }
  if (d === null) return { error: `"${s}" is not a date (use DD/MM/YYYY, or format the cells as dates).`, rule: 'date' };
  if (d > today) return { error: `${s} is in the future.`, rule: 'future-date' };
  return { value: d };
}

const YES = new Set(['y', 'yes', 'true', '1', 'a yes']);
const NO = new Set(['n', 'no', 'false', '0', 'b no']);
const UNKNOWN = new Set(['unknown', 'not known', 'not recorded', 'u', 'c unknown']);

/** Reads one cell (already trimmed); blank is null, or an error when the column is required. */
export function readCell(type: AnnexAType, required: boolean, s: string, today: IsoDate): CellResult {
  if (s === '') return required ? { error: 'This must not be blank.', rule: 'required' } : { value: null };
  switch (type) {
    case 'date':
      return readDate(s, today);
    case 'number': {
      const n = Number(s);
      return Number.isInteger(n) && n >= 0 ? { value: n } : { error: `"${s}" is not a whole number.`, rule: 'number' };
    }
    case 'yesno': {
      const v = s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
      if (YES.has(v)) return { value: true };
      if (NO.has(v)) return { value: false };
      if (UNKNOWN.has(v)) return { value: null };
      return { error: `"${s}" is not yes or no (use Y or N).`, rule: 'yes-no' };
    }
    case 'text':
      return s.length > MAX_CELL_TEXT ? { error: `This is longer than ${MAX_CELL_TEXT} characters (the limit for one cell).`, rule: 'too-long' } : { value: s };
  }
}
