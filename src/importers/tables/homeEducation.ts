// Elective home education register.
import type { TableSpec } from '../spec.ts';

export const HOME_EDUCATION_TABLES: readonly TableSpec<any>[] = [];
