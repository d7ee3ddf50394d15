// x − n·π/2 for any finite x, ported from fdlibm as kept in FreeBSD msun: src/e_rem_pio2.c (v1.22)
// and src/k_rem_pio2.c (v1.11), © Sun Microsystems 1993, "permission to use, copy, modify, and
// distribute this software is freely granted, provided that this notice is preserved."
//
// The remainder comes back as y0 + y1 (a head and a tail), accurate to far more than 53 bits, so
// sin and cos stay within 1 ulp at every argument, 1e300 included. Up to |x| ≈ 2²⁰·π/2 π/2 is
// subtracted in 33-bit pieces (Cody–Waite, up to three rounds); beyond, x is multiplied by as
// many bits of 2/π as its exponent needs (Payne–Hanek, `remPio2Large`).

import { fromWords, highWord, lowWord, scalbn } from "./bits.ts";

const INV_PIO2 = fromWords(0x3fe45f30, 0x6dc9c883); // 53 bits of 2/π
const PIO2_1 = fromWords(0x3ff921fb, 0x54400000); // first 33 bits of π/2
const PIO2_1T = fromWords(0x3dd0b461, 0x1a626331); // π/2 − PIO2_1
const PIO2_2 = fromWords(0x3dd0b461, 0x1a600000); // second 33 bits
const PIO2_2T = fromWords(0x3ba3198a, 0x2e037073); // π/2 − (PIO2_1 + PIO2_2)
const PIO2_3 = fromWords(0x3ba3198a, 0x2e000000); // third 33 bits
const PIO2_3T = fromWords(0x397b839a, 0x252049c1); // π/2 − (PIO2_1 + PIO2_2 + PIO2_3)
const TO_INT = fromWords(0x43380000, 0); // 1.5·2⁵²: adding and subtracting it rounds to an integer
const TWO24 = fromWords(0x41700000, 0);

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
  return remPio2Large(x, hx, ix);
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

// 2/π in 24-bit pieces: ipio2[i] holds bits 24i+1 … 24i+24 after the binary point (66 pieces
// cover every float64 exponent).
// prettier-ignore
const IPIO2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7,
  0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c,
  0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11,
  0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7,
  0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e,
  0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];

// π/2 in 24-bit pieces.
const PIO2 = [
  fromWords(0x3ff921fb, 0x40000000), fromWords(0x3e74442d, 0), fromWords(0x3cf84698, 0x80000000),
  fromWords(0x3b78cc51, 0x60000000), fromWords(0x39f01b83, 0x80000000), fromWords(0x387a2520, 0x40000000),
  fromWords(0x36e38222, 0x80000000), fromWords(0x3569f31d, 0),
];

/** Payne–Hanek for |x| ≳ 2²⁰·π/2: `__ieee754_rem_pio2`'s large case with `__kernel_rem_pio2` (prec = 1). */
function remPio2Large(x: number, hx: number, ix: number): number {
  // Split |x| into three 24-bit integers tx[i] with |x| = Σ tx[i]·2^(e0 − 24i).
  const e0 = (ix >> 20) - 1046; // ilogb(x) − 23
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  const tx = [0, 0, 0];
  for (let i = 0; i < 2; i++) {
    tx[i] = Math.trunc(z);
    z = (z - tx[i]!) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--;
  const n = kernelRemPio2(tx, e0, nx);
  if (hx < 0) {
    remainder[0] = -remainder[0]!;
    remainder[1] = -remainder[1]!;
    return -n;
  }
  return n;
}

const JK = 4; // terms of 2/π beyond those the exponent needs (fdlibm's init_jk for double)
const TWON24 = fromWords(0x3e700000, 0);

/** fdlibm's `__kernel_rem_pio2(x, y, e0, nx, 1)`: writes the remainder of Σ x[i]·2^(e0−24i) to `remainder`, returns n mod 8. */
function kernelRemPio2(x: number[], e0: number, nx: number): number {
  const jp = JK;
  const jx = nx - 1;
  const jv = Math.max(0, Math.trunc((e0 - 3) / 24));
  let q0 = e0 - 24 * (jv + 1);
  const f: number[] = [];
  const q: number[] = [];
  const iq: number[] = [];
  const fq: number[] = [];
  // f[0 … jx + jk] are the pieces of 2/π that x meets; q[i] = Σ x[j]·f[jx + i − j]
  for (let i = 0, j = jv - jx; i <= jx + JK; i++, j++) f[i] = j < 0 ? 0 : IPIO2[j]!;
  for (let i = 0; i <= JK; i++) {
    let fw = 0;
    for (let j = 0; j <= jx; j++) fw += x[j]! * f[jx + i - j]!;
    q[i] = fw;
  }
  let jz = JK;
  let n: number;
  let ih: number;
  let z: number;
  for (;;) {
    // Distill q[] into 24-bit integers iq[], last first.
    let i = 0;
    z = q[jz]!;
    for (let j = jz; j > 0; i++, j--) {
      const fw = Math.trunc(TWON24 * z);
      iq[i] = Math.trunc(z - TWO24 * fw);
      z = q[j - 1]! + fw;
    }
    // n = the integer part mod 8; z = the fraction.
    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125);
    n = Math.trunc(z);
    z -= n;
    ih = 0;
    if (q0 > 0) {
      const top = iq[jz - 1]! >> (24 - q0);
      n += top;
      iq[jz - 1]! -= top << (24 - q0);
      ih = iq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1]! >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) {
      // fraction ≥ 1/2: take 1 − fraction and round n up
      n += 1;
      let carry = 0;
      for (let k = 0; k < jz; k++) {
        const j = iq[k]!;
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[k] = 0x1000000 - j;
          }
        } else {
          iq[k] = 0xffffff - j;
        }
      }
      if (q0 === 1) iq[jz - 1]! &= 0x7fffff;
      else if (q0 === 2) iq[jz - 1]! &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }
    // If the fraction cancelled to 0, take more terms of 2/π and recompute.
    if (z !== 0) break;
    let j = 0;
    for (let k = jz - 1; k >= JK; k--) j |= iq[k]!;
    if (j !== 0) break;
    let k = 1;
    while (iq[JK - k] === 0) k++;
    for (let m = jz + 1; m <= jz + k; m++) {
      f[jx + m] = IPIO2[jv + m]!;
      let fw = 0;
      for (let t = 0; t <= jx; t++) fw += x[t]! * f[jx + m - t]!;
      q[m] = fw;
    }
    jz += k;
  }
  // Chop off zero terms, or break z into 24-bit pieces.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = Math.trunc(TWON24 * z);
      iq[jz] = Math.trunc(z - TWO24 * fw);
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = Math.trunc(z);
    }
  }
  // The fraction as floats q[jz … 0], times π/2 piecewise: fq[jz − i] = Σ PIO2[k]·q[i + k].
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= TWON24;
  }
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k]! * q[i + k]!;
    fq[jz - i] = fw;
  }
  // Compress fq[] into head and tail.
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i]!;
  remainder[0] = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i]!;
  remainder[1] = ih === 0 ? fw : -fw;
  return n & 7;
}
