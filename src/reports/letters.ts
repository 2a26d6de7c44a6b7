// Letters to families whose EHC plan will miss, or has missed, the 20-week limit. Only the request
// reference identifies the child (who is never named). A letter is addressed to the parent or carer
// named in the case system's export, at their address, or to "parent or carer" with no address when
// the export has none (the officer's schedule says which, so those can be addressed by hand).
// A letter never promises a date that is not after its own date: such a request is held back, and
// the officer's schedule at the front of the bundle (not for posting) says which letters go and why.
import type { IsoDate } from '../core/dates.ts';
import { PARTNER_LABEL, type EhcpStage } from '../core/ehcp.ts';
import type { Store } from '../store/open.ts';
import { ehcpContacts } from '../store/ehcp-contacts.ts';
import { ehcpDelayCases } from '../store/queries/ehcp.ts';
import { longDate, plural } from './format.ts';
import { fillLetter, getLetterTemplate, type LetterBlock, type LetterField } from './letter-template.ts';
import { AUTHORITY, renderTemplate } from './render.ts';

/** What the officer's schedule says about whom each letter is addressed to (never the name itself). */
const NAMED = 'The parent or carer named in the case system, at their address';
const NO_ADDRESS = 'The parent or carer named in the case system; no address recorded, so add it by hand';
const NO_NAME = 'No name or address in the case system: the letter greets the parent or carer without a name; add the address by hand';

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

/** The letters as one HTML document, how many, whose (each letter's request and child), and which will go and why. */
export async function delayLetters(
  store: Store,
  options: DelayLetterOptions,
): Promise<{ html: string; count: number; cases: { requestId: string; personId: string }[]; schedule: { reference: string; goes: boolean; why: string; addressedTo: string }[] }> {
  const asOf = options.asOf;
  // Open requests that have missed 20 weeks or are projected to, oldest first.
  const [cases, template] = await Promise.all([ehcpDelayCases(store, { asOf }), getLetterTemplate(store)]);
  const wanted = options.requestIds ? new Set(options.requestIds) : null;
  const letterDate = longDate(options.letterDate ?? asOf);
  const letters: { reference: string; date: string; greeting: string; address: string[]; blocks: LetterBlock[] }[] = [];
  const lettered: { requestId: string; personId: string }[] = [];
  const schedule: { reference: string; goes: boolean; why: string; addressedTo: string }[] = [];
  const onDate = options.letterDate ?? asOf;
  const chosen = cases.filter((c) => !wanted || wanted.has(c.requestId));
  const contacts = await ehcpContacts(store, chosen.map((c) => c.requestId));
  for (const clock of chosen) {
    const contact = contacts.get(clock.requestId);
    const addressedTo = !contact?.name ? NO_NAME : contact.address.length === 0 ? NO_ADDRESS : NAMED;
    if (clock.expectedFinal <= onDate) {
      schedule.push({ reference: clock.requestId, goes: false, addressedTo, why: `Held back: the expected date of the final plan (${longDate(clock.expectedFinal)}) is not after the date of the letter. Record a new expected date in the case system first.` });
      continue;
    }
    schedule.push({
      reference: clock.requestId,
      goes: true,
      addressedTo,
      why: clock.breached ? `The 20-week date, ${longDate(clock.due)}, has passed and the plan has not been issued.` : `The plan is expected on ${longDate(clock.expectedFinal)}, after the 20-week date of ${longDate(clock.due)}.`,
    });
    const values: Record<LetterField, string> = {
      reference: clock.requestId,
      letter_date: letterDate,
      received_date: longDate(clock.received),
      due_date: longDate(clock.due),
      due_verb: clock.due < onDate ? 'was' : 'is',
      expected_date: longDate(clock.expectedFinal),
      delay_status: clock.breached ? 'has not been issued' : 'will not be issued',
      stage: STAGE_FOR_FAMILY[clock.stage],
      reasons: '',
      late_partners: clock.lateAdvice.map((l) => `${PARTNER_LABEL[l.partner]} (${plural(l.daysLate, 'day')} late)`).join(', ') || 'none',
      weeks_elapsed: String(clock.weeksElapsed),
      sign_off: contact?.name ? 'Yours sincerely' : 'Yours faithfully',
    };
    const reasons = clock.reasons.length > 0 ? clock.reasons : ['No single cause has been recorded: the steps still to come will take us past the 20-week date.'];
    letters.push({
      reference: clock.requestId,
      date: letterDate,
      greeting: `Dear ${contact?.name ?? 'parent or carer'}`,
      address: contact?.name ? [contact.name, ...contact.address] : (contact?.address ?? []),
      blocks: fillLetter(template.text, values, reasons),
    });
    lettered.push({ requestId: clock.requestId, personId: clock.personId });
  }
  const html = renderTemplate('letters.njk', {
    title: `EHC plan delay letters, ${longDate(asOf)}`,
    footer: `${AUTHORITY}, Children's Services, SEND Service`,
    noPageNumbers: true, // each letter is one page and goes to a different family
    letters,
    schedule,
    going: schedule.filter((l) => l.goes).length,
    held: schedule.filter((l) => !l.goes).length,
  });
  return { html, count: letters.length, cases: lettered, schedule };
}


