// Social care workforce: headcount, vacancies, agency, turnover, caseloads, training.
import type { IndicatorDefinition } from './types.ts';

export const WORKFORCE_INDICATORS: IndicatorDefinition[] = [];
