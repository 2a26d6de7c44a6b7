// Voice of the child: feedback from children and young people against strategy priorities.
import type { TableSpec } from '../spec.ts';

export const VOICE_TABLES: readonly TableSpec<any>[] = [];
