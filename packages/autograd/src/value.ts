import { backward } from "./backward.ts";
import { num, show, showValue } from "./errors.ts";
import * as ops from "./ops.ts";
import type { BinaryOp, Op, UnaryOp } from "./ops.ts";

/**
 * A scalar that remembers how it was computed, so that `backward()` can find its gradient with
 * respect to every value it was computed from.
 *
 * Forward ops follow IEEE 754 float64: a result that overflows is ±Infinity, not an error (a
 * diverging training run is caught by the training loop). Inputs outside an op's domain throw:
 * `log` of x ≤ 0, `pow` of a negative base to a fractional exponent or of 0 to a negative one,
 * division by 0.
 *
 * @example
 * const a = new Value(2, "a");
 * const b = new Value(-3, "b");
 * const e = a.mul(b).add(10).tanh(); // tanh(a·b + 10)
 * e.backward();                      // a.grad = de/da, b.grad = de/db
 */
export class Value {
  // #region fields
  /** The number this value holds (float64). */
  data: number;
  /** d(root)/d(this value) after `root.backward()`; leaves accumulate it across calls (`+=`). */
  grad = 0;
  /** A name shown by `toString()` and `toDot()`; `""` for none. */
  label: string;
  /** The operation that produced this value (a row of `ops.ts`): `ops.leaf` for inputs and parameters. */
  op: Op = ops.leaf;
  /** The first operand, `null` for a leaf. */
  a: Value | null = null;
  /** The second operand of a binary op (`add`, `mul`, `div` by a Value); `null` otherwise. */
  b: Value | null = null;
  /** A unary op's number operand: `addK`'s term, `mulK`'s factor, `divK`'s divisor, `pow`'s exponent, `unary`'s derivative; 0 otherwise. */
  numberOperand = 0;
  // #endregion fields
  /** The token of the last graph traversal that reached this value (see `topologicalOrder`). */
  seen: object | null = null;

  /** A leaf: an input or a parameter. Throws a `TypeError` if `data` is not a number or is NaN. */
  constructor(data: number, label = "") {
    if (typeof data !== "number" || Number.isNaN(data)) {
      throw new TypeError(`Value: expected a number, got ${show(data)}`);
    }
    this.data = data;
    this.label = label;
  }

  /** Sum `this + other`. */
  add(other: Value | number): Value {
    return typeof other === "number"
      ? applyUnary(ops.addK, this, num("add", other))
      : applyBinary(ops.add, this, other);
  }

  /** Difference `this − other`, computed as `this + (−other)`. */
  sub(other: Value | number): Value {
    return typeof other === "number" ? this.add(-num("sub", other)) : this.add(other.neg());
  }

  /** Product `this · other`. */
  mul(other: Value | number): Value {
    return typeof other === "number"
      ? applyUnary(ops.mulK, this, num("mul", other))
      : applyBinary(ops.mul, this, other);
  }

  /** Quotient `this / other`. Throws a `RangeError` if `other` is 0. */
  div(other: Value | number): Value {
    if (typeof other === "number") {
      if (num("div", other) === 0) throw new RangeError("div: expected a non-zero divisor, got 0");
      return applyUnary(ops.divK, this, other);
    }
    if (other.data === 0)
      throw new RangeError(`div: expected a non-zero divisor, got ${show(other)}`);
    return applyBinary(ops.div, this, other);
  }

  /** Power `thisᵏ` for a number `k`. Throws a `RangeError` where the result is not a real number. */
  pow(k: number): Value {
    if (typeof k !== "number" || !Number.isFinite(k)) {
      throw new TypeError(`pow: expected a finite number as exponent, got ${show(k)}`);
    }
    if (this.data < 0 && !Number.isInteger(k)) {
      throw new RangeError(
        `pow: expected a non-negative base for the fractional exponent ${k}, got ${show(this)}`,
      );
    }
    if (this.data === 0 && k < 0) {
      throw new RangeError(
        `pow: expected a non-zero base for the negative exponent ${k}, got ${show(this)}`,
      );
    }
    return applyUnary(ops.pow, this, k);
  }

  /** Negation `−this`. */
  neg(): Value {
    return applyUnary(ops.neg, this);
  }

  /** Exponential `eˣ`. Overflows to Infinity above x ≈ 709.78. */
  exp(): Value {
    return applyUnary(ops.exp, this);
  }

