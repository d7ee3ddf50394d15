// xʸ, ported from fdlibm as kept in FreeBSD msun: src/e_pow.c (v1.14), © Sun Microsystems 2004,
// "permission to use, copy, modify, and distribute this software is freely granted, provided that
// this notice is preserved." Accuracy: "pow(x,y) returns x**y nearly rounded" (within 1 ulp), and
// pow of integers is the exact integer whenever it is representable.
//
// Method: log₂|x| = t1 + t2 in extra precision (t1 with 29 trailing zero bits); y·log₂|x| = n + y'
// with |y'| ≤ 1/2, split into exact products; then xʸ = 2ⁿ·2^y' with 2^y' = e^(y'·ln2) from exp's
// polynomial. Special cases follow C99 (Annex F.9.4.4), which differs from JavaScript's `**` in
// two places: pow(1, NaN) = 1 and pow(−1, ±Infinity) = 1, where `**` gives NaN.

import { fromWords, highWord, lowWord, scalbn, withHighWord, withLowWord } from "./bits.ts";

const BP = [1, 1.5];
const DP_H = [0, fromWords(0x3fe2b803, 0x40000000)]; // log₂(1.5), head
const DP_L = [0, fromWords(0x3e4cfdeb, 0x43cfd006)]; // log₂(1.5), tail
const TWO53 = fromWords(0x43400000, 0);
const L1 = fromWords(0x3fe33333, 0x33333303); // (3/2)·(log(x) − 2s − 2/3·s³) polynomial
const L2 = fromWords(0x3fdb6db6, 0xdb6fabff);
const L3 = fromWords(0x3fd55555, 0x518f264d);
const L4 = fromWords(0x3fd17460, 0xa91d4101);
const L5 = fromWords(0x3fcd864a, 0x93c9db65);
const L6 = fromWords(0x3fca7e28, 0x4a454eef);
const P1 = fromWords(0x3fc55555, 0x5555553e); // exp's polynomial (see exp.ts)
const P2 = fromWords(0xbf66c16c, 0x16bebd93);
const P3 = fromWords(0x3f11566a, 0xaf25de2c);
const P4 = fromWords(0xbebbbd41, 0xc5d26bf1);
const P5 = fromWords(0x3e663769, 0x72bea4d0);
const LG2 = fromWords(0x3fe62e42, 0xfefa39ef);
const LG2_H = fromWords(0x3fe62e43, 0);
const LG2_L = fromWords(0xbe205c61, 0x0ca86c39);
const OVT = fromWords(0x3c971547, 0x652b82fe); // −(1024 − log₂(overflow threshold + ½ulp))
const CP = fromWords(0x3feec709, 0xdc3a03fd); // 2/(3·ln2)
const CP_H = fromWords(0x3feec709, 0xe0000000);
const CP_L = fromWords(0xbe3e2fe0, 0x145b01f5);
const THIRD = fromWords(0x3fd55555, 0x55555555);
const IVLN2 = fromWords(0x3ff71547, 0x652b82fe); // 1/ln2
const IVLN2_H = fromWords(0x3ff71547, 0x60000000);
const IVLN2_L = fromWords(0x3e54ae0b, 0xf85ddf44);

/** 0 if y is not an integer, 1 if an odd integer, 2 if an even one (read from y's bits). */
function integerKind(iy: number, ly: number): number {
  if (iy >= 0x43400000) return 2; // |y| ≥ 2⁵³: even
  if (iy < 0x3ff00000) return 0; // |y| < 1
  const k = (iy >> 20) - 0x3ff; // exponent
  if (k > 20) {
    const j = ly >>> (52 - k);
    return (j << (52 - k)) >>> 0 === ly ? 2 - (j & 1) : 0;
  }
  if (ly !== 0) return 0;
  const j = iy >> (20 - k);
  return j << (20 - k) === iy ? 2 - (j & 1) : 0;
}

/** xʸ, within 1 ulp (fdlibm `e_pow.c`); C99's special cases (pow(x, ±0) = 1, pow(−8, 1/3) = NaN, pow(0, −1) = Infinity). */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  if ((iy | ly) === 0) return 1; // x⁰ = 1, even for NaN
  if (hx === 0x3ff00000 && lx === 0) return 1; // 1ʸ = 1, even for NaN
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const yisint = hx < 0 ? integerKind(iy, ly) : 0;
  // y = ±Infinity, ±1, 2, 3, 4, 1/2
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      if (((ix - 0x3ff00000) | lx) === 0) return 1; // (−1)^±Infinity
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x;
    if (hy === 0x40000000) return x * x;
    if (hy === 0x40080000) return x * x * x;
    if (hy === 0x40100000) {
      const u = x * x;
      return u * u;
    }
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // x ≥ +0
  }
  let ax = Math.abs(x);
  // x = ±0, ±Infinity, ±1
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0)
        z = NaN; // (−1)^non-integer
      else if (yisint === 1) z = -z; // (x < 0)^odd = −(|x|^odd)
    }
    return z;
  }
  if (hx < 0 && yisint === 0) return NaN; // (x < 0)^non-integer
  const s = hx < 0 && yisint === 1 ? -1 : 1; // the sign of the result
  // log₂|x| = t1 + t2
  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2³¹
    if (iy > 0x43f00000) {
      // |y| > 2⁶⁴: overflows or underflows unless |x| = 1
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * Infinity : s * 0;
    if (ix > 0x3ff00000) return hy > 0 ? s * Infinity : s * 0;
    // |1 − x| ≤ 2⁻²⁰: log(x) by x − x²/2 + x³/3 − x⁴/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (THIRD - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      // subnormal x: scale up
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    // |x| = 2ⁿ·ax with ax in [1, √3), split around 1 or 1.5
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e) k = 0;
    else if (j < 0xbb67a) k = 1;
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    // ss = s_h + s_l = (ax − bp)/(ax + bp)
    const u = ax - BP[k]!;
    const v = 1 / (ax + BP[k]!);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // ax + bp, head
    let tL = ax - (tH - BP[k]!);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3 + s2 + r, 0);
    tL = r - (tH - 3 - s2);
    // u + v = ss·(1 + …)
    const uu = sH * tH;
    const vv = sL * tH + tL * ss;
    // 2/(3·ln2)·(ss + …)
    const pH = withLowWord(uu + vv, 0);
    const pL = vv - (pH - uu);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k]!;
    // log₂(ax) = (ss + …)·2/(3·ln2) = n + dp_h + z_h + z_l
    const t = n;
    t1 = withLowWord(zH + zL + DP_H[k]! + t, 0);
    t2 = zL - (t1 - t - DP_H[k]! - zH);
  }
  return s * exp2Split(y, t1, t2);
}

/** 2^(y·(t1 + t2)) for pow: the product split so no bits are lost, then exp's polynomial. */
function exp2Split(y: number, t1: number, t2: number): number {
  const y1 = withLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0 || pL + OVT > z - pH) return Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0 || pL <= z - pH) return 0;
  }
  // 2^(pH + pL) = 2ⁿ·2^(rest), |rest| ≤ 1/2
  const ij = j & 0x7fffffff;
  let k = (ij >> 20) - 0x3ff;
  let n = 0;
  if (ij > 0x3fe00000) {
    // |z| > 1/2: n = [z + 1/2]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLowWord(pL + pH, 0);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tt1 = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tt1) / (tt1 - 2) - (w + z * w);
  z = 1 - (r - z);
  j = (highWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0) return scalbn(z, n); // subnormal result
  return withHighWord(z, j);
}
