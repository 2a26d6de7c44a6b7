// docs/ssda903-rules.md is generated from the register, and the register's codes are sound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rulesDoc, validatorRules } from '../../scripts/ssda903-rules-doc.ts';
import { RULES_903 } from '../../src/core/rules/ssda903-register.ts';
import { checkedCodes } from '../../src/importers/tables/ssda903-checks.ts';

test('docs/ssda903-rules.md is the generated one (npx tsx scripts/ssda903-rules-doc.ts)', () => {
  assert.equal(readFileSync(new URL('../../docs/ssda903-rules.md', import.meta.url), 'utf8'), rulesDoc(validatorRules()));
});

test('every register code is unique and the DfE\'s (a code of the validator), and every SQL check is registered', () => {
  const codes = RULES_903.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  const dfe = new Set(validatorRules().map((v) => v.code));
  assert.deepEqual(codes.filter((c) => !dfe.has(c)), []);
  assert.deepEqual(checkedCodes().filter((c) => !codes.includes(c)), []);
});
