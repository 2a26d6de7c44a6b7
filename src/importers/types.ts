// The public shapes of an import run.
import type { TableChanges } from './annual.ts';

export interface ImportFile {
  /** What errors and results show: a file name or a path relative to the imported folder. */
  name: string;
  /** Read from disk (streamed) when `content` is not given. */
  path?: string;
  content?: string | Buffer;
}

export interface ImportProgress {
  file: string;
  rows: number;
  /** Bytes read so far across all files of the run. */
  bytes: number;
  totalBytes: number;
}

export interface ImportOptions {
  /** Who is importing: recorded on the run and on strategy action history. */
  user: string;
  /** SSDA903 collection year (financial year start, 2024 = 2024-25). */
  year?: number;
  /** Validate only: check every file and rule, report, store nothing (the run is recorded as 'checked'). */
  checkOnly?: boolean;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportError {
  file: string;
  /** Spreadsheet row: the header is row 1. 0 when the error is about the run, not a file. */
  row: number;
  field: string;
  rule: string;
  message: string;
  /** The child (CHILD) of the row, when the table has one. */
  child?: string;
  /** The values of the fields concerned, as "FIELD=value; ...". */
  values?: string;
}

export interface ImportResult {
  runId: number;
  /** 'checked': a check-only run found no errors (and stored nothing). */
  status: 'accepted' | 'rejected' | 'checked';
  files: { file: string; table: string; rows: number }[];
  /** The first errors (at most MAX_ERRORS). */
  errors: ImportError[];
  errorCount: number;
  /** Errors by rule and by child (report.ts), when there were errors or it was a check. */
  summary?: ErrorSummary;
  /** An accepted run: rows added, changed and removed in each SSDA903 table (importers/annual.ts). */
  changes?: TableChanges[];
  /**
   * Findings of the DfE's query rules (CIN census codes ending Q): each asks for the item to be
   * amended or a reason given, and none refuses the run. The first MAX_ERRORS, and how many.
   */
  queries?: ImportError[];
  queryCount?: number;
}

export interface ErrorSummary {
  byRule: { rule: string; count: number; message: string; fields: string[]; files: string[] }[];
  byChild: { child: string; count: number; rules: string[] }[];
  /** Errors the summary is of (at most MAX_REPORTED_ERRORS), and all errors of the run. */
  listed: number;
  total: number;
}
