// Calendar dates as ISO strings ('YYYY-MM-DD'). Statutory clocks count whole days, so dates never
// carry a time or a time zone: arithmetic is done on UTC midnights to stay clear of clock changes.

export type IsoDate = string;

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The number written by `len` ASCII digits of `s` at `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * A real calendar date. Years before 100 are refused, as they always were: Date.UTC, which this
 * once used, reads them as 19xx.
 */
function valid(y: number, m: number, d: number): boolean {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

/**
 * A DfE return date (DD/MM/YYYY) or an ISO date, as an ISO date; null when it is not a real date.
 * Character arithmetic rather than a regex and a Date: an import calls this millions of times.
 */
export function parseDate(text: string): IsoDate | null {
  const s = text.trim();
  if (s.length !== 10) return null;
  if (s.charCodeAt(2) === 47 && s.charCodeAt(5) === 47) {
    const d = digits(s, 0, 2), m = digits(s, 3, 2), y = digits(s, 6, 4);
    return d >= 0 && m >= 0 && y >= 0 && valid(y, m, d) ? `${s.slice(6)}-${s.slice(3, 5)}-${s.slice(0, 2)}` : null;
  }
  if (s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    return y >= 0 && m >= 0 && d >= 0 && valid(y, m, d) ? s : null;
  }
  return null;
}

/** ISO date to the DfE's DD/MM/YYYY. */
export function toDfeDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export function toEpochDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromEpochDay(day: number): IsoDate {
  const t = new Date(day * DAY_MS);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return iso(ny, nm + 1, Math.min(Number(date.slice(8, 10)), last));
}

/** Age in whole years on a date (birthdays on 29 February fall on 1 March in other years). */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  let age = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) age -= 1;
  return age;
}

export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
