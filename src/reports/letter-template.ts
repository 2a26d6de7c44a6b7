// The family delay letter as officer-editable text. Plain text with {{placeholders}} rather than a
// template language: an officer's edit can change wording but can never run code or add markup.
// Paragraphs are separated by a blank line; a line holding only {{reasons}} becomes a bulleted list.
import type { Store } from '../store/open.ts';

export const LETTER_TEMPLATE_NAME = 'ehcp_delay';

export const LETTER_PLACEHOLDERS = {
  reference: 'The request reference (the child is never named)',
  letter_date: 'The date of the letter',
  received_date: 'When the council received the request',
  due_date: 'The 20-week date',
  due_verb: '"was" if the 20-week date has passed by the date of the letter, "is" if it is still to come',
  expected_date: 'When the final plan is now expected',
  delay_status: '"has not been issued" or "will not be issued", as the case may be',
  stage: 'The stage the request has reached, which is where it is delayed',
  reasons: 'Why it is delayed: on a line of its own it becomes a bulleted list',
  late_partners: 'Partners whose advice was late and by how long, or "none"',
  weeks_elapsed: 'Weeks since the request was received',
  sign_off: '"Yours sincerely" when the letter greets the parent or carer by name, "Yours faithfully" when it does not',
} as const;
export type LetterField = keyof typeof LETTER_PLACEHOLDERS;

/** Placeholders every letter must carry: without them it does not tell the family what they need to know. */
const REQUIRED: readonly LetterField[] = ['reference', 'expected_date', 'reasons'];

export const DEFAULT_LETTER_TEMPLATE = `Education, Health and Care needs assessment: request {{reference}}

We are writing to tell you that the final Education, Health and Care (EHC) plan for your child {{delay_status}} within the 20 weeks the law allows. We received the request for an assessment on {{received_date}}, so the plan {{due_verb}} due by {{due_date}}.

We now expect to issue the final plan by {{expected_date}}.

Your child's request is at this stage: {{stage}}. This is where the delay is. The reasons are:

{{reasons}}

We are sorry for this delay. We are working with the services involved to issue the plan as soon as we can, and we will write to you again if this date changes.

If you would like to talk about your child's request, please contact the SEND Team on 01234 567890 or at send@northbridge.example, quoting the reference {{reference}}. The Northbridge SEND Information, Advice and Support Service (SENDIASS) can give you free, impartial advice.

{{sign_off}}

SEND Team Manager
Children's Services, Northbridge Council`;

export interface LetterTemplate {
  text: string;
  /** Null while the built-in default is in use. */
  updatedBy: string | null;
  updatedAt: string | null;
}

export async function getLetterTemplate(store: Store): Promise<LetterTemplate> {
  const row = await store.db
    .selectFrom('letter_template')
    .select(['body', 'updated_by', 'updated_at'])
    .where('name', '=', LETTER_TEMPLATE_NAME)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { text: DEFAULT_LETTER_TEMPLATE, updatedBy: null, updatedAt: null };
  return { text: row.body, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

/** Problems that stop a template being saved: unknown or missing placeholders. */
export function letterTemplateProblems(text: string): string[] {
  const used = new Set([...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1] ?? ''));
  const problems = [...used].filter((name) => !(name in LETTER_PLACEHOLDERS)).map((name) => `Unknown placeholder {{${name}}}`);
  for (const name of REQUIRED) if (!used.has(name)) problems.push(`The letter must include {{${name}}}`);
  return problems;
}

/** Saves a new version (earlier ones are kept). Throws, listing the problems, if it is not usable. */
export async function setLetterTemplate(store: Store, text: string, user: string): Promise<LetterTemplate> {
  const body = text.replace(/\r\n?/g, '\n').trim();
  const problems = letterTemplateProblems(body);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const row = await store.db
    .insertInto('letter_template')
    .values({ name: LETTER_TEMPLATE_NAME, body, updated_by: user })
    .returning(['body', 'updated_by', 'updated_at'])
    .executeTakeFirstOrThrow();
  return { text: row.body, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

export type LetterBlock = { kind: 'p'; lines: string[] } | { kind: 'list'; items: string[] };

/** The template with values filled in, as paragraphs (plain text: the page template escapes it). */
export function fillLetter(text: string, values: Record<LetterField, string>, reasons: readonly string[]): LetterBlock[] {
  const fill = (s: string) => s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name === 'reasons' ? reasons.join(' ') : values[name as LetterField] ?? ''));
  return text
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para.length > 0)
    .map((para): LetterBlock => (/^\{\{\s*reasons\s*\}\}$/.test(para) ? { kind: 'list', items: [...reasons] } : { kind: 'p', lines: fill(para).split('\n') }));
}
