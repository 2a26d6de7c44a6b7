// Elective home education register: counts, new registrations, reasons.
import type { IndicatorDefinition } from './types.ts';

export const HOME_EDUCATION_INDICATORS: IndicatorDefinition[] = [];
