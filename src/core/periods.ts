// Reporting periods follow the council's financial year (1 April to 31 March), which is also the
// SSDA903 collection year. `end` is exclusive so a period is [start, end).
import { addDays, addMonths, type IsoDate } from './dates.ts';

export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  start: IsoDate;
  end: IsoDate;
  label: string;
  /** Set on a period still running: the last day its figures cover (its label then ends "to 3 December"). */
  partTo?: IsoDate;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Financial year containing a date, named by its starting calendar year (2024 = 2024-25). */
export function financialYear(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? y : y - 1;
}

export function fyLabel(fy: number): string {
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
}

export function periodOf(date: IsoDate, type: PeriodType): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (type === 'month') {
    const start = `${date.slice(0, 7)}-01`;
    return { type, start, end: addMonths(start, 1), label: `${MONTHS[m - 1]} ${y}` };
  }
  const fy = financialYear(date);
  if (type === 'year') {
    const start = `${fy}-04-01`;
    return { type, start, end: addMonths(start, 12), label: fyLabel(fy) };
  }
  const q = Math.floor(((m + 8) % 12) / 3); // April-June = 0
  const start = addMonths(`${fy}-04-01`, q * 3);
  return { type, start, end: addMonths(start, 3), label: `${fyLabel(fy)} Q${q + 1}` };
}

/** Every period of a type that overlaps [from, to], oldest first. */
export function periodsBetween(type: PeriodType, from: IsoDate, to: IsoDate): Period[] {
  const out: Period[] = [];
  let p = periodOf(from, type);
  while (p.start <= to) {
    out.push(p);
    p = periodOf(p.end, type);
  }
  return out;
}

export function previousPeriod(p: Period): Period {
  const back = p.type === 'month' ? -1 : p.type === 'quarter' ? -3 : -12;
  return periodOf(addMonths(p.start, back), p.type);
}

/** The period of a type that starts on `start`, or null when `start` is not a period boundary. */
export function periodStarting(type: PeriodType, start: IsoDate): Period | null {
  const p = periodOf(start, type);
  return p.start === start ? p : null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The period as figures to `to` cover it: unchanged when `to` is on or after its last day, else
 * labelled "Dec 2026 to 3 December" (or "2026-27 to 3 December") and marked with partTo, so a
 * chart or a sparkline can draw a part period as one rather than as a fall.
 */
export function periodTo(period: Period, to: IsoDate | null | undefined): Period {
  if (!to || to >= addDays(period.end, -1) || to < period.start) return period;
  return { ...period, label: `${period.label} to ${Number(to.slice(8, 10))} ${MONTH_NAMES[Number(to.slice(5, 7)) - 1]}`, partTo: to };
}

/** Every period of a type from the one containing `from` to the one containing `asOf`, the last labelled as a part period when still running. */
export function periodsTo(type: PeriodType, from: IsoDate, asOf: IsoDate): Period[] {
  return periodsBetween(type, from, asOf).map((p) => periodTo(p, asOf));
}
