// Importers: DfE-format and case-system CSV files into the store, all files of a run in one
// transaction. The formats are in docs/formats.md.
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Store } from '../store/open.ts';
import { importFiles } from './run.ts';
import type { ImportFile, ImportOptions, ImportResult } from './types.ts';

export { importFiles } from './run.ts';
export { detectTable, explainHeader } from './detect.ts';
export { formatErrors, MAX_ERRORS } from './errors.ts';
export { yearFromPath } from './year.ts';
export type { ImportError, ImportFile, ImportOptions, ImportProgress, ImportResult } from './types.ts';

/** Every .csv file under a folder (recursively), named by its path from the folder's parent. */
export function csvFilesUnder(dir: string): ImportFile[] {
  return filesUnder(dir, '.csv');
}

/**
 * Every .xml file under a folder (the DfE's XML returns). Kept apart from the CSV files: a CIN
 * census XML holds the same referrals as a referrals CSV, and the later return's rows win within
 * a run, so a case system's local referral sources are imported first and kept (tables/cin.ts).
 */
export function xmlFilesUnder(dir: string): ImportFile[] {
  return filesUnder(dir, '.xml');
}

function filesUnder(dir: string, ext: string): ImportFile[] {
  const root = join(dir, '..');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => {
        const p = join(d, e.name);
        if (e.isDirectory()) return walk(p);
        return e.isFile() && e.name.toLowerCase().endsWith(ext) ? [p] : [];
      });
  return walk(dir).map((p) => ({ name: relative(root, p) || basename(p), path: p }));
}

/**
 * Imports every .csv under a folder in one run. Without `year`, each SSDA903 file's collection
 * year comes from its folder or file name (ssda903_2025/header.csv = 2024-25).
 */
export function importDirectory(store: Store, dir: string, options: ImportOptions): Promise<ImportResult> {
  return importFiles(store, csvFilesUnder(dir), options);
}
