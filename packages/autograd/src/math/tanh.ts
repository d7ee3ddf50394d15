// tanh x, ported from fdlibm as kept in FreeBSD msun: src/s_tanh.c (v1.9), © Sun Microsystems
// 1993, "permission to use, copy, modify, and distribute this software is freely granted,
// provided that this notice is preserved." The file states no bound; its error is that of one
// expm1 (< 1 ulp) and two more roundings: glibc, which ships the same code, lists 2 ulp for it.
//
// Method, with t = expm1(±2|x|) (eˣ − 1 without cancellation near 0):
//   |x| < 2⁻²⁸: tanh x = x;   |x| < 1: −t/(t + 2), t = expm1(−2|x|);
//   |x| < 22:   1 − 2/(t + 2), t = expm1(2|x|);   |x| ≥ 22: ±1 (1 − tanh 22 < 2⁻⁶³).

import { highWord } from "./bits.ts";
import { expm1 } from "./exp.ts";

/** tanh x = (e²ˣ − 1)/(e²ˣ + 1), within 2 ulp (fdlibm `s_tanh.c`); ±1 from |x| = 22 on. */
export function tanh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 1 : -1; // NaN, ±Infinity
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2⁻²⁸ (and ±0 keeps its sign)
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1;
  }
  return x >= 0 ? z : -z;
}
