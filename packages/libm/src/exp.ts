// eˣ and eˣ − 1, ported from fdlibm as kept in FreeBSD msun: src/e_exp.c (v1.14) and
// src/s_expm1.c (v1.12), © Sun Microsystems 1993/2004, "permission to use, copy, modify, and
// distribute this software is freely granted, provided that this notice is preserved."
// Both claim: "according to an error analysis, the error is always less than 1 ulp".
//
// Method (exp): x = k·ln2 + r with |r| ≤ ln2/2, r carried as hi − lo; eʳ from a degree-5 Remez
// polynomial R(r²) with error < 2⁻⁵⁹; then eˣ = 2ᵏ·eʳ. Only +, −, ×, ÷ and bit access, so every
// IEEE 754 engine rounds each step the same way and returns the same bits.

import { fromWords, highWord, pow2 } from "./bits.ts";

const LN2_HI = fromWords(0x3fe62e42, 0xfee00000); // ln2's top 32 bits: k·LN2_HI is exact for |k| < 2¹¹
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76); // ln2 − LN2_HI
const INV_LN2 = fromWords(0x3ff71547, 0x652b82fe);
const O_THRESHOLD = fromWords(0x40862e42, 0xfefa39ef); // 709.782712893384: above, eˣ overflows
const U_THRESHOLD = fromWords(0xc0874910, 0xd52d3051); // −745.133219101941: below, eˣ underflows to 0
const TWO_M1000 = fromWords(0x01700000, 0); // 2^-1000
const TWO_1023 = fromWords(0x7fe00000, 0); // 2^1023
const E = fromWords(0x4005bf0a, 0x8b145769); // e, correctly rounded
const P1 = fromWords(0x3fc55555, 0x5555553e);
const P2 = fromWords(0xbf66c16c, 0x16bebd93);
const P3 = fromWords(0x3f11566a, 0xaf25de2c);
const P4 = fromWords(0xbebbbd41, 0xc5d26bf1);
const P5 = fromWords(0x3e663769, 0x72bea4d0);

/** eˣ, within 1 ulp (fdlibm `e_exp.c`); the same bits in every JavaScript engine. */
export function exp(x: number): number {
  const hx = highWord(x) & 0x7fffffff;
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: overflow, underflow, ±Infinity or NaN
    if (hx >= 0x7ff00000) return Number.isNaN(x) ? x : negative ? 0 : x;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  if (x === 1) return E; // the polynomial gives 2.7182818284590455; FreeBSD prefers the closer value
  // Argument reduction: x = k·ln2 + r, r = hi − lo.
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      // ln2/2 < |x| < 3·ln2/2: k = ±1
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2⁻²⁸: 1 + x is eˣ rounded
  }
  // eʳ = 1 + r + r·c/(2 − c), c = r − r²·P(r²)
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // Scale by 2ᵏ; near the ends of the range in two exact steps.
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO_1023;
    return y * pow2(k);
  }
  return y * pow2(k + 1000) * TWO_M1000;
}

const EXPM1_BIG = fromWords(0x4043687a, 0); // ≈ 56·ln2
const HALF_LN2_UP = fromWords(0x3fd62e43, 0); // the first float whose high word exceeds ln2/2's
const THREE_HALVES_LN2 = fromWords(0x3ff0a2b2, 0); // ≈ 1.5·ln2
const TWO_M54 = fromWords(0x3c900000, 0);

const Q1 = fromWords(0xbfa11111, 0x111110f4); // Remez coefficients of R1(r²), scaled by 2ⁱ
const Q2 = fromWords(0x3f5a01a0, 0x19fe5585);
const Q3 = fromWords(0xbf14ce19, 0x9eaadbb7);
const Q4 = fromWords(0x3ed0cfca, 0x86e65239);
const Q5 = fromWords(0xbe8afdb7, 0x6e09c32d);

/** eˣ − 1, within 1 ulp, accurate near 0 where `exp(x) - 1` cancels (fdlibm `s_expm1.c`). */
export function expm1(x: number): number {
  // fdlibm compares the high word of |x| with thresholds; comparing |x| with the float whose high
  // word is the threshold (low word 0) is the same test, without reading x's bits.
  const ax = Math.abs(x);
  if (Number.isNaN(x)) return x;
  const negative = x < 0;
  if (ax >= EXPM1_BIG) {
    // |x| ≥ 56·ln2
    if (x > O_THRESHOLD) return Infinity; // and +Infinity
    if (negative) return -1; // eˣ < 2⁻⁵⁶: eˣ − 1 rounds to −1 (and −Infinity)
  }
  // Argument reduction: x = k·ln2 + r, with c the rounding error of r = hi − lo.
  let k = 0;
  let c = 0;
  if (ax >= HALF_LN2_UP) {
    let hi: number;
    let lo: number;
    if (ax < THREE_HALVES_LN2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < TWO_M54) {
    return x; // |x| < 2⁻⁵⁴
  }
  // expm1(r) = r + r²/2 + r³/2 · (3 − (R1 + R1·r/2)) / (6 − r·(3 − R1·r/2)), written as r − e.
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  // Scale back: expm1(x) = 2ᵏ·(expm1(r) + 1) − 1, arranged per k to lose nothing.
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    let y = 1 - (e - x);
    y = k === 1024 ? y * 2 * TWO_1023 : y * pow2(k);
    return y - 1;
  }
  const twopk = pow2(k);
  if (k < 20) {
    t = 1 - pow2(-k); // exact
    return (t - (e - x)) * twopk;
  }
  t = pow2(-k);
  return (x - (e + t) + 1) * twopk;
}
