// How much data each scale produces, and the time window it covers.
import type { IsoDate } from '../core/dates.ts';
import { financialYear } from '../core/periods.ts';
import { dayOf, fyStart } from './days.ts';

export type ScaleName = 'small' | 'la' | 'national';
export const SCALES: readonly ScaleName[] = ['small', 'la', 'national'];

export interface Scale {
  /** Children looked after at any one time (more enter and leave care during the window). */
  lookedAfter: number;
  /** Young people who leave care at 16-18 and so have care-leaver (OC3) records. */
  careLeavers: number;
  /** EHCP requests received per year. */
  ehcpPerYear: number;
  /** Missing episodes per year, looked after and from home together. */
  missingPerYear: number;
}

export const SCALE: Record<ScaleName, Scale> = {
  small: { lookedAfter: 40, careLeavers: 20, ehcpPerYear: 18, missingPerYear: 27 },
  la: { lookedAfter: 300, careLeavers: 150, ehcpPerYear: 400, missingPerYear: 600 },
  national: { lookedAfter: 80_000, careLeavers: 50_000, ehcpPerYear: 300_000, missingPerYear: 38_000 },
};

export interface Window {
  asOf: number;
  /** The three SSDA903 collection years, by starting calendar year, oldest first; the last holds asOf. */
  years: number[];
  /** First day of the oldest collection year. */
  start: number;
}

export const COLLECTION_YEARS = 3;

export function windowFor(asOf: IsoDate): Window {
  const last = financialYear(asOf);
  const years = Array.from({ length: COLLECTION_YEARS }, (_, i) => last - COLLECTION_YEARS + 1 + i);
  return { asOf: dayOf(asOf), years, start: fyStart(years[0] as number) };
}
