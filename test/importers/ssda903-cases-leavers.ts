// Failing and passing cases of the rules in src/core/rules/ssda903-register-leavers.ts (see ./ssda903-cases.ts).
import { caseList, type Case } from './ssda903-cases.ts';

export const LEAVER_AREA_CASES: Case[] = [];
const rule = caseList(LEAVER_AREA_CASES);
