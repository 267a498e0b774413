/**
 * The generator's only source of chance: seeded pseudo-random streams (`Rng`, sfc32 seeded through
 * splitmix32), a stateless hash of a few integers (`hashFloat`) and picks by relative weight
 * (`Weighted`). Everything the generator draws comes from here, which is what keeps it a pure
 * function of (visits, seed, nowMs): no Math.random, no clock. Each purpose owns one stream (the
 * `stream` number), so adding draws to one purpose never shifts what another draws.
 */
import type { WeightedList } from './names';

/**
 * The stream of each purpose. A purpose draws only from its own stream, so a new purpose (a later
 * domain's rows) takes a new number and leaves every existing stream, and so every existing row,
 * exactly as it was.
 */
export const STREAM = {
  company: 1,
  delegations: 2,
  organisations: 3,
  schedule: 4,
  /** Each request's visit, body and life, drawn in request order. */
  requests: 5,
} as const;

/** splitmix32: spreads a seed over the four words of sfc32's state. */
function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

/** sfc32: small, fast, and good enough for data; one independent stream per purpose. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: (typeof STREAM)[keyof typeof STREAM]) {
    const init = splitmix32(mix(seedWord(seed) ^ Math.imul(stream + 1, 0x85ebca6b)));
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 16; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** 0 … n-1 */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** lo … hi, both included */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }

  /** Exponentially distributed with this mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }
}

function mix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Any JS integer seed (negative, above 2^32) as one 32-bit word. */
export function seedWord(seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return mix(lo ^ mix(hi + 0x6a09e667));
}

/**
 * A stateless uniform [0, 1) of a few integers: for choices made on demand in whatever order the
 * generator needs them (when a person reads his notifications, when he signs in), which a
 * sequential stream would make depend on that order.
 */
export function hashFloat(seedH: number, a: number, b: number, c: number): number {
  let h = mix((seedH + Math.imul(a, 0x9e3779b1)) | 0);
  h = mix((h + Math.imul(b, 0x85ebca6b)) | 0);
  h = mix((h + Math.imul(c, 0xc2b2ae35)) | 0);
  return h / 4294967296;
}

/** Picks by relative weight (binary search over the running sums). */
export class Weighted<T> {
  private readonly cum: Float64Array;
  private readonly total: number;

  constructor(
    private readonly values: readonly T[],
    weights: readonly number[],
  ) {
    this.cum = new Float64Array(values.length);
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      sum += weights[i] ?? 0;
      this.cum[i] = sum;
    }
    this.total = sum;
  }

  static of(list: WeightedList): Weighted<string> {
    return new Weighted(
      list.map(([v]) => v),
      list.map(([, w]) => w),
    );
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cum[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
