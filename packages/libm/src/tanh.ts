// tanh x, ported from fdlibm as kept in FreeBSD msun: src/s_tanh.c (v1.9), © Sun Microsystems
// 1993, "permission to use, copy, modify, and distribute this software is freely granted,
// provided that this notice is preserved." The file states no bound; its error is that of one
// expm1 (< 1 ulp) and two more roundings: glibc, which ships the same code, lists 2 ulp for it.
//
// Method, with t = expm1(±2|x|) (eˣ − 1 without cancellation near 0):
//   |x| < 2⁻²⁸: tanh x = x;   |x| < 1: −t/(t + 2), t = expm1(−2|x|);
//   |x| < 22:   1 − 2/(t + 2), t = expm1(2|x|);   |x| ≥ 22: ±1 (1 − tanh 22 < 2⁻⁶³).

import { fromWords } from "./bits.ts";
import { expm1 } from "./exp.ts";

const TWO_M28 = fromWords(0x3e300000, 0);

/** tanh x = (e²ˣ − 1)/(e²ˣ + 1), within 2 ulp (fdlibm `s_tanh.c`); ±1 from |x| = 22 on. */
export function tanh(x: number): number {
  // fdlibm tests the high word of |x|; these comparisons of |x| with 22, 2⁻²⁸ and 1 are the same tests.
  const ax = Math.abs(x);
  if (Number.isNaN(x)) return x;
  let z: number;
  if (ax < 22) {
    if (ax < TWO_M28) return x; // |x| < 2⁻²⁸ (and ±0 keeps its sign)
    if (ax >= 1) {
      const t = expm1(2 * ax);
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * ax);
      z = -t / (t + 2);
    }
  } else {
    z = 1; // and ±Infinity
  }
  return x >= 0 ? z : -z;
}
