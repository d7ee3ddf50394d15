/** Each number's 64 bits, so that -0 ≠ 0 and every last bit counts. */
export const bits = (a: ArrayLike<number>): bigint[] =>
  Array.from(new BigUint64Array(Float64Array.from(a).buffer));
