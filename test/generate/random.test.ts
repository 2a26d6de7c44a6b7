import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dayOf, weekday } from '../../src/generate/days.ts';
import { receivedDay } from '../../src/generate/ehcp.ts';
import { Random, streamFor, weights } from '../../src/generate/random.ts';
import { makeUpn, upnCheckLetter } from '../../src/generate/upn.ts';

describe('seeded random numbers', () => {
  test('a seed gives the same sequence; another seed or stream a different one', () => {
    const draw = (r: Random) => Array.from({ length: 20 }, () => r.next());
    assert.deepEqual(draw(new Random(42)), draw(new Random(42)));
    assert.notDeepEqual(draw(new Random(42)), draw(new Random(43)));
    assert.notDeepEqual(draw(streamFor(42, 'ehcp')), draw(streamFor(42, 'missing')));
  });

  test('helpers stay in range and follow their weights', () => {
    const r = new Random(7);
    const table = weights({ a: 1, b: 3 });
    let b = 0;
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const n = r.int(3, 5);
      assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
      const d = r.dayBetween(100, 101);
      assert.ok(d === 100 || d === 101);
      if (r.weighted(table) === 'b') b++;
      sum += r.normal(10, 2);
    }
    assert.ok(Math.abs(b / 20_000 - 0.75) < 0.02, `weighted share ${b / 20_000}`);
    assert.ok(Math.abs(sum / 20_000 - 10) < 0.1, `normal mean ${sum / 20_000}`);
    const some = r.some(['p', 'q', 'r', 's'], 2);
    assert.equal(new Set(some).size, 2);
  });
});

describe('UPN', () => {
  test('check letter: weights 2 to 13, modulo 23, letters without I, O and S', () => {
    // 9*2 + 9*3 + 9*4 + 1*5 + 2*9 + 5*10 + 1*13 = 167; 167 mod 23 = 6 -> G
    assert.equal(upnCheckLetter('999100025001'), 'G');
    // All zeros sum to 0 -> A; a 1 in the last place weighs 13 -> P (I and O skipped).
    assert.equal(upnCheckLetter('000000000000'), 'A');
    assert.equal(upnCheckLetter('000000000001'), 'P');
  });

  test('built UPNs are 13 characters, self-checking and distinct by serial', () => {
    const a = makeUpn(999, 1, 2015);
    const b = makeUpn(999, 1001, 2015);
    assert.match(a, /^[A-HJ-NP-RT-Z]\d{12}$/);
    assert.equal(a[0], upnCheckLetter(a.slice(1)));
    assert.notEqual(a.slice(1), b.slice(1));
  });
});

describe('EHCP arrival days', () => {
  test('fall on working days, and end even when the range holds only a weekend', () => {
    const r = new Random(3);
    const saturday = dayOf('2026-01-03');
    assert.equal(weekday(saturday), 6);
    for (let i = 0; i < 200; i++) assert.ok(![0, 6].includes(weekday(receivedDay(r, saturday, saturday + 6))));
    assert.ok([saturday, saturday + 1].includes(receivedDay(r, saturday, saturday + 1)));
  });
});
