import * as math from "@gradbook/libm";
import type { Value } from "./value.ts";

// Every operation of the engine, one row each: what it computes (forward) and how it passes a
// gradient back to its operands (backward), side by side, like PyTorch's derivatives.yaml.
//
// backward(g, y, a, …) is one step of the chain rule. g = ∂root/∂out has arrived at the result
// out, whose data is y; each operand's grad gains g times the local derivative ∂out/∂operand.
// It is `+=`, never `=`: a value used twice gets a share from each use. A binary op's second
// operand is a Value, `b`; a unary op may take a number instead, fixed when it is applied (add
// 2's term, pow 3's exponent), which each row names for what it is.
//
// This file is the one table of derivatives: the compiled replay (`@gradbook/compile`'s
// replay.ts) is generated from these rows, and the tensor engine calls them.

/** An operation on one Value (`tanh a`), or on one Value and a number (`a + 2`, `a³`). */
export interface UnaryOp {
  readonly arity: 1;
  /** How `toDot` draws it; ops with a number operand draw it too (`*2`, `^3`). */
  readonly symbol: string | ((n: number) => string);
  /** The result from the operand's data and the number operand `n` (0 for ops without one). */
  readonly forward: (a: number, n: number) => number;
  /** Adds g · ∂out/∂a to `a.grad` (see the top of this file). */
  readonly backward: (g: number, y: number, a: Value, n: number) => void;
}

/** An operation on two Values (`a · b`). */
export interface BinaryOp {
  readonly arity: 2;
  /** How `toDot` draws it. */
  readonly symbol: string;
  /** The result from the operands' data. */
  readonly forward: (a: number, b: number) => number;
  /** Adds g · ∂out/∂a to `a.grad` and g · ∂out/∂b to `b.grad` (see the top of this file). */
  readonly backward: (g: number, y: number, a: Value, b: Value) => void;
}

/** One operation: its symbol in graph drawings, its forward and its step of the chain rule. */
export type Op = UnaryOp | BinaryOp;

/** Inputs and parameters: made by `new Value(…)`, not by an operation. Nothing to pass back. */
export const leaf: UnaryOp = { arity: 1, symbol: "", forward: (a) => a, backward() {} };

/** a + b */
export const add: BinaryOp = {
  arity: 2,
  symbol: "+",
  forward: (a, b) => a + b,
  backward(g, y, a, b) {
    a.grad += g; // ∂(a+b)/∂a = 1
    b.grad += g; // ∂(a+b)/∂b = 1
  },
};

/** a + k */
export const addK: UnaryOp = {
  arity: 1,
  symbol: (k) => (k < 0 ? `-${-k}` : `+${k}`),
  forward: (a, term) => a + term,
  backward(g, y, a) {
    a.grad += g; // ∂(a+k)/∂a = 1
  },
};

// #region mul
/** a · b */
export const mul: BinaryOp = {
  arity: 2,
  symbol: "*",
  forward: (a, b) => a * b,
  backward(g, y, a, b) {
    // #region exercise:mul
    a.grad += b.data * g; // ∂(a·b)/∂a = b
    b.grad += a.data * g; // ∂(a·b)/∂b = a
    // #endregion exercise:mul
  },
};
// #endregion mul

/** a · k */
export const mulK: UnaryOp = {
  arity: 1,
  symbol: (k) => `*${k}`,
  forward: (a, factor) => a * factor,
  backward(g, y, a, factor) {
    a.grad += factor * g; // ∂(a·k)/∂a = k
  },
};

/** a / b */
export const div: BinaryOp = {
  arity: 2,
  symbol: "/",
  forward: (a, b) => a / b,
  backward(g, y, a, b) {
    a.grad += g / b.data; // ∂(a/b)/∂a = 1/b
    b.grad -= g * (y / b.data); // ∂(a/b)/∂b = −a/b² = −y/b
  },
};

/** a / k */
export const divK: UnaryOp = {
  arity: 1,
  symbol: (k) => `/${k}`,
  forward: (a, divisor) => a / divisor,
  backward(g, y, a, divisor) {
    a.grad += (1 / divisor) * g; // ∂(a/k)/∂a = 1/k
  },
};

// #region pow
/** aᵏ for a number k */
export const pow: UnaryOp = {
  arity: 1,
  symbol: (k) => `^${k}`,
  forward: (a, k) => math.pow(a, k),
  backward(g, y, a, k) {
    // #region exercise:pow
    // ∂(aᵏ)/∂a = k·aᵏ⁻¹, except 0 for k = 0 (as PyTorch; at a = 0 it would be 0·0⁻¹ = NaN)
    a.grad += k === 0 ? 0 : k * math.pow(a.data, k - 1) * g;
    // #endregion exercise:pow
  },
};
// #endregion pow

