// Every importable table, in the order their staged rows are stored (parents before children).
import type { TableSpec } from '../spec.ts';
import { committeeActions, strategyActions } from './actions.ts';
import { benchmarks } from './benchmarks.ts';
import { leaverActivity, missingFromHome, returnInterviews } from './casesystem.ts';
import { ehcpAdvice, ehcpRequests } from './ehcp.ts';
import { episodes, header, missing, oc3 } from './ssda903.ts';

export const TABLES: readonly TableSpec<any>[] = [
  header,
  missingFromHome,
  episodes,
  missing,
  oc3,
  leaverActivity,
  returnInterviews,
  ehcpRequests,
  ehcpAdvice,
  strategyActions,
  committeeActions,
  benchmarks,
];
