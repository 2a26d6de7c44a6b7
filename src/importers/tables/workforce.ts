// Social care workforce per team and month.
import type { TableSpec } from '../spec.ts';

export const WORKFORCE_TABLES: readonly TableSpec<any>[] = [];
