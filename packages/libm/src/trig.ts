// sin x and cos x, ported from fdlibm as kept in FreeBSD msun: src/s_sin.c, src/s_cos.c (v1.13),
// src/k_sin.c (v1.11), src/k_cos.c (v1.12), © Sun Microsystems 1993, "permission to use, copy,
// modify, and distribute this software is freely granted, provided that this notice is preserved."
// Accuracy: "nearly rounded", i.e. within 1 ulp: the kernels' Remez polynomials are within 2⁻⁵⁸
// on [−π/4, π/4], and `remPio2` reduces any finite x exactly enough for them.
//
// Method: x = n·π/2 + (y0 + y1) with |y0| ≤ ~π/4; then by the quadrant n mod 4,
// sin x is S, C, −S, −C and cos x is C, −S, −C, S of y0 + y1 (S, C the kernels below).

import { fromWords, highWord } from "./bits.ts";
import { remainder, remPio2 } from "./remPio2.ts";

const S1 = fromWords(0xbfc55555, 0x55555549);
const S2 = fromWords(0x3f811111, 0x1110f8a6);
const S3 = fromWords(0xbf2a01a0, 0x19c161d5);
const S4 = fromWords(0x3ec71de3, 0x57b1fe7d);
const S5 = fromWords(0xbe5ae5e6, 0x8a2b9ceb);
const S6 = fromWords(0x3de5d93a, 0x5acfd57c);

/** sin(x + y) on [−π/4, π/4], y the tail of x; `exact` when x has no tail (fdlibm's iy = 0). */
function kernelSin(x: number, y: number, exact: boolean): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (exact) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1); // sin(x + y) ≈ sin x + (1 − x²/2)·y
}

const C1 = fromWords(0x3fa55555, 0x5555554c);
const C2 = fromWords(0xbf56c16c, 0x16c15177);
const C3 = fromWords(0x3efa01a0, 0x19cb1590);
const C4 = fromWords(0xbe927e4f, 0x809c52ad);
const C5 = fromWords(0x3e21ee9e, 0xbdb4b1c4);
const C6 = fromWords(0xbda8fae9, 0xbe8838d4);

/** cos(x + y) on [−π/4, π/4], y the tail of x. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  let w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y)); // 1 − x²/2 = w + (1 − w − hz) exactly
}

/** sin x (radians), within 1 ulp for every finite x (fdlibm `s_sin.c`); NaN at ±Infinity. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ≲ π/4
    if (ix < 0x3e500000) return x; // |x| < 2⁻²⁶ (and ±0 keeps its sign)
    return kernelSin(x, 0, true);
  }
  if (ix >= 0x7ff00000) return x - x; // Infinity or NaN → NaN
  const n = remPio2(x);
  const y0 = remainder[0]!;
  const y1 = remainder[1]!;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, false);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, false);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos x (radians), within 1 ulp for every finite x (fdlibm `s_cos.c`); NaN at ±Infinity. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    if (ix < 0x3e46a09e) return 1; // |x| < 2⁻²⁷·√2
    return kernelCos(x, 0);
  }
  if (ix >= 0x7ff00000) return x - x;
  const n = remPio2(x);
  const y0 = remainder[0]!;
  const y1 = remainder[1]!;
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, false);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, false);
  }
}
