// Early help episodes: reach, step-up to social care, step-down.
import type { IndicatorDefinition } from './types.ts';

export const EARLY_HELP_INDICATORS: IndicatorDefinition[] = [];
