// Failing and passing cases of the rules in src/core/rules/ssda903-register-adoption.ts (see ./ssda903-cases.ts).
import { caseList, type Case } from './ssda903-cases.ts';

export const ADOPTION_AREA_CASES: Case[] = [];
const rule = caseList(ADOPTION_AREA_CASES);
