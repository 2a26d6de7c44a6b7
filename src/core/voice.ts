// Voice of the child: feedback from children and young people recorded against the Children's
// Services Strategy priorities. Where it came from, what it was about, how it felt, the checks an
// anonymised quote must pass before import, and when a quote may be shown to councillors.
import { addDays, addMonths, type IsoDate } from './dates.ts';
import { periodOf } from './periods.ts';
import { checkOrder, type RuleIssue } from './rules/issue.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.ts';

export const FEEDBACK_SOURCES = {
  survey: 'Survey',
  youth_council: 'Youth council',
  children_in_care_council: 'Children in care council',
  participation_event: 'Participation event',
  consultation: 'Consultation',
  complaint_compliment: 'Complaint or compliment',
  advocacy: 'Advocacy',
} as const;
export type FeedbackSource = keyof typeof FEEDBACK_SOURCES;

/** What the feedback was about: one or more per piece of feedback. */
export const VOICE_THEMES = {
  FEELING_SAFE: 'Feeling safe',
  BEING_HEARD: 'Being listened to',
  WORKER_CHANGES: 'Changes of social worker',
  TRUSTED_ADULTS: 'Having a trusted adult',
  FAMILY_CONTACT: 'Contact with family and friends',
  HOME: 'Where I live',
  EDUCATION: 'School and education',
  HEALTH: 'Health and wellbeing',
  ACTIVITIES: 'Things to do and places to go',
  INDEPENDENCE: 'Preparing for adult life',
  MONEY: 'Money and cost of living',
  SEND: 'Support for special educational needs',
  INFORMATION: 'Information about my plan and rights',
  OTHER: 'Other',
} as const;
export type VoiceTheme = keyof typeof VOICE_THEMES;

export const SENTIMENTS = { positive: 'Positive', mixed: 'Mixed', negative: 'Negative' } as const;
export type Sentiment = keyof typeof SENTIMENTS;

/**
 * Age of the children and young people who gave the feedback. Labels follow the indicator age
 * bands; codes avoid "5-9", which spreadsheets turn into a date.
 */
export const VOICE_AGE_BANDS = {
  UNDER_5: 'Under 5',
  '5_TO_9': '5-9',
  '10_TO_15': '10-15',
  '16_TO_17': '16-17',
  '18_TO_21': '18-21',
  '22_TO_25': '22-25',
  MIXED: 'Mixed ages',
} as const;
export type VoiceAgeBand = keyof typeof VOICE_AGE_BANDS;

/** "Not recorded" for a blank sentiment or age band, as the breakdown dimensions say it. */
export const NOT_RECORDED = 'Not recorded';

/**
 * Fewest children and young people behind a quote shown to councillors and the public (pages and
 * the Part 1 committee paper). Quotes are anonymised before import, but words are more telling
 * than numbers: in a small group (the four members of a children in care council who spoke about
 * contact with family) the setting can point to the child even without a name. So a quote is
 * shown only when at least as many children and young people as the count suppression threshold
 * (6) gave feedback on the same priority and theme in the period shown; for a quote with several
 * themes, the largest of its groups counts, since that is the crowd it is read in. Officers, who
 * may see case records, see every quote. The same rule decides whether the "You said" half of a
 * "You said, we did" entry is quoted or only described by its themes.
 */
export const QUOTE_MIN_VOICES = DEFAULT_SUPPRESSION_THRESHOLD;

/** The smallest group a quote may come from for this viewer (0: any). */
export function quoteThreshold(suppressed: boolean): number {
  return suppressed ? QUOTE_MIN_VOICES : 0;
}

/** Months of feedback summarised beside the action plan and in the committee paper. */
export const VOICE_MONTHS = 12;

/** The `months` months ending on `asOf` (both ends inclusive). */
export function voiceWindow(asOf: IsoDate, months = VOICE_MONTHS): { from: IsoDate; to: IsoDate } {
  return { from: addDays(addMonths(asOf, -months), 1), to: asOf };
}

/** Things that identify a person, which an anonymised quote must not hold. */
const IDENTIFIERS: readonly (readonly [what: string, pattern: RegExp])[] = [
  ['an email address', /[^\s@]+@[^\s@]+\.[a-z]{2,}/i],
  // Letter, 11 digits, then a digit (or a letter for a temporary UPN).
  ['a unique pupil number (UPN)', /\b[a-z]\d{11}[0-9a-z]\b/i],
  ['a phone number', /(?:\+44\s?(?:\(0\)\s?)?|\b0)\d(?:[\s-]?\d){8,9}\b/],
  // Ten digits, as written on NHS cards (3 3 4) or run together.
  ['an NHS number', /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/],
  // Full postcode: the inward part's letters never include C, I, K, M, O or V.
  ['a postcode', /\b[a-z]{1,2}\d[a-z\d]?\s*\d[abd-hjlnp-uw-z]{2}\b/i],
  ['a date of birth', /\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\s*:?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/i],
];

/** What kind of personal identifier the text seems to hold ("an email address"), or null. */
export function personalIdentifierIn(text: string): string | null {
  for (const [what, pattern] of IDENTIFIERS) if (pattern.test(text)) return what;
  return null;
}

