// The generator counts in epoch days (integers) rather than ISO strings: millions of rows of date
// arithmetic at national scale. Conversion to text happens once, when a row is written.
import { financialYear } from '../core/periods.ts';
import { fromEpochDay, toEpochDay, type IsoDate } from '../core/dates.ts';

export const YEAR_DAYS = 365.25;

export function dayOf(date: IsoDate): number {
  return toEpochDay(date);
}

/** The epoch day of the `years`th birthday (29 February birthdays fall on 1 March). */
export function birthday(dob: number, years: number): number {
  const d = new Date(dob * 86_400_000);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / 86_400_000;
}

/** 0 = Sunday ... 6 = Saturday (1 January 1970 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** First day of a financial year (2024 = 1 April 2024). */
export function fyStart(fy: number): number {
  return Date.UTC(fy, 3, 1) / 86_400_000;
}

/** Last day of a financial year (2024 = 31 March 2025). */
export function fyEnd(fy: number): number {
  return fyStart(fy + 1) - 1;
}

export function fyOfDay(day: number): number {
  return financialYear(fromEpochDay(day));
}
