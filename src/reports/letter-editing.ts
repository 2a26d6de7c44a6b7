// What the letter template editor shows beside the text: a letter filled in with example values
// (never a real case, so editing the wording shows no family's details) and the saved versions.
import type { Store } from '../store/open.ts';
import { fillLetter, LETTER_TEMPLATE_NAME, type LetterBlock, type LetterField } from './letter-template.ts';

const EXAMPLE: Record<LetterField, string> = {
  reference: 'EXAMPLE-0001',
  letter_date: '25 November 2026',
  received_date: '1 June 2026',
  due_date: '19 October 2026',
  due_verb: 'was',
  expected_date: '14 December 2026',
  delay_status: 'has not been issued',
  stage: 'gathering advice from the professionals who know your child',
  reasons: '',
  late_partners: 'Health (46 days late)',
  weeks_elapsed: '25',
  sign_off: 'Yours faithfully',
};
const EXAMPLE_REASONS = ['Advice from Health was asked for on 6 July 2026 and has not yet been received.'];

export function previewLetter(text: string): LetterBlock[] {
  return fillLetter(text.replace(/\r\n?/g, '\n').trim(), EXAMPLE, EXAMPLE_REASONS);
}

export interface LetterTemplateVersion {
  id: number;
  text: string;
  updatedBy: string;
  updatedAt: string;
}

/** Saved versions, newest first. */
export async function letterTemplateVersions(store: Store, limit = 50): Promise<LetterTemplateVersion[]> {
  const rows = await store.db
    .selectFrom('letter_template')
    .select(['id', 'body', 'updated_by', 'updated_at'])
    .where('name', '=', LETTER_TEMPLATE_NAME)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), text: r.body, updatedBy: r.updated_by, updatedAt: r.updated_at }));
}
