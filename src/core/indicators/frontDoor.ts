// Front door: CIN census referrals and assessments.
import type { IndicatorDefinition } from './types.ts';

export const FRONT_DOOR_INDICATORS: IndicatorDefinition[] = [];