  /** Natural logarithm `ln x`. Throws a `RangeError` unless x > 0. */
  log(): Value {
    if (!(this.data > 0)) throw new RangeError(`log: expected a positive input, got ${show(this)}`);
    return applyUnary(ops.log, this);
  }

  /** Hyperbolic tangent `tanh x = (e²ˣ − 1) / (e²ˣ + 1)`. */
  tanh(): Value {
    return applyUnary(ops.tanh, this);
  }

  /** Rectifier `max(x, 0)`; like PyTorch, its gradient at exactly 0 is 0. */
  relu(): Value {
    return applyUnary(ops.relu, this);
  }

  /** Logistic sigmoid `σ(x) = 1 / (1 + e⁻ˣ)`. */
  sigmoid(): Value {
    return applyUnary(ops.sigmoid, this);
  }

  /** Softplus `ln(1 + eˣ)`, a smooth relu: near 0 for x ≪ 0, near x for x ≫ 0. */
  softplus(): Value {
    return applyUnary(ops.softplus, this);
  }

  /** Sine `sin x` (radians). */
  sin(): Value {
    return applyUnary(ops.sin, this);
  }

  /** Cosine `cos x` (radians). */
  cos(): Value {
    return applyUnary(ops.cos, this);
  }

  /** Absolute value `|x|`; like PyTorch, its gradient at exactly 0 is 0. */
  abs(): Value {
    return applyUnary(ops.abs, this);
  }

  /**
   * A unary function f applied to this value, given by its value `f(x)` and derivative `f'(x)`
   * at this point: the way to add an op without touching the engine. Losses use it for fused,
   * numerically stable forms whose derivative is simpler than the composition's (BCE with logits:
   * `f'(x) = σ(x) − y`). Throws a `TypeError` if either number is NaN.
   *
   * @example
   * const x = new Value(0.3);
   * const sine = x.unary(math.sin(0.3), math.cos(0.3)); // d sin/dx = cos x
   */
  unary(data: number, derivative: number): Value {
    if (Number.isNaN(data) || Number.isNaN(derivative)) {
      throw new TypeError(
        `unary: expected a value and a derivative that are numbers, got ${data} and ${derivative}`,
      );
    }
    return result(ops.unary, data, this, null, derivative);
  }

  /**
   * Backpropagation: sets `grad` of every value this one was computed from to d(this)/d(value).
   *
   * Seeds d(this)/d(this) = 1, orders the graph without recursion (a chain of a million values
   * is fine), then applies the chain rule from this value back to the leaves. Calling it twice
   * is allowed, and leaf gradients accumulate (`+=`: a second call adds the same contribution
   * again and leaf grads double; call `zeroGrad` in between), as in PyTorch when the first call
   * passed `retain_graph=True` (without it PyTorch refuses the second call). Interior values are
   * reset at the start of each call and hold the latest call's gradient: PyTorch keeps no
   * interior gradients unless asked with `retain_grad()`.
   *
   * @example
   * const x = new Value(3);
   * x.mul(x).backward(); // x.grad = d(x²)/dx = 2x = 6
   */
  backward(): void {
    backward(this);
  }

  /** Set the label and return this value, for chaining: `a.mul(b).named("e")`. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /** `Value(data=0.5, grad=1)`, with `label="…"` when there is one. */
  toString(): string {
    return showValue(this, true);
  }

  /** Node's `console.log` and `util.inspect` print the same as `toString()`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

// #region apply
/** Applies a unary `op` to `a`, with its number operand `n` if it takes one (`a + 2`, `a³`). */
function applyUnary(op: UnaryOp, a: Value, n = 0): Value {
  return result(op, op.forward(a.data, n), a, null, n);
}

/** Applies a binary `op` to `a` and `b`: the result remembers both. */
function applyBinary(op: BinaryOp, a: Value, b: Value): Value {
  return result(op, op.forward(a.data, b.data), a, b, 0);
}

/** A new value computed by `op` from its operands. */
function result(op: Op, data: number, a: Value, b: Value | null, n: number): Value {
  const out = new Value(0); // then data, unchecked: an op may give NaN (∞ − ∞) or ±∞
  out.data = data;
  out.op = op;
  out.a = a;
  out.b = b;
  out.numberOperand = n;
  return out;
}
// #endregion apply
