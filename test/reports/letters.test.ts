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
  assert.equal(pages, 3);
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
