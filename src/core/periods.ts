// Reporting periods follow the council's financial year (1 April to 31 March), which is also the
// SSDA903 collection year. `end` is exclusive so a period is [start, end).
import { addMonths, type IsoDate } from './dates.ts';

export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  start: IsoDate;
  end: IsoDate;
  label: string;
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
