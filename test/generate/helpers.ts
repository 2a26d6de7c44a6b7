// Reading the generator's output back for the tests: small files, parsed whole.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseDate, type IsoDate } from '../../src/core/dates.ts';

export type Row = Record<string, string>;

export function readCsv(dir: string, file: string): { header: string[]; rows: Row[] } {
  const text = readFileSync(join(dir, file), 'utf8');
  const header = (text.slice(0, text.indexOf('\n')) || '').split(',');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Row[];
  return { header, rows };
}

/** DD/MM/YYYY to YYYY-MM-DD (comparable as text); blank stays blank. */
export function iso(dfe: string | undefined): string {
  if (!dfe) return '';
  return `${dfe.slice(6, 10)}-${dfe.slice(3, 5)}-${dfe.slice(0, 2)}`;
}

/** Every file under a folder, as sorted '/'-separated relative paths. */
export function allFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Every CSV file under a folder (the CIN census XML aside), as sorted relative paths. */
export function filesUnder(dir: string): string[] {
  return allFilesUnder(dir).filter((f) => f.endsWith('.csv'));
}

const DATE_COLUMNS = new Set([
  'DOB', 'MC_DOB', 'DECOM', 'DEC', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'MIS_START', 'MIS_END', 'RHI_OFFERED', 'RHI_COMPLETED', 'RHI_DECLINED', 'START', 'END',
  'PersonBirthDate', 'ReceivedDate', 'RequestOutcomeDate', 'AssessmentOutcomeDate', 'DraftPlanDate', 'StartDate',
  'RequestedDate', 'MeetingDate', 'DueDate', 'UpdateDate',
  'Date', 'ResponseDate', // voice of the child feedback
  'EndDate', // elective home education register
  'CINreferralDate', 'CINclosureDate', 'AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate', // CIN census
  'BirthDate', // early help
]);
/** Due dates are targets, so they may lie in the future; every other date has happened by asOf. */
const FUTURE_ALLOWED = new Set(['DueDate']);

/** Every date column holds real DD/MM/YYYY dates, none after asOf but due dates; no date hides elsewhere. */
export function assertDates(dir: string, files: string[], asOf: IsoDate): void {
  for (const file of files) {
    const { header, rows } = readCsv(dir, file);
    rows.forEach((row, i) => {
      for (const col of header) {
        const v = row[col] ?? '';
        const looksLikeDate = /^\d\d\/\d\d\/\d{4}$/.test(v);
        if (!DATE_COLUMNS.has(col)) {
          assert.ok(!looksLikeDate, `${file} row ${i + 2}: ${col} holds a date but is not a date column`);
          continue;
        }
        if (v === '') continue;
        assert.ok(looksLikeDate && parseDate(v), `${file} row ${i + 2}: ${col} "${v}" is not DD/MM/YYYY`);
        if (!FUTURE_ALLOWED.has(col)) assert.ok(iso(v) <= asOf, `${file} row ${i + 2}: ${col} ${v} is after ${asOf}`);
      }
    });
  }
}
