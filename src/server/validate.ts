// Every request body, query and path parameter goes through a zod schema; a failure is a 400
// naming each field, never a half-understood request.
import { z } from 'zod';
import { parseDate } from '../core/dates.ts';
import { HttpError, issuesOf } from './errors.ts';

export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw new HttpError(400, 'Some of the values sent are not valid.', issuesOf(result.error));
  return result.data;
}

/** A real calendar date as YYYY-MM-DD: 2026-02-31 is refused here, not by the database (a 500). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date, with a day, month and year (as YYYY-MM-DD through the API)')
  .refine((d) => parseDate(d) === d, 'Enter a real date, with a day, month and year');
/** The same check, named for the GOV.UK date inputs (day, month and year boxes joined by withDateParts). */
export const realDate = isoDate;
/** An optional form field: an empty box means "not given". */
export const blankToNull = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? null : v), schema.nullable());
export const periodQuery = z.object({ period: z.enum(['month', 'quarter', 'year']).default('quarter') });

const DATE_PARTS = ['day', 'month', 'year'] as const;

/**
 * GOV.UK's date input sends a date as three boxes, `<name>-day`, `<name>-month` and `<name>-year`:
 * these become the one field `<name>` (YYYY-MM-DD) that the schema checks, so a form and the JSON
 * API share it. Three empty boxes are an empty field; boxes that cannot make a date fail the
 * schema's own date check, whose message the form shows beside the boxes.
 */
export function joinDateParts(input: unknown, names: readonly string[]): unknown {
  if (!input || typeof input !== 'object') return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const name of names) {
    const keys = DATE_PARTS.map((p) => `${name}-${p}`);
    if (keys.every((k) => out[k] === undefined)) continue;
    const [d, m, y] = keys.map((k) => (typeof out[k] === 'string' ? (out[k] as string).trim() : ''));
    for (const k of keys) delete out[k];
    if (!d && !m && !y) out[name] = '';
    else if (/^\d{1,2}$/.test(d!) && /^\d{1,2}$/.test(m!) && /^\d{4}$/.test(y!)) out[name] = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    else out[name] = `${y || 'year'}-${m || 'month'}-${d || 'day'}`;
  }
  return out;
}

/** `schema` over a form whose `names` are GOV.UK date inputs (see joinDateParts). */
export const withDateParts = <S extends z.ZodType>(names: readonly string[], schema: S) => z.preprocess((v) => joinDateParts(v, names), schema);
