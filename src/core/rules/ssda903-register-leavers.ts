// SSDA903 rules about OC2, OC3, Missing, SWEpisodes and DoLo: entries of the register
// (./ssda903-register.ts), in the same shape: [code, tables, fields, how, message, years].
import type { Entry } from './ssda903-register.ts';

export const LEAVER_AREA_ENTRIES: readonly Entry[] = [];
