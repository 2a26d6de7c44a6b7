// Seeded pseudo-random numbers (sfc32), so a seed always yields the same synthetic data. Each part
// of the generator takes its own stream (`streamFor`), so changing how one table is drawn does not
// shift the numbers every other table sees.

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88 ^ stream;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // sfc32 needs a few rounds before its output stops resembling the seed.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An item drawn with the given relative weights. */
  weighted<T>(table: Weighted<T>): T {
    let r = this.next() * table.total;
    for (const [item, w] of table.entries) {
      r -= w;
      if (r < 0) return item;
    }
    return table.entries[table.entries.length - 1]![0];
  }

  /** Normal deviate (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with the given mean: waiting times and spell lengths. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Epoch day in [from, to], both inclusive. */
  dayBetween(from: number, to: number): number {
    return this.int(from, to);
  }

  /** Up to `n` distinct items, in the order of `items`. */
  some<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, items.length)) chosen.add(Math.floor(this.next() * items.length));
    return items.filter((_, i) => chosen.has(i));
  }
}

export interface Weighted<T> {
  entries: readonly (readonly [T, number])[];
  total: number;
}

/** A weight table, built once and drawn from many times. */
export function weights<T extends string>(table: Readonly<Record<T, number>>): Weighted<T> {
  const entries = Object.entries(table) as [T, number][];
  return { entries, total: entries.reduce((s, [, w]) => s + w, 0) };
}

/** A generator stream for one named part of the data. */
export function streamFor(seed: number, name: string): Random {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return new Random(seed, h >>> 0);
}
