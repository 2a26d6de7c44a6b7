// SSDA903 rules about placements (type, provider, reason for change, URN): entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
import type { Entry } from './ssda903-register.ts';

export const PLACEMENT_AREA_ENTRIES: readonly Entry[] = [];
