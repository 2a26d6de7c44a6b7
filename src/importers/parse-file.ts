// One file of an import read into COPY text for its staging table, a chunk at a time: header
// recognised, rows validated, valid rows serialised. This is the CPU-heavy part of an import, so
// big runs do it in worker threads (workers.ts); the run's own thread only copies the text.
import type { IsoDate } from '../core/dates.ts';
import { copyLine } from '../store/copy-line.ts';
import { CopyBuffer } from './copy-buffer.ts';
import { detectTable, explainHeader } from './detect.ts';
import type { Encoding } from './encoding.ts';
import { ErrorList } from './errors.ts';
import { InputError, MAX_COLUMNS, MAX_FIELD_CHARS, fieldTooLong, inputError, tooManyColumns } from './limits.ts';
import { readCsv } from './reader.ts';
import type { RowContext, TableSpec } from './spec.ts';
import { validateRow } from './stage.ts';
import { isXmlFile, parseXmlFile } from './xml/parse-xml.ts';
import { parse903Xml, SSDA903_ROOT, xmlRootName } from './xml/ssda903.ts';
import { isXlsxFile, parseXlsxFile } from './annexA/xlsx.ts';
import type { ImportError, ImportFile } from './types.ts';
import { yearOfJob, yearUnknown } from './year.ts';

/** Rows read per chunk (one COPY of the valid ones each); a chunk is also where an in-thread parse lets other work in. */
export const CHUNK_ROWS = 20000;

export interface FileJob {
  file: ImportFile;
  /** Position in the run: the f column of the staging rows. */
  fileNo: number;
  /** SSDA903 collection year given for the run. */
  year?: number;
  today: IsoDate;
  /** From the pre-flight (limits.ts). */
  encoding: Encoding;
}

export interface FileChunk {
  fileNo: number;
  /**
   * On the first chunk after the header is recognised: the table's id and the collection year. An
   * XML return fills several tables, so each of its chunks names its table, and the file's label.
   */
  table?: { id: string; fy: number | null; label?: string };
  /** Lines for COPY into the staging table (f, r, y, then the table's staging columns), UTF-8. */
  text: Uint8Array<ArrayBuffer>;
  /** Data rows read so far (valid or not), and bytes read since the previous chunk. */
  rows: number;
  bytes: number;
  /** Errors found since the previous chunk; past MAX_ERRORS for the file they are only counted. */
  errors: ImportError[];
  uncounted: number;
  /** Query findings (asking for a reason, not refusing) since the previous chunk, and those only counted. */
  queries?: ImportError[];
  queriesUncounted?: number;
  /** The file's last chunk. */
  last: boolean;
}

/** The error for a file that cannot be read (or copied) part-way. */
export function readError(file: ImportFile, err: unknown): ImportError {
  if (err instanceof InputError) return inputError(file, err);
  const e = err as NodeJS.ErrnoException & { lines?: number };
  const at = e.lines ? ` (near line ${e.lines})` : '';
  return { file: file.name, row: e.lines ?? 0, field: '', rule: e.code === 'ENOENT' ? 'file' : 'csv', message: `${file.name} could not be read${at}: ${e.message}` };
}

export async function* parseFile(job: FileJob): AsyncGenerator<FileChunk> {
  if (isXmlFile(job.file.name)) {
    // The SSDA903 export is told from the DfE's XML returns by its root element.
    yield* (await xmlRootName(job.file)) === SSDA903_ROOT ? parse903Xml(job) : parseXmlFile(job);
    return;
  }
  if (isXlsxFile(job.file.name)) {
    yield* parseXlsxFile(job);
    return;
  }
  const { file, fileNo } = job;
  const errors = new ErrorList();
  const lines = new CopyBuffer();
  let read = 0;
  let rows = 0;
  let bytes = 0;
  let table: FileChunk['table'];
  let listed = 0;
  let counted = 0;
  const chunk = (last: boolean): FileChunk => {
    const shown = errors.items.slice(listed);
    const c = { fileNo, table, text: lines.take(), rows, bytes, errors: shown, uncounted: errors.count - counted - shown.length, last };
    [read, bytes, table, listed, counted] = [0, 0, undefined, errors.items.length, errors.count];
    return c;
  };
  const fileError = (message: string, rule: string) => errors.add({ file: file.name, row: 1, field: '', rule, message });

  let spec: TableSpec | null = null;
  let keys: string[] = [];
  /** Optional columns the header lacks: each reads as blank. */
  let absent: string[] = [];
  let fieldNames = new Map<string, string>();
  let schema: ReturnType<TableSpec['schema']> | null = null;
  let ctx: RowContext = { fy: null, today: job.today };
  // f and y of every line; r goes between them.
  let fyText = '';
  try {
    for await (const records of readCsv(file, job.encoding, (n) => (bytes += n))) {
      for (const { values, row } of records) {
        if (!spec) {
          // The pre-flight counted the first line's columns; a quoted line break can hide more.
          if (values.length > MAX_COLUMNS) throw tooManyColumns(row, values.length);
          spec = detectTable(values);
          if (!spec) {
            fileError(`${file.name}: ${explainHeader(values)}`, 'header');
            yield chunk(true);
            return;
          }
          const problem = spec.headerProblem?.(values) ?? null;
          if (problem) {
            fileError(`${file.name}: ${problem}`, 'header');
            yield chunk(true);
            return;
          }
          const fy = spec.needsYear ? yearOfJob(job) : null;
          if (spec.needsYear && fy === null) {
            fileError(yearUnknown(file), 'year');
            yield chunk(true);
            return;
          }
          table = { id: spec.id, fy };
          keys = values.map((v) => v.trim().toLowerCase());
          absent = (spec.optionalColumns ?? []).map((c) => c.toLowerCase()).filter((c) => !keys.includes(c));
          fieldNames = new Map([...values.map((v) => [v.trim().toLowerCase(), v.trim()] as const), ...spec.columns.map((c) => [c.toLowerCase(), c] as const)]);
          ctx = { ...ctx, fy, header: values };
          schema = spec.schema(ctx);
          fyText = `,${fy ?? ''},`;
          continue;
        }
        if (read >= CHUNK_ROWS || lines.full) yield chunk(false);
        rows += 1;
        read += 1;
        const where = { file: file.name, row };
        if (values.length !== keys.length) {
          errors.add({ ...where, field: '', rule: 'columns', message: `This row has ${values.length} values but the header has ${keys.length} columns.` });
          continue;
        }
        const record: Record<string, string> = {};
        let long = -1;
        for (let i = 0; i < keys.length; i++) if ((record[keys[i]!] = values[i]!).length > MAX_FIELD_CHARS) long = i;
        for (const c of absent) record[c] = '';
        if (long !== -1) {
          errors.add(inputError(file, fieldTooLong(row, fieldNames.get(keys[long]!) ?? keys[long]!)));
          continue;
        }
        const stage = validateRow(spec, schema!, ctx, record, fieldNames, where, errors);
        // Valid rows are staged even after errors, so the checks across files report real problems only.
        if (stage) lines.add(`${fileNo},${row}${fyText}${copyLine(stage)}`);
      }
    }
    if (!spec) fileError(`${file.name} is empty: it has no header row.`, 'header');
  } catch (err) {
    errors.add(readError(file, err));
  }
  yield chunk(true);
}
