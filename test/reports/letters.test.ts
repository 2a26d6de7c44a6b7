import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LETTER_TEMPLATE, delayLetters, getLetterTemplate, setLetterTemplate } from '../../src/reports/index.ts';
import { AS_OF, insertDelayedRequests } from './fixtures.ts';
import { pdfText, sharedStore } from './report-helpers.ts';

const store = sharedStore(insertDelayedRequests);

/** The letter for one request: from its reference to the next letter. */
function letterFor(html: string, reference: string): string {
  const letters = html.split('<article class="letter">').slice(1);
  const found = letters.find((l) => l.includes(`<b>${reference}</b>`));
  assert.ok(found, `a letter for ${reference}`);
  return found;
}

test('one letter per delayed open request, none for those on track or issued', async () => {
  const { html, count } = await delayLetters(store(), { asOf: AS_OF });
  assert.equal(count, 3);
  assert.equal(html.match(/Dear parent or carer/g)?.length, 3);
  for (const ref of ['REQ-0001', 'REQ-0002', 'REQ-0005']) assert.match(html, new RegExp(`<b>${ref}</b>`));
  assert.doesNotMatch(html, /REQ-0003|REQ-0004/);
});

test('a letter names the late partner, by how long, the 20-week date and the expected date', async () => {
  const { html } = await delayLetters(store(), { asOf: AS_OF });
  const first = letterFor(html, 'REQ-0001');
  assert.match(first, /has not been issued within the 20 weeks/);
  assert.match(first, /due by 19 October 2026/);
  assert.match(first, /<li>Health advice is 100 days late\.<\/li>/);
  assert.match(first, /expect to issue the final plan by 28 January 2027/);
  assert.match(first, /gathering advice from the professionals/);
  assert.doesNotMatch(first, /Educational psychology advice/, 'advice returned on time is not blamed');

  const second = letterFor(html, 'REQ-0002');
  assert.match(second, /will not be issued within the 20 weeks/);
  assert.match(second, /Social care advice is 9 days late/);

  const excepted = letterFor(html, 'REQ-0005');
  assert.match(excepted, /Exceptional personal circumstances affecting the child/);
  assert.match(excepted, /by 8 December 2026/);
});

test('requestIds limits the letters, and a request that is not delayed gets none', async () => {
  const { html, count } = await delayLetters(store(), { asOf: AS_OF, requestIds: ['REQ-0002', 'REQ-0003'] });
  assert.equal(count, 1);
  assert.match(html, /REQ-0002/);
  assert.doesNotMatch(html, /REQ-0001|REQ-0003/);
});

test('the PDF has one page per letter with the partner and dates in its text', async () => {
  const { html } = await delayLetters(store(), { asOf: AS_OF });
  const { text, pages } = await pdfText(html, 'letters');
  assert.equal(pages, 4, "the officer's schedule, then a page per letter");
  const page = text.split('\f').find((p) => p.includes('Our reference: REQ-0001')) ?? '';
  assert.match(page, /Dear parent or carer/);
  assert.match(page, /Health advice is 100 days late/);
  assert.match(page, /28 January 2027/);
  assert.doesNotMatch(page, /REQ-0002|REQ-0005/, 'one family per page');
  assert.match(text, /Northbridge Council/);
});

test('an officer edits the template; bad placeholders are refused; the default stands until then', async () => {
  const before = await getLetterTemplate(store());
  assert.equal(before.text, DEFAULT_LETTER_TEMPLATE);
  assert.equal(before.updatedBy, null);

  await assert.rejects(setLetterTemplate(store(), 'Request {{reference}} by {{expected_date}} {{childname}}', 'officer1'), /Unknown placeholder \{\{childname\}\}.*must include \{\{reasons\}\}/);

  const text = 'Request {{reference}}: sorry, the plan is now due by {{expected_date}}.\r\n\r\nLate: {{late_partners}}.\n\n{{reasons}}\n\nContact <b>us</b>.';
  const saved = await setLetterTemplate(store(), text, 'officer1');
  assert.equal(saved.updatedBy, 'officer1');
  assert.equal((await getLetterTemplate(store())).text, text.replace(/\r\n/g, '\n'));

  const { html } = await delayLetters(store(), { asOf: AS_OF, requestIds: ['REQ-0001'] });
  assert.match(html, /Request REQ-0001: sorry, the plan is now due by 28 January 2027\./);
  assert.match(html, /Late: Health \(100 days late\)\./);
  assert.match(html, /Contact &lt;b&gt;us&lt;\/b&gt;\./, 'officer text is escaped, never markup');
  assert.doesNotMatch(html, /Yours faithfully/);
});

test('the tense follows the 20-week date: "was due" once it has passed, "is due" while it is to come', async () => {
  await setLetterTemplate(store(), DEFAULT_LETTER_TEMPLATE, 'officer1'); // an earlier test saved its own wording
  const { html } = await delayLetters(store(), { asOf: AS_OF });
  assert.match(letterFor(html, 'REQ-0001'), /so the plan was due by 19 October 2026/);
  const atRisk = letterFor(html, 'REQ-0002');
  const due = /so the plan (was|is) due by (\d+ \w+ \d{4})/.exec(atRisk);
  assert.ok(due, 'the at-risk letter gives the 20-week date');
  assert.equal(due[1], 'is', `an at-risk plan's 20-week date (${due[2]}) is still to come on ${AS_OF}`);
});

test('a letter never promises a date on or before its own date: it is held back and the schedule says why', async () => {
  await setLetterTemplate(store(), DEFAULT_LETTER_TEMPLATE, 'officer1');
  // REQ-0005's plan is expected on 8 December 2026: a letter dated that day cannot promise it.
  const { html, count, schedule } = await delayLetters(store(), { asOf: AS_OF, letterDate: '2026-12-08' });
  assert.equal(count, 2);
  assert.doesNotMatch(html.split('<article class="letter">').slice(1).join(''), /REQ-0005/);
  const held = schedule.find((l) => l.reference === 'REQ-0005');
  assert.equal(held?.goes, false);
  assert.match(held!.why, /Held back: the expected date of the final plan \(8 December 2026\) is not after the date of the letter/);
  assert.match(html, /<tr data-schedule="REQ-0005"><td>REQ-0005<\/td><td>Held back<\/td>/);
  assert.deepEqual(schedule.filter((l) => l.goes).map((l) => l.reference).sort(), ['REQ-0001', 'REQ-0002']);
  for (const l of html.split('<article class="letter">').slice(1)) {
    const promised = /expect to issue the final plan by (\d+ \w+ \d{4})/.exec(l)?.[1];
    assert.ok(promised && new Date(promised) > new Date('2026-12-08'), `promised ${promised}`);
  }
});
