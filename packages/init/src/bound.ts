import type { Rng } from "@gradbook/neuron";

/**
 * The bound `a` of the uniform U(−a, a) whose standard deviation is `std`: a uniform on [−a, a]
 * has variance a²/3, so `a = √3·std`. This is how PyTorch turns every "uniform" variant of a
 * scaled initializer (Xavier, Kaiming) into the same variance as its "normal" twin.
 *
 * @example
 * uniformBound(0.1); // 0.1732…: U(−0.1732, 0.1732) has std 0.1
 */
// #region bound
export function uniformBound(std: number): number {
  // #region exercise:bound
  return Math.sqrt(3) * std; // Var U(−a, a) = (2a)²/12 = a²/3
  // #endregion exercise:bound
}
// #endregion bound

/** One draw from U(−a, a) with `a = uniformBound(std)`, so that its standard deviation is `std`. */
export function uniformWithStd(rng: Rng, std: number): number {
  const a = uniformBound(std);
  return rng.uniform(-a, a);
}
