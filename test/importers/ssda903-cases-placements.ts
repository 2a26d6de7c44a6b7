// Failing and passing cases of the rules in src/core/rules/ssda903-register-placements.ts (see ./ssda903-cases.ts).
import { caseList, type Case } from './ssda903-cases.ts';

export const PLACEMENT_AREA_CASES: Case[] = [];
const rule = caseList(PLACEMENT_AREA_CASES);
