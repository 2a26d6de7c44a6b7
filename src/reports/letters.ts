// Letters to families whose EHC plan will miss, or has missed, the 20-week limit. Only the request
// reference identifies the child: no names are stored, and a letter is addressed to "parent or carer".
import type { IsoDate } from '../core/dates.ts';
import { ehcpClock, PARTNER_LABEL, type EhcpClock, type EhcpStage } from '../core/ehcp.ts';
import type { Store } from '../store/open.ts';
import { loadOpenEhcpRequests } from './ehcp-requests.ts';
import { longDate, plural } from './format.ts';
import { fillLetter, getLetterTemplate, type LetterBlock, type LetterField } from './letter-template.ts';
import { AUTHORITY, renderTemplate } from './render.ts';

/** Each stage as a family would say it. */
const STAGE_FOR_FAMILY: Record<EhcpStage, string> = {
  decision: 'deciding whether to carry out an assessment',
  advice: 'gathering advice from the professionals who know your child',
  drafting: 'writing the draft plan',
  consultation: 'finishing the plan after you have commented on the draft',
  issued: 'the final plan has been issued',
  closed: 'the request has been closed',
};

export interface DelayLetterOptions {
  asOf: IsoDate;
  /** Only these requests (each still only if delayed); all delayed requests when absent. */
  requestIds?: readonly string[];
  /** The date printed on the letters; `asOf` when absent. */
  letterDate?: IsoDate;
}

/** Open and past 20 weeks, or expected to finish after them. */
export function isDelayed(clock: EhcpClock): boolean {
  return clock.open && (clock.breached || clock.expectedFinal > clock.due);
}

export async function delayLetters(store: Store, options: DelayLetterOptions): Promise<{ html: string; count: number }> {
  const asOf = options.asOf;
  const [requests, template] = await Promise.all([loadOpenEhcpRequests(store, asOf, options.requestIds), getLetterTemplate(store)]);
  const letterDate = longDate(options.letterDate ?? asOf);
  const letters: { reference: string; date: string; blocks: LetterBlock[] }[] = [];
  for (const r of requests) {
    const clock = ehcpClock(r, asOf);
    if (!isDelayed(clock)) continue;
    const values: Record<LetterField, string> = {
      reference: r.requestId,
      letter_date: letterDate,
      received_date: longDate(r.received),
      due_date: longDate(clock.due),
      expected_date: longDate(clock.expectedFinal),
      delay_status: clock.breached ? 'has not been issued' : 'will not be issued',
      stage: STAGE_FOR_FAMILY[clock.stage],
      reasons: '',
      late_partners: clock.lateAdvice.map((l) => `${PARTNER_LABEL[l.partner]} (${plural(l.daysLate, 'day')} late)`).join(', ') || 'none',
      weeks_elapsed: String(clock.weeksElapsed),
    };
    const reasons = clock.reasons.length > 0 ? clock.reasons : ['There are more requests than usual and the plan is taking longer to write.'];
    letters.push({ reference: r.requestId, date: letterDate, blocks: fillLetter(template.text, values, reasons) });
  }
  const html = renderTemplate('letters.njk', {
    title: `EHC plan delay letters, ${longDate(asOf)}`,
    footer: `${AUTHORITY}, Children's Services, SEND Service`,
    noPageNumbers: true, // each letter is one page and goes to a different family
    letters,
  });
  return { html, count: letters.length };
}


