// The anonymisation check on quotes: what it catches, and ordinary feedback it must let through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personalIdentifierIn, quoteThreshold } from '../../src/core/voice.ts';

test('identifiers are found and named', () => {
  const cases: [string, string][] = [
    ['write to jo@example.co.uk', 'an email address'],
    ['UPN A123456789012 on the form', 'a unique pupil number (UPN)'],
    ['temporary upn b12345678901c', 'a unique pupil number (UPN)'],
    ['my number is 07700900123', 'a phone number'],
    ['0161 496 0000', 'a phone number'],
    ['+44 (0)7700 900 123', 'a phone number'],
    ['NHS 9434765919', 'an NHS number'],
    ['943-476-5919', 'an NHS number'],
    ['we moved to SW1A 1AA last year', 'a postcode'],
    ['DOB: 3.4.2011', 'a date of birth'],
    ['date of birth 03/04/2011', 'a date of birth'],
  ];
  for (const [text, what] of cases) assert.equal(personalIdentifierIn(text), what, text);
});

test('ordinary feedback passes', () => {
  for (const text of [
    'I am 15 and in year 10, and I want my worker to stay.',
    'We met 3 times between 2023 and 2024.',
    'Childline 0800 1111 helped me.',
    '82% of 140 young people said they feel safe (question 4).',
    'Meetings at 5PM are too late for me.',
    'My review was on 14/05/2024 and nobody asked me.',
    'The Y10 group said the bus pass should cover weekends.',
  ]) {
    assert.equal(personalIdentifierIn(text), null, text);
  }
});

test('quotes need a group of 6 for a suppressed view, none for an officer', () => {
  assert.equal(quoteThreshold(true), 6);
  assert.equal(quoteThreshold(false), 0);
});
