// Secondary suppression (src/core/suppression.ts, src/core/figure-groups.ts): after it, nothing
// withheld can be worked out from what is published, by subtraction or by bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { breakdownSecondary, periodSecondary, periodKey, type PeriodFigure } from '../../src/core/figure-groups.ts';
import { periodOf, periodsBetween } from '../../src/core/periods.ts';
import {
  deriveWithheld,
  isSuppressed,
  publishedView,
  secondarySuppression,
  type Additive,
  type AdditiveTable,
  type Published,
} from '../../src/core/suppression.ts';

/** The auditor the tester used: any group with exactly one unknown cell gives it, to a fixed point. */
function subtractionAuditor(view: readonly Published[], groups: readonly Additive[]): Set<number> {
  const known = view.map((p) => ('value' in p ? p.value : null));
  const derived = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of groups) {
      const unknown = [g.total, ...g.members].filter((i) => known[i] === null);
      if (unknown.length !== 1) continue;
      const [i] = unknown as [number];
      const sum = g.members.reduce((s, m) => s + (m === i ? 0 : known[m]!), 0);
      known[i] = i === g.total ? sum : known[g.total]! - sum;
      derived.add(i);
      changed = true;
    }
  }
  return derived;
}

/** Withheld cells a reader could work out, by either auditor (complements of rates excepted). */
function leaks(table: AdditiveTable, withheld: boolean[]): number[] {
  const view = publishedView(table, withheld);
  const hidden = (i: number) => withheld[i] && table.cells[i]!.fixed !== 'unpublished';
  const bySubtraction = [...subtractionAuditor(view, table.groups)].filter(hidden);
  return [...new Set([...deriveWithheld(view, table.groups).keys(), ...bySubtraction])].filter(hidden).sort();
}

function checkSuppressed(table: AdditiveTable) {
  const { withheld, secondary, unresolved } = secondarySuppression(table);
  assert.deepEqual(unresolved, []);
  assert.deepEqual(leaks(table, withheld), [], 'a withheld cell can be worked out');
  table.cells.forEach((c, i) => {
    if (c.small) assert.ok(withheld[i] && !secondary[i]);
    if (secondary[i]) assert.ok(c.value !== 0 && !c.small, 'only a non-zero published cell is withheld to protect another');
  });
}

// Mostly small counts, so small cells and near-misses are common.
const count = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 40 }));
const small = (n: number) => isSuppressed(n);

/** A breakdown: its total and its groups. */
function oneWay(values: number[]): AdditiveTable {
  const total = values.reduce((s, v) => s + v, 0);
  const cells = [total, ...values].map((value) => ({ value, small: small(value), counted: true }));
  return { cells, groups: [{ total: 0, members: values.map((_, i) => i + 1) }] };
}

/** A two-way table with its row, column and grand totals. */
function twoWay(rows: number[][]): AdditiveTable {
  const cells: AdditiveTable['cells'][number][] = [];
  const add = (value: number) => cells.push({ value, small: small(value), counted: true }) - 1;
  const at = rows.map((r) => r.map(add));
  const width = rows[0]!.length;
  const rowTotals = rows.map((r) => add(r.reduce((s, v) => s + v, 0)));
  const colTotals = Array.from({ length: width }, (_, j) => add(rows.reduce((s, r) => s + r[j]!, 0)));
  const grand = add(rows.flat().reduce((s, v) => s + v, 0));
  const groups: Additive[] = [
    ...rows.map((_, i) => ({ total: rowTotals[i]!, members: at[i]! })),
    ...colTotals.map((t, j) => ({ total: t, members: at.map((r) => r[j]!) })),
    { total: grand, members: rowTotals },
    { total: grand, members: colTotals },
  ];
  return { cells, groups };
}

test('the tester\'s referrals by sex: Not recorded "<6" can no longer be worked out from the total', () => {
  // Total 23, Female 7, Male 15, Not recorded 1.
  const table = oneWay([7, 15, 1]);
  const before = table.cells.map((c) => Boolean(c.small));
  assert.deepEqual(leaks(table, before), [3], 'primary suppression alone gives 23 - 7 - 15 = 1 away');
  const { withheld, secondary } = secondarySuppression(table);
  assert.deepEqual(secondary, [false, true, false, false], 'Female, the next smallest, is withheld too');
  assert.deepEqual(leaks(table, withheld), []);
});

test('the tester\'s EHCP months: December "<6"/"<6" can no longer be worked out from Q3, October and November', () => {
  const figure = (type: PeriodFigure['type'], start: string, numerator: number, denominator: number): PeriodFigure => ({
    type, start, numerator, denominator, suppressed: isSuppressed(numerator) || isSuppressed(denominator),
  });
  const figures = [
    figure('quarter', '2026-10-01', 37, 53),
    figure('month', '2026-10-01', 12, 18),
    figure('month', '2026-11-01', 22, 31),
    figure('month', '2026-12-01', 3, 4),
  ];
  const secondary = periodSecondary('rate', figures, true);
  assert.deepEqual(secondary.get(periodKey('month', '2026-10-01')), { numerator: true, denominator: true }, 'October is the next smallest month');
  assert.equal(secondary.has(periodKey('month', '2026-11-01')), false);
  assert.equal(secondary.has(periodKey('quarter', '2026-10-01')), false, 'the quarter stays published');
  assert.deepEqual(periodSecondary('rate', figures, false), new Map(), 'figures that do not add up need nothing more');
});

