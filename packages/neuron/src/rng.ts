import { math } from "@gradbook/autograd";
/**
 * The library's one seeded random generator: the same seed gives the same numbers on every
 * run and every machine, so every number a lesson prints is reproducible.
 *
 * xoshiro128** (Blackman & Vigna), 32-bit arithmetic only (`Math.imul`, shifts), seeded through
 * SplitMix32 so that nearby seeds give unrelated streams. Normal draws use Box–Muller.
 *
 * @example
 * const rng = new Rng(42);
 * rng.uniform(-1, 1); // the same number on every machine
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** A generator seeded with a 32-bit integer (other numbers are rejected). */
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`Rng: expected a seed that is an integer in [0, 2³²), got ${seed}`);
    }
    // SplitMix32 spreads the assignment over the 128-bit state (never all zero).
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** A generator with the given 128-bit state, to check the core against published test vectors. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const rng = new Rng(0);
    [rng.s0, rng.s1, rng.s2, rng.s3] = [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];
    return rng;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float uniform on [a, b) with 53 random bits (like `genrand_res53`); [0, 1) by default. */
  uniform(a = 0, b = 1): number {
    if (!(a <= b)) throw new RangeError(`Rng.uniform: expected a ≤ b, got a = ${a}, b = ${b}`);
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return a + (b - a) * ((hi * 67108864 + lo) / 9007199254740992);
  }

  /** A normal draw N(mean, std²), by Box–Muller (two uniforms per draw, nothing cached). */
  normal(mean = 0, std = 1): number {
    if (!(std >= 0)) throw new RangeError(`Rng.normal: expected std ≥ 0, got ${std}`);
    const u = 1 - this.uniform(); // (0, 1]: log(u) is finite
    const v = this.uniform();
    return mean + std * Math.sqrt(-2 * math.log(u)) * math.cos(2 * Math.PI * v);
  }

  /** An integer uniform on 0 … n−1. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`Rng.int: expected a positive integer, got ${n}`);
    return Math.floor(this.uniform() * n);
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
