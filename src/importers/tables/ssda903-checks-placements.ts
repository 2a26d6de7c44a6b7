// SSDA903 checks across rows, files and years about placements (type, provider, reason for change, URN), in SQL over the staging tables
// (building blocks in ./ssda903-sql.ts; codes and messages from the rule register).
import type { Table903 } from '../../core/rules/ssda903-register.ts';
import type { CrossCheck } from '../spec.ts';

export const PLACEMENT_AREA_CHECKS: Partial<Record<Table903, readonly CrossCheck[]>> = {};
