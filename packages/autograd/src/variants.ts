import type { Value } from "./value.ts";

// Lesson 01's problems beyond the engine's ops: a function of one value handed to the engine by
// its value and its derivative at that point (`Value.unary`). The derivative is what you derive.

/**
 * softsign x = x / (1 + |x|): an S-shaped squashing into (−1, 1) like tanh, whose tails approach
 * ±1 only as fast as 1/x.
 *
 * @example
 * softsign(new Value(1)).data; // 0.5
 */
export function softsign(x: Value): Value {
  const a = x.data;
  // #region exercise:softsign
  const d = 1 + Math.abs(a);
  return x.unary(a / d, 1 / (d * d));
  // #endregion exercise:softsign
}
