// Every importable table, in the order their staged rows are stored (parents before children).
import type { TableSpec } from '../spec.ts';
import { actionHistory, committeeActions, strategyActions } from './actions.ts';
import { benchmarks } from './benchmarks.ts';
import { FRONT_DOOR_TABLES } from './cin.ts';
import { CHILD_PROTECTION_TABLES } from './childProtection.ts';
import { preProceedings } from './preProceedings.ts';
import { EARLY_HELP_TABLES } from './earlyHelp.ts';
import { leaverActivity, missingFromHome, returnInterviews } from './casesystem.ts';
import { ehcpAdvice, ehcpRequests } from './ehcp.ts';
import { sen2Requests } from './sen2.ts';
import { CSWW_TABLES } from './csww.ts';
import { eesFigures } from './ees.ts';
import { HOME_EDUCATION_TABLES } from './homeEducation.ts';
import { episodes, header, missing, oc3 } from './ssda903.ts';
import { MORE_903_TABLES } from './ssda903-more.ts';
import { VOICE_TABLES } from './voice.ts';
import { ANNEX_A_SEND_TABLES, ANNEX_A_TABLES } from '../annexA/tables.ts';
import { WORKFORCE_TABLES } from './workforce.ts';

export const TABLES: readonly TableSpec<any>[] = [
  header,
  missingFromHome,
  episodes,
  missing,
  oc3,
  ...MORE_903_TABLES,
  leaverActivity,
  returnInterviews,
  ehcpRequests,
  sen2Requests,
  ehcpAdvice,
  strategyActions,
  actionHistory,
  committeeActions,
  benchmarks,
  eesFigures,
  ...FRONT_DOOR_TABLES,
  ...CHILD_PROTECTION_TABLES,
  preProceedings,
  ...EARLY_HELP_TABLES,
  ...WORKFORCE_TABLES,
  ...CSWW_TABLES,
  ...HOME_EDUCATION_TABLES,
  ...VOICE_TABLES,
  ...ANNEX_A_TABLES,
  ...ANNEX_A_SEND_TABLES,
];