test('a small cell whose only protector is just above the threshold gets a third one', () => {
  // 1 and 6 add up to 7: a reader who knows "c" means at least 6 gets 1 exactly.
  const table = oneWay([1, 6, 20]);
  const { secondary, withheld } = secondarySuppression(table);
  assert.deepEqual(secondary, [false, false, true, true]);
  assert.deepEqual(leaks(table, withheld), []);
});

test('a breakdown whose total is published elsewhere is withheld whole when no group can protect its small one', () => {
  // 7 = 1 + 6: withholding both still pins them, and the total is fixed by the period's own figure.
  const g = (n: number) => ({ numerator: n, denominator: null, suppressed: isSuppressed(n) });
  const result = breakdownSecondary('count', { ...g(7), secondary: { numerator: false, denominator: false } }, [g(1), g(6), g(0)]);
  assert.equal(result.withheldAll, true);
  const fine = breakdownSecondary('count', { ...g(23), secondary: { numerator: false, denominator: false } }, [g(7), g(15), g(1)]);
  assert.equal(fine.withheldAll, false);
  assert.deepEqual(fine.groups.map((s) => s.numerator), [true, false, false]);
});

test('property: no breakdown published after secondary suppression lets a withheld count be worked out', () => {
  fc.assert(fc.property(fc.array(count, { minLength: 1, maxLength: 9 }), (values) => checkSuppressed(oneWay(values))), { numRuns: 2000 });
});

test('property: nor does a two-way table with its row, column and grand totals', () => {
  const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(count, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }));
  fc.assert(fc.property(table, (rows) => checkSuppressed(twoWay(rows))), { numRuns: 1000 });
});

test('property: nor do months, quarters and years of a rate (numerators, denominators and what is left of each)', () => {
  const months = periodsBetween('month', '2024-04-01', '2026-03-31');
  const monthFigures = fc.array(fc.tuple(count, count), { minLength: months.length, maxLength: months.length });
  fc.assert(
    fc.property(monthFigures, fc.integer({ min: 1, max: months.length }), (pairs, shown) => {
      // The latest `shown` months are stored (a series starts at its first data).
      const monthly = months.slice(-shown).map((m, i) => {
        const [a, b] = pairs[i]!;
        return { type: 'month' as const, start: m.start, numerator: Math.min(a, b), denominator: Math.max(a, b) };
      });
      const sums = new Map<string, PeriodFigure>();
      for (const m of monthly) {
        for (const type of ['quarter', 'year'] as const) {
          const key = periodKey(type, periodOf(m.start, type).start);
          const s = sums.get(key) ?? { type, start: periodOf(m.start, type).start, numerator: 0, denominator: 0, suppressed: false };
          sums.set(key, { ...s, numerator: s.numerator! + m.numerator, denominator: s.denominator! + m.denominator });
        }
      }
      const figures: PeriodFigure[] = [...monthly, ...sums.values()].map((f) => ({ ...f, suppressed: isSuppressed(f.numerator) || isSuppressed(f.denominator) }));
      const secondary = periodSecondary('rate', figures, true);
      // Rebuild what a reader sees and audit it independently of periodSecondary's own table.
      const cells: AdditiveTable['cells'][number][] = [];
      const withheld: boolean[] = [];
      const at = new Map<string, { numerator: number; denominator: number }>();
      const groups: Additive[] = [];
      for (const f of figures) {
        const s = secondary.get(periodKey(f.type, f.start));
        const cell = (q: 'numerator' | 'denominator') => {
          const value = f[q]!;
          const isSmall = f.suppressed && isSuppressed(value);
          withheld.push(isSmall || Boolean(s?.[q]));
          return cells.push({ value, small: isSmall, counted: true }) - 1;
        };
        const ids = { numerator: cell('numerator'), denominator: cell('denominator') };
        withheld.push(true);
        const rest = cells.push({ value: f.denominator! - f.numerator!, fixed: 'unpublished' }) - 1;
        groups.push({ total: ids.denominator, members: [ids.numerator, rest] });
        at.set(periodKey(f.type, f.start), ids);
      }
      for (const [child, parent] of [['month', 'quarter'], ['quarter', 'year']] as const) {
        for (const p of figures.filter((f) => f.type === parent)) {
          const kids = figures.filter((f) => f.type === child && periodOf(f.start, parent).start === p.start).map((f) => at.get(periodKey(child, f.start))!);
          for (const q of ['numerator', 'denominator'] as const) groups.push({ total: at.get(periodKey(parent, p.start))![q], members: kids.map((k) => k[q]) });
        }
      }
      assert.deepEqual(leaks({ cells, groups }, withheld), []);
    }),
    { numRuns: 300 },
  );
});
