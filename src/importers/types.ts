// The public shapes of an import run.

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
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportError {
  file: string;
  /** Spreadsheet row: the header is row 1. 0 when the error is about the run, not a file. */
  row: number;
  field: string;
  rule: string;
  message: string;
}

export interface ImportResult {
  runId: number;
  status: 'accepted' | 'rejected';
  files: { file: string; table: string; rows: number }[];
  /** The first errors (at most MAX_ERRORS). */
  errors: ImportError[];
  errorCount: number;
}
