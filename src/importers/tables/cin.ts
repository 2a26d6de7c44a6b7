// CIN census referrals and assessments (front door).
import type { TableSpec } from '../spec.ts';

export const FRONT_DOOR_TABLES: readonly TableSpec<any>[] = [];