export interface FeedbackRow {
  feedbackId: string;
  date: IsoDate;
  source: FeedbackSource;
  priorityId: string;
  themes: VoiceTheme[];
  sentiment: Sentiment | null;
  ageBand: VoiceAgeBand | null;
  careExperienced: boolean;
  participants: number;
  summary: string;
  youSaidWeDid: string | null;
  responseDate: IsoDate | null;
  actionId: string | null;
}

/** Most participants one row may stand for (a borough-wide survey question). */
export const MAX_PARTICIPANTS = 100_000;

/** Checks on one row of the feedback file beyond each cell's own format. */
export function feedbackRules(row: FeedbackRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (row.themes.length === 0) {
    issues.push({ field: 'Themes', rule: 'required', message: `Give at least one theme (${Object.keys(VOICE_THEMES).join(', ')}).` });
  }
  if (!Number.isInteger(row.participants) || row.participants < 1 || row.participants > MAX_PARTICIPANTS) {
    issues.push({ field: 'Participants', rule: 'participants', message: `Participants must be a whole number from 1 to ${MAX_PARTICIPANTS} (blank means 1).` });
  }
  for (const [field, text] of [['Summary', row.summary], ['YouSaidWeDid', row.youSaidWeDid]] as const) {
    const found = text === null ? null : personalIdentifierIn(text);
    // The message does not repeat the text, so the identifier is not copied into the import log.
    if (found) {
      issues.push({
        field,
        rule: 'personal-identifier',
        message: `This looks like it holds ${found}. Quotes must be anonymised before import: remove names, contact details and reference numbers.`,
      });
    }
  }
  if (row.youSaidWeDid !== null && row.responseDate === null) {
    issues.push({ field: 'ResponseDate', rule: 'required', message: 'Give the date the response was made when YouSaidWeDid is filled in.' });
  }
  if (row.youSaidWeDid === null && row.responseDate !== null) {
    issues.push({ field: 'YouSaidWeDid', rule: 'required', message: 'Say what was done in response when a ResponseDate is given.' });
  }
  checkOrder(issues, row.date, row.responseDate, 'ResponseDate', 'end-before-start', 'The response is dated before the feedback was given.');
  return issues;
}

// Shapes of the summaries the store reads (src/store/voice.ts) and pages and papers show.

/** Feedback in one group: pieces of feedback, and the children and young people behind them. */
export interface VoiceCount {
  key: string | null;
  label: string;
  items: number;
  voices: number;
}

/** A piece of feedback as pages and papers quote it. */
export interface VoiceQuote
  extends Pick<FeedbackRow, 'feedbackId' | 'date' | 'source' | 'priorityId' | 'themes' | 'sentiment' | 'youSaidWeDid' | 'responseDate' | 'actionId'> {
  /** The anonymised quote; null when withheld from this viewer (its group is too small). */
  summary: string | null;
  actionTitle: string | null;
  /** Children and young people in the largest priority-and-theme group of this feedback. */
  crowd: number;
}

export interface PriorityVoice {
  priorityId: string;
  items: number;
  voices: number;
  responded: number;
  themes: VoiceCount[];
  sentiments: VoiceCount[];
  /** The most recent quotes this viewer may see (see QUOTE_MIN_VOICES), newest first. */
  quotes: VoiceQuote[];
}

export interface ShownQuote {
  /** null: withheld, described by its themes instead. */
  text: string | null;
  source: string;
  /** "Mar 2025" for officers; empty for suppressed views (the period is in the heading). */
  when: string;
  themes: string;
  sentiment: string;
  youSaidWeDid: string | null;
  actionId: string | null;
  actionTitle: string | null;
}

export interface ShownPriorityVoice {
  priorityId: string;
  items: string;
  voices: string;
  responded: string;
  hasFeedback: boolean;
  themes: { label: string; voices: string }[];
  sentiments: { label: string; voices: string }[];
  quotes: ShownQuote[];
}

export function themeLabels(themes: readonly string[]): string {
  return themes.map((t) => VOICE_THEMES[t as VoiceTheme] ?? t).join('; ');
}

export function showQuote(q: VoiceQuote, suppressed: boolean): ShownQuote {
  return {
    text: q.summary,
    source: FEEDBACK_SOURCES[q.source] ?? q.source,
    when: suppressed ? '' : periodOf(q.date, 'month').label,
    themes: themeLabels(q.themes),
    sentiment: q.sentiment ? SENTIMENTS[q.sentiment] : NOT_RECORDED,
    youSaidWeDid: q.youSaidWeDid,
    actionId: q.actionId,
    actionTitle: q.actionTitle,
  };
}

/**
 * A priority's feedback as a viewer sees it: counts through `count` (exact, or 1-5 as "<6"), and
 * only the quotes the store kept for this viewer's threshold.
 */
export function showPriorityVoice(v: PriorityVoice, count: (n: number) => string, suppressed: boolean): ShownPriorityVoice {
  const group = (c: VoiceCount) => ({ label: c.label, voices: count(c.voices) });
  return {
    priorityId: v.priorityId,
    items: count(v.items),
    voices: count(v.voices),
    responded: count(v.responded),
    hasFeedback: v.items > 0,
    themes: v.themes.map(group),
    sentiments: v.sentiments.map(group),
    quotes: v.quotes.map((q) => showQuote(q, suppressed)),
  };
}

export function emptyPriorityVoice(priorityId: string): PriorityVoice {
  return { priorityId, items: 0, voices: 0, responded: 0, themes: [], sentiments: [], quotes: [] };
}