/** −a */
export const neg: UnaryOp = {
  arity: 1,
  symbol: "neg",
  forward: (a) => -a,
  backward(g, y, a) {
    a.grad -= g; // ∂(−a)/∂a = −1
  },
};

/** eᵃ; overflows to Infinity above a ≈ 709.78 */
export const exp: UnaryOp = {
  arity: 1,
  symbol: "exp",
  forward: (a) => math.exp(a),
  backward(g, y, a) {
    a.grad += g * y; // ∂eᵃ/∂a = eᵃ = y
  },
};

/** ln a, for a > 0 */
export const log: UnaryOp = {
  arity: 1,
  symbol: "log",
  forward: (a) => math.log(a),
  backward(g, y, a) {
    a.grad += g / a.data; // ∂(ln a)/∂a = 1/a
  },
};

// #region tanh
/** tanh a = (e²ᵃ − 1) / (e²ᵃ + 1) */
export const tanh: UnaryOp = {
  arity: 1,
  symbol: "tanh",
  forward: (a) => math.tanh(a),
  backward(g, y, a) {
    a.grad += g * tanhDerivative(y); // ∂(tanh a)/∂a = 1 − tanh²a = 1 − y²
  },
};

/** tanh′ from tanh's output y = tanh a: 1 − y², no second exponential (the hand-derived twin calls it too). */
export function tanhDerivative(y: number): number {
  // #region exercise:tanh
  return 1 - y * y;
  // #endregion exercise:tanh
}
// #endregion tanh

/** max(a, 0) */
export const relu: UnaryOp = {
  arity: 1,
  symbol: "relu",
  forward: (a) => (a > 0 ? a : 0),
  backward(g, y, a) {
    a.grad += y > 0 ? g : 0; // ∂relu(a)/∂a = 1 for a > 0, else 0 (0 at a = 0, as PyTorch)
  },
};

/** σ(a) = 1 / (1 + e⁻ᵃ) */
export const sigmoid: UnaryOp = {
  arity: 1,
  symbol: "sigmoid",
  forward: (a) => 1 / (1 + math.exp(-a)),
  backward(g, y, a) {
    // #region exercise:sigmoid
    a.grad += g * (1 - y) * y; // ∂σ(a)/∂a = σ(a)·(1 − σ(a)) = (1 − y)·y
    // #endregion exercise:sigmoid
  },
};

/** softplus a = ln(1 + eᵃ), a smooth relu; computed as max(a, 0) + ln(1 + e^(−|a|)) so eᵃ never overflows */
export const softplus: UnaryOp = {
  arity: 1,
  symbol: "softplus",
  forward: (a) => Math.max(a, 0) + math.log1p(math.exp(-Math.abs(a))),
  backward(g, y, a) {
    // #region exercise:softplus
    a.grad += g / (1 + math.exp(-a.data)); // ∂ln(1 + eᵃ)/∂a = eᵃ / (1 + eᵃ) = 1 / (1 + e⁻ᵃ) = σ(a)
    // #endregion exercise:softplus
  },
};

/** sin a (radians) */
export const sin: UnaryOp = {
  arity: 1,
  symbol: "sin",
  forward: (a) => math.sin(a),
  backward(g, y, a) {
    a.grad += g * math.cos(a.data); // ∂(sin a)/∂a = cos a
  },
};

/** cos a (radians) */
export const cos: UnaryOp = {
  arity: 1,
  symbol: "cos",
  forward: (a) => math.cos(a),
  backward(g, y, a) {
    a.grad -= g * math.sin(a.data); // ∂(cos a)/∂a = −sin a
  },
};

/** |a| */
export const abs: UnaryOp = {
  arity: 1,
  symbol: "abs",
  forward: (a) => Math.abs(a), // exact in every engine: it only clears the sign bit
  backward(g, y, a) {
    a.grad += a.data > 0 ? g : a.data < 0 ? -g : 0; // ∂|a|/∂a = sign a (0 at a = 0, as PyTorch)
  },
};

/** A function f given at one point by its value and its derivative f′(a), its number operand (see `Value.unary`). */
export const unary: UnaryOp = {
  arity: 1,
  symbol: "f",
  forward: () => Number.NaN, // never called: the caller gives the value
  backward(g, y, a, derivative) {
    a.grad += derivative * g; // ∂f(a)/∂a = f′(a), given
  },
};
