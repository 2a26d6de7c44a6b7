// docs/cin-rules.md is generated from the CIN census rule register, and the register is sound: every
// code the validator has is checked, each whole-child rule has the validator's message for its
// years, queries are the codes ending Q, and every code the schema's problems carry is registered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cinRulesDoc, cinValidatorRules } from '../../scripts/cin-rules-doc.ts';
import { CIN_RULES } from '../../src/core/rules/cin-register.ts';
import { ELEMENT_RULE } from '../../src/importers/xml/cin.ts';

test('docs/cin-rules.md is the generated one (npx tsx scripts/cin-rules-doc.ts)', () => {
  assert.equal(readFileSync(new URL('../../docs/cin-rules.md', import.meta.url), 'utf8'), cinRulesDoc(cinValidatorRules()));
});

test('every rule of the validator is in the register, with its severity; whole-child rules have its message', () => {
  const validator = cinValidatorRules();
  const ours = new Set(CIN_RULES.map((r) => r.code));
  assert.deepEqual(validator.filter((v) => !ours.has(v.code)).map((v) => v.code), [], 'validator rules not checked');
  assert.ok(CIN_RULES.every((r) => (r.severity === 'query') === r.code.endsWith('Q')), 'queries are the codes ending Q');
  const byCode = new Map(validator.map((v) => [v.code, v]));
  for (const r of CIN_RULES.filter((x) => x.how === 'child' || x.how === 'return')) {
    const v = byCode.get(r.code);
    if (!v) continue;
    // A rule that changed (2886Q, 8770Q) has its earlier message until the year it changed.
    const message = r.until !== undefined && r.until < v.years[v.years.length - 1]! && v.earlierMessage ? v.earlierMessage : v.message;
    assert.equal(r.message.trim(), message.trim(), r.code);
  }
});

test('the codes schema problems carry are registered as schema checks', () => {
  const schema = new Set(CIN_RULES.filter((r) => r.how === 'schema').map((r) => r.code));
  assert.deepEqual(Object.values(ELEMENT_RULE).filter((c) => c !== '100' && !schema.has(c)), []);
});
