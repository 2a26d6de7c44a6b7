// Early help episodes from the case system.
import type { TableSpec } from '../spec.ts';

export const EARLY_HELP_TABLES: readonly TableSpec<any>[] = [];
