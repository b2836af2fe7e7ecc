/**
 * A small seeded pseudo-random generator (sfc32, seeded through the cyrb128 string hash), so the
 * demo data is the same on every machine for the same seed. Never reach for Math.random() in the
 * seed code: everything random comes from here.
 */
export type Seed = number | string;

const DAY_MS = 24 * 3600 * 1000;

/** cyrb128: four well-mixed 32-bit words from any string. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seedText: string;

  constructor(seed: Seed) {
    this.seedText = String(seed);
    [this.a, this.b, this.c, this.d] = hash128(this.seedText);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /**
   * An independent stream named after this one: `fork('customer:17')` gives the same numbers
   * however many draws the parent has made, so one customer's story never shifts another's.
   */
  fork(label: string | number): Random {
    return new Random(`${this.seedText}/${label}`);
  }

  /** sfc32 step. */
  uint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const result = (t + this.d) | 0;
    this.c = (this.c + result) | 0;
    return result >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: no items');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One value from `[value, weight]` pairs, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    if (!(total > 0)) throw new Error('Random.weighted: weights must add up to more than 0');
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const result: T[] = [];
    while (result.length < count && pool.length) {
      result.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    }
    return result;
  }

  /** Normally distributed (Box–Muller). */
  normal(mean = 0, deviation = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal around `median`: most values near it, a long tail above (response times, deal sizes). */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(this.normal(0, spread));
  }

  /** Exponentially distributed with the given mean (waiting times). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A whole-second instant (epoch milliseconds) uniformly in [startMs, endMs). */
  between(startMs: number, endMs: number): number {
    if (endMs <= startMs) return Math.floor(startMs / 1000) * 1000;
    return Math.floor((startMs + this.next() * (endMs - startMs)) / 1000) * 1000;
  }

  date(start: Date, end: Date): Date {
    return new Date(this.between(start.getTime(), end.getTime()));
  }

  /** A random number of days, as milliseconds. */
  days(min: number, max: number): number {
    return this.float(min, max) * DAY_MS;
  }

  /** A version-4 UUID drawn from this stream: the same seed gives the same ids. */
  uuid(): string {
    const words = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    words[1] = (words[1]! & 0xffff0fff) | 0x00004000;
    words[2] = (words[2]! & 0x3fffffff) | 0x80000000;
    const hex = words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
