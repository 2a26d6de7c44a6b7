// The SSDA903 collection year from a file's path: the innermost folder or file name with a year
// in it. A plain year names the year the collection ends (ssda903_2025 = 2024-25, ending March
// 2025, as the DfE names its returns); 2024-25 is read as written.
import type { ImportFile } from './types.ts';

/** Financial year start (2024 = 2024-25), or null when no name carries a year. */
export function yearFromPath(path: string): number | null {
  const segments = path.split(/[\\/]/).filter(Boolean).reverse();
  for (const s of segments) {
    const range = /(?<!\d)((?:19|20)\d{2})[-_](\d{2})(?!\d)/.exec(s);
    if (range && Number(range[2]) === (Number(range[1]) + 1) % 100) return Number(range[1]);
    const years = s.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g);
    if (years) return Number(years[years.length - 1]) - 1;
  }
  return null;
}

/** The collection year of a file of a run: given with the run, or from the file's name or path. */
export function yearOfJob(job: { year?: number; file: ImportFile }): number | null {
  return job.year ?? yearFromPath(job.file.name) ?? (job.file.path ? yearFromPath(job.file.path) : null);
}

/** Why an SSDA903 file without a collection year is refused. */
export function yearUnknown(file: ImportFile): string {
  return `${file.name}: the SSDA903 collection year is not known. Give the collection year with the files (2024 for 2024-25), or put it in the folder name (e.g. ssda903_2025).`;
}
