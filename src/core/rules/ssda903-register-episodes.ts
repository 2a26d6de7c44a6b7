// SSDA903 rules about Header and Episodes (chains, legal status, placements, UASC status): entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
import type { Entry } from './ssda903-register.ts';

export const EPISODE_AREA_ENTRIES: readonly Entry[] = [];
