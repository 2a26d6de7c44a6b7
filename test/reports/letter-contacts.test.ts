// The family letters addressed from the case system's parent or carer columns: "Dear <name>" and the
// address block when they are recorded, "Dear parent or carer" and no address when they are not,
// and the officer's schedule says which (without the name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delayLetters } from '../../src/reports/index.ts';
import { AS_OF, insertDelayedRequests } from './fixtures.ts';
import { pdfText, sharedStore } from './report-helpers.ts';

const store = sharedStore(async (s) => {
  await insertDelayedRequests(s);
  await s.db
    .insertInto('ehcp_contact')
    .values([
      { request_id: 'REQ-0001', parent_name: 'Ms Alex Example', address_line1: 'Flat 3', address_line2: '12 Sample Road', town: 'Northbridge', postcode: 'NB1 2XY' },
      { request_id: 'REQ-0002', parent_name: 'Mr Sam Sample', address_line1: null, address_line2: null, town: null, postcode: null },
    ])
    .execute();
});

function letterFor(html: string, reference: string): string {
  const found = html.split('<article class="letter">').slice(1).find((l) => l.includes(`<b>${reference}</b>`));
  assert.ok(found, `a letter for ${reference}`);
  return found;
}

const recipient = (letter: string) => /<address class="recipient"[^>]*>([\s\S]*?)<\/address>/.exec(letter)?.[1]?.split('<br>') ?? null;

test('a named parent or carer is greeted by name, with their address on the letter', async () => {
  const { html } = await delayLetters(store(), { asOf: AS_OF });
  const named = letterFor(html, 'REQ-0001');
  assert.match(named, /<p>Dear Ms Alex Example<\/p>/);
  assert.deepEqual(recipient(named), ['Ms Alex Example', 'Flat 3', '12 Sample Road', 'Northbridge', 'NB1 2XY']);
  assert.doesNotMatch(named, /Dear parent or carer/);
  assert.match(named, /<p>Yours sincerely<\/p>/, 'a letter to a named person is signed off "sincerely"');

  const nameOnly = letterFor(html, 'REQ-0002');
  assert.match(nameOnly, /<p>Dear Mr Sam Sample<\/p>/);
  assert.deepEqual(recipient(nameOnly), ['Mr Sam Sample']);
});

test('with no contact recorded the letter reads "Dear parent or carer" and has no address', async () => {
  const { html } = await delayLetters(store(), { asOf: AS_OF });
  const unnamed = letterFor(html, 'REQ-0005');
  assert.match(unnamed, /<p>Dear parent or carer<\/p>/);
  assert.equal(recipient(unnamed), null);
  assert.match(unnamed, /<p>Yours faithfully<\/p>/);
});

test("the officer's schedule says how each letter is addressed, naming no one", async () => {
  const { schedule, html } = await delayLetters(store(), { asOf: AS_OF });
  const by = new Map(schedule.map((s) => [s.reference, s.addressedTo]));
  assert.match(by.get('REQ-0001')!, /named in the case system, at their address/);
  assert.match(by.get('REQ-0002')!, /no address recorded, so add it by hand/);
  assert.match(by.get('REQ-0005')!, /No name or address in the case system/);
  const page = /<article class="letter schedule"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
  assert.doesNotMatch(page, /Example|Sample|NB1/);
});

test('the PDF puts the address above the greeting on the named family\'s page', async () => {
  const { html } = await delayLetters(store(), { asOf: AS_OF });
  const { text } = await pdfText(html, 'letters-addressed');
  const page = text.split('\f').find((p) => p.includes('Our reference: REQ-0001')) ?? '';
  assert.match(page, /Ms Alex Example\s+Flat 3\s+12 Sample Road\s+Northbridge\s+NB1 2XY[\s\S]*Dear Ms Alex Example/);
});
