// The remainder of a huge x modulo π/2, ported from fdlibm as kept in FreeBSD msun:
// src/k_rem_pio2.c (v1.11) and the large case of src/e_rem_pio2.c, © Sun Microsystems 1993,
// "permission to use, copy, modify, and distribute this software is freely granted, provided that
// this notice is preserved."
//
// Payne–Hanek: x·(2/π) needs only the bits of 2/π that meet x's mantissa near the binary point
// (the product's integer part above 8 does not matter for n mod 8). x is split into 24-bit
// integers, multiplied by 24-bit pieces of 2/π in exact float64 sums, and more pieces are taken
// whenever the fraction cancels. The result is good to well over 53 bits for every finite x.

import { fromWords, lowWord, scalbn } from "./bits.ts";

const TWO24 = fromWords(0x41700000, 0);

// 2/π in 24-bit pieces: ipio2[i] holds bits 24i+1 … 24i+24 after the binary point (66 pieces
// cover every float64 exponent).
// prettier-ignore
const IPIO2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
  0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
  0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
  0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3,
  0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca,
  0x73a8c9, 0x60e27b, 0xc08c6b,
];

// π/2 in 24-bit pieces.
const PIO2 = [
  fromWords(0x3ff921fb, 0x40000000),
  fromWords(0x3e74442d, 0),
  fromWords(0x3cf84698, 0x80000000),
  fromWords(0x3b78cc51, 0x60000000),
  fromWords(0x39f01b83, 0x80000000),
  fromWords(0x387a2520, 0x40000000),
  fromWords(0x36e38222, 0x80000000),
  fromWords(0x3569f31d, 0),
];

/** Payne–Hanek for |x| ≳ 2²⁰·π/2 (`__ieee754_rem_pio2`'s large case): writes head and tail to `remainder`, returns n. */
export function remPio2Large(x: number, hx: number, ix: number, remainder: Float64Array): number {
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
  const n = kernelRemPio2(tx, e0, nx, remainder);
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
function kernelRemPio2(x: number[], e0: number, nx: number, remainder: Float64Array): number {
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
