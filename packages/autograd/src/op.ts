/**
 * The operation that produced a {@link Value}: a small integer, so the backward pass can
 * dispatch with one `switch` instead of calling a closure stored on every node.
 *
 * Ops ending in `K` take a plain number operand (`v.mul(2)`), kept in the node's `k` field
 * instead of a new leaf `Value`. `Pow` keeps its exponent in `k` too.
 */
export const Op = {
  /** An input or a parameter: made by `new Value(…)`, not by an operation. */
  Leaf: 0,
  Add: 1, // a + b
  AddK: 2, // a + k
  Mul: 3, // a · b
  MulK: 4, // a · k
  Div: 5, // a / b
  Pow: 6, // a^k
  Neg: 7, // −a
  Exp: 8, // eᵃ
  Log: 9, // ln a
  Tanh: 10,
  Relu: 11, // max(a, 0)
  Sigmoid: 12, // 1 / (1 + e⁻ᵃ)
  Sin: 13,
  Cos: 14,
  Abs: 15, // |a|
  /** A unary function given by its value and local derivative (see `Value.unary`); `k` holds the derivative. */
  Unary: 16,
} as const;

/** One of the {@link Op} codes. */
export type Op = (typeof Op)[keyof typeof Op];
