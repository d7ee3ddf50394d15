// x − n·π/2 for any finite x, ported from fdlibm as kept in FreeBSD msun: src/e_rem_pio2.c (v1.22),
// © Sun Microsystems 1993, "permission to use, copy, modify, and
// distribute this software is freely granted, provided that this notice is preserved."
//
// The remainder comes back as y0 + y1 (a head and a tail), accurate to far more than 53 bits, so
// sin and cos stay within 1 ulp at every argument, 1e300 included. Up to |x| ≈ 2²⁰·π/2 π/2 is
// subtracted in 33-bit pieces (Cody–Waite, up to three rounds); beyond, x is multiplied by as
// many bits of 2/π as its exponent needs (Payne–Hanek, remPio2Large.ts).

import { fromWords, highWord } from "./bits.ts";
import { remPio2Large } from "./remPio2Large.ts";

const INV_PIO2 = fromWords(0x3fe45f30, 0x6dc9c883); // 53 bits of 2/π
const PIO2_1 = fromWords(0x3ff921fb, 0x54400000); // first 33 bits of π/2
const PIO2_1T = fromWords(0x3dd0b461, 0x1a626331); // π/2 − PIO2_1
const PIO2_2 = fromWords(0x3dd0b461, 0x1a600000); // second 33 bits
const PIO2_2T = fromWords(0x3ba3198a, 0x2e037073); // π/2 − (PIO2_1 + PIO2_2)
const PIO2_3 = fromWords(0x3ba3198a, 0x2e000000); // third 33 bits
const PIO2_3T = fromWords(0x397b839a, 0x252049c1); // π/2 − (PIO2_1 + PIO2_2 + PIO2_3)
const TO_INT = fromWords(0x43380000, 0); // 1.5·2⁵²: adding and subtracting it rounds to an integer

/** The remainder's head and tail, written by {@link remPio2}. */
export const remainder = new Float64Array(2);

/** Writes x − n·π/2 to `remainder` (|head| ≤ ~π/4) and returns n (the quadrant is n mod 4). */
export function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x400f6a7a) {
    // |x| ≲ 5π/4
    if ((ix & 0xfffff) !== 0x921fb) {
      // not near π/2 or π, where one subtraction would cancel too much
      if (ix <= 0x4002d97c) return small(x, 1); // |x| ≲ 3π/4
      return small(x, 2);
    }
  } else if (ix <= 0x401c463b) {
    // |x| ≲ 9π/4
    if (ix <= 0x4015fdbc) {
      if (ix !== 0x4012d97c) return small(x, 3); // not near 3π/2
    } else if (ix !== 0x401921fb) {
      return small(x, 4); // not near 2π
    }
  }
  if (ix < 0x413921fb) return medium(x, ix); // |x| ≲ 2²⁰·π/2
  if (ix >= 0x7ff00000) {
    remainder[0] = remainder[1] = x - x; // NaN
    return 0;
  }
  return remPio2Large(x, hx, ix, remainder);
}

/** x ∓ n·π/2 for n ≤ 4 and x away from a multiple of π/2: one subtraction good to 85 bits. */
function small(x: number, n: number): number {
  const sign = x > 0 ? 1 : -1;
  const z = x - sign * n * PIO2_1;
  const y0 = z - sign * n * PIO2_1T;
  remainder[0] = y0;
  remainder[1] = z - y0 - sign * n * PIO2_1T;
  return sign * n;
}

/** Cody–Waite: n = round(x·2/π), subtract n·π/2 in pieces until no more bits cancel. */
function medium(x: number, ix: number): number {
  const fn = x * INV_PIO2 + TO_INT - TO_INT;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T; // first round good to 85 bits
  const j = ix >> 20;
  let y0 = r - w;
  if (j - ((highWord(y0) >> 20) & 0x7ff) > 16) {
    // second round, good to 118 bits
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y0 = r - w;
    if (j - ((highWord(y0) >> 20) & 0x7ff) > 49) {
      // third round, 151 bits: covers all cases
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  remainder[0] = y0;
  remainder[1] = r - y0 - w;
  return n;
}
