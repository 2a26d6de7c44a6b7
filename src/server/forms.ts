// GOV.UK error pattern for forms: an error summary at the top linking to each field, and the
// message beside the field. Built from the same zod issues the JSON API returns.
import type { z } from 'zod';
import { issuesOf, type FieldIssue } from './errors.ts';

export interface FormErrors {
  summary: { text: string; href: string }[];
  byField: Record<string, { text: string }>;
}

export function formErrors(issues: FieldIssue[]): FormErrors {
  const byField: Record<string, { text: string }> = {};
  for (const i of issues) byField[i.field] ??= { text: i.message };
  return { summary: Object.entries(byField).map(([field, e]) => ({ text: e.text, href: `#${field}` })), byField };
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: formErrors(issuesOf(result.error)) };
}
