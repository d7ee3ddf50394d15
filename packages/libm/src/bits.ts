// Bit access to a float64, the way fdlibm's GET_HIGH_WORD / INSERT_WORDS macros read and write it.
// One shared 8-byte buffer; which half is the high word depends on the platform's byte order.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second
const LO = 1 - HI;

/** The sign, exponent and top 20 fraction bits of `x`, as a signed 32-bit integer (C's `int32_t`). */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI]! | 0;
}

/** The low 32 fraction bits of `x`, unsigned. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO]!;
}

/** The float64 whose words are `hi` and `lo` (each taken modulo 2³²). */
export function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0]!;
}

/** `x` with its high word replaced. */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi;
  return f64[0]!;
}

/** `x` with its low word replaced (fdlibm sets it to 0 to split a number into exact halves). */
export function withLowWord(x: number, lo: number): number {
  f64[0] = x;
  u32[LO] = lo;
  return f64[0]!;
}

/** x · 2ⁿ, rounded once (musl's `scalbn`: steps through normal numbers so a subnormal result is not rounded twice). */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= fromWords(0x7fe00000, 0); // 2^1023
    n -= 1023;
    if (n > 1023) {
      y *= fromWords(0x7fe00000, 0);
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    y *= fromWords(0x03600000, 0); // 2^-1022 · 2^53 = 2^-969: keeps y normal
    n += 1022 - 53;
    if (n < -1022) {
      y *= fromWords(0x03600000, 0);
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}

// 2ᵏ for every normal exponent, so scaling by 2ᵏ is a table read rather than a write and read of
// the shared buffer (exp, expm1 and tanh sit on the training loop's hot path).
const POWERS_OF_TWO = Float64Array.from({ length: 2046 }, (_, i) => fromWords((i + 1) << 20, 0));

/** 2ᵏ for an integer −1022 ≤ k ≤ 1023, exactly. */
export const pow2 = (k: number): number => POWERS_OF_TWO[k + 1022]!;
