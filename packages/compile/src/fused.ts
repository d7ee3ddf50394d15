// The one op the compiler adds to the engine's: a neuron's weighted sum `z + w₀·x₀ + w₁·x₁ + …`,
// which the engine builds as a chain of products and sums, as one `dot` instruction (see
// `fusable` in compile.ts). The replay (replay.ts, generated from ops.ts) calls these two for it.

// #region dot
/** A dot's forward pass: z + w·x, term by term: the engine's mul then add, one rounding each, left to right. */
export function dot(
  v: Float64Array,
  terms: Int32Array,
  z: number,
  from: number,
  to: number,
): number {
  // #region exercise:dot
  for (let t = from; t < to; t += 2) z = z + v[terms[t]!]! * v[terms[t + 1]!]!;
  return z;
  // #endregion exercise:dot
}
// #endregion dot

// #region dot-backward
/**
 * A dot's backward pass, the last term first, as the engine visits its sums and products: each
 * sum passes gy on to its product, which passes it to w and x; the first sum also to the start z.
 */
export function dotBackward(
  v: Float64Array,
  g: Float64Array,
  terms: Int32Array,
  gy: number,
  z: number,
  from: number,
  to: number,
): void {
  // #region exercise:dot-backward
  for (let t = to - 2; t > from; t -= 2) {
    const w = terms[t]!;
    const x = terms[t + 1]!;
    g[w]! += v[x]! * gy; // ∂(w·x)/∂w = x
    g[x]! += v[w]! * gy; // ∂(w·x)/∂x = w
  }
  g[z]! += gy; // the first sum's step to its start, before its product's
  const w = terms[from]!;
  const x = terms[from + 1]!;
  g[w]! += v[x]! * gy;
  g[x]! += v[w]! * gy;
  // #endregion exercise:dot-backward
}
// #endregion dot-backward
