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
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD')
  .refine((d) => parseDate(d) === d, 'Enter a real date, as YYYY-MM-DD');
/** An optional form field: an empty box means "not given". */
export const blankToNull = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? null : v), schema.nullable());
export const periodQuery = z.object({ period: z.enum(['month', 'quarter', 'year']).default('quarter') });
