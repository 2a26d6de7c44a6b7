// SSDA903 rules about AD1, PlacedAdoption and PrevPerm: entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
import type { Entry } from './ssda903-register.ts';

export const ADOPTION_AREA_ENTRIES: readonly Entry[] = [];
