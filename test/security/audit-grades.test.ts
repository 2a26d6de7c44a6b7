import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGrade, summariseAudits, type GradedAudit } from '../../src/core/audits.ts';
import { csvSafe } from '../../src/server/auth/audit-log-routes.ts';

const audits = (n: number, a: GradedAudit): GradedAudit[] => Array.from({ length: n }, () => a);

test('grades are read from common spellings', () => {
  assert.equal(parseGrade('Requires Improvement'), 'requires_improvement');
  assert.equal(parseGrade('requires-improvement'), 'requires_improvement');
  assert.equal(parseGrade(' RI '), 'requires_improvement');
  assert.equal(parseGrade('GOOD'), 'good');
  assert.equal(parseGrade('satisfactory'), null);
});

const sample: GradedAudit[] = [
  ...audits(10, { type: 'core', theme: null, grade: 'good' }),
  ...audits(7, { type: 'core', theme: null, grade: 'requires_improvement' }),
  ...audits(2, { type: 'core', theme: null, grade: 'inadequate' }),
  ...audits(8, { type: 'themed', theme: 'neglect', grade: 'good' }),
  ...audits(6, { type: 'themed', theme: 'neglect', grade: 'outstanding' }),
];

test('unsuppressed summary counts every audit by grade, type and theme', () => {
  const s = summariseAudits(sample, { suppress: false });
  assert.deepEqual(s.rows.map((r) => [r.key, r.total.value]), [['all', 33], ['core', 19], ['neglect', 14]]);
  assert.equal(s.rows[1]!.grades.inadequate.value, 2);
});

test('suppressed summary withholds 1-5 and the cell that would reveal it by subtraction', () => {
  const s = summariseAudits(sample, { suppress: true });
  const core = s.rows.find((r) => r.key === 'core')!;
  assert.deepEqual(core.total, { value: 19, text: '19' });
  assert.deepEqual(core.grades.inadequate, { value: null, text: '<6' });
  assert.deepEqual(core.grades.requires_improvement, { value: null, text: 'c' }, 'smallest other non-zero cell');
  assert.deepEqual(core.grades.good, { value: 10, text: '10' });
  assert.deepEqual(core.grades.outstanding, { value: 0, text: '0' }, 'zero is not disclosive');
  const neglect = s.rows.find((r) => r.key === 'neglect')!;
  assert.deepEqual([neglect.grades.good.value, neglect.grades.outstanding.value], [8, 6]);
});

test('no suppressed summary lets a small count be recovered from the shown figures', () => {
  // Any row: if a hidden cell is the only hidden one, total minus the shown cells would give it.
  for (let seed = 0; seed < 200; seed++) {
    const list: GradedAudit[] = [];
    let x = seed * 7919 + 1;
    for (let i = 0; i < (seed % 40); i++) {
      x = (x * 48271) % 2147483647;
      list.push({ type: 'core', theme: null, grade: (['outstanding', 'good', 'requires_improvement', 'inadequate'] as const)[x % 4]! });
    }
    for (const row of summariseAudits(list, { suppress: true }).rows) {
      const cells = Object.values(row.grades);
      const hidden = cells.filter((c) => c.value === null).length;
      if (row.total.value !== null) assert.notEqual(hidden, 1, `row ${row.key} for seed ${seed}`);
      for (const c of cells) if (c.value !== null) assert.ok(c.value === 0 || c.value >= 6);
    }
  }
});

test('audit log CSV cells cannot run as spreadsheet formulas', () => {
  assert.equal(csvSafe('=HYPERLINK("http://evil.example")'), `'=HYPERLINK("http://evil.example")`);
  assert.equal(csvSafe('+1'), "'+1");
  assert.equal(csvSafe('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvSafe(['C1', 'C2']), 'C1;C2');
  assert.equal(csvSafe('/api/audits'), '/api/audits');
  assert.equal(csvSafe(null), '');
});
