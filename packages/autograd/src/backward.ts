import { Op } from "./op.ts";
import type { Value } from "./value.ts";

// Each traversal of the graph gets a new number and stamps it on the values it reaches: "seen in
// this traversal?" is then one integer compare on the value, with no Set to fill and clear.
let traversal = 0;

// #region topo
/**
 * The values below `root` that were computed by an op, each after the values it was computed
 * from, `root` last. Leaves are reached but not listed: they have no operands to pass a gradient
 * to, and skipping them makes `backward()` about 15% faster.
 *
 * Depth-first with an explicit stack instead of recursion, so a chain of a million values does
 * not overflow the call stack. Appends to `order` and returns it.
 */
export function topologicalOrder(root: Value, order: Value[] = []): Value[] {
  // #region exercise:topo Depth-first with an explicit stack, marking each value when reached; a value joins order only after both its operands are done (leaves: mark, don't list)
  const seen = ++traversal;
  root.mark = seen;
  if (root.op === Op.Leaf) return order;
  // The path from root to the value being explored; stack[top] is explored next. (An index
  // instead of push/pop: measurably faster here, and backward runs once per training step.)
  const stack = [root];
  let top = 0;
  while (top >= 0) {
    const v = stack[top]!;
    const a = v.a;
    const b = v.b;
    // Reach an operand not reached yet and descend into it, unless it is a leaf; v stays on the
    // stack until both operands are done.
    if (a !== null && a.mark !== seen) {
      a.mark = seen;
      if (a.op !== Op.Leaf) stack[++top] = a;
    } else if (b !== null && b.mark !== seen) {
      b.mark = seen;
      if (b.op !== Op.Leaf) stack[++top] = b;
    } else {
      top--;
      order.push(v); // its operands are listed already (or are leaves): v may follow them
    }
  }
  return order;
  // #endregion exercise:topo
}
// #endregion topo

// #region backward
/**
 * Backpropagation from `root`: afterwards each value's `grad` holds d(root)/d(value).
 *
 * Leaf gradients accumulate across calls, as in PyTorch; interior values are reset at the start
 * of each call and hold the latest call's gradient (see {@link Value.backward}).
 */
export function backward(root: Value): void {
  // #region exercise:backward Phase 1: order the graph (topologicalOrder), zero those values' grads, seed root's grad with 1; phase 2: propagate each value, last to first
  // Phase 1: order the graph so that every value comes after the values it was computed from.
  const order = topologicalOrder(root);
  // Interior values start this pass at 0; without this, a second call would pass on the first
  // call's gradients again. Leaves keep theirs: they accumulate until zeroGrad.
  for (const v of order) v.grad = 0;
  root.grad += 1; // d(root)/d(root) = 1
  // Phase 2: the chain rule, from root back to the leaves. Reversed order visits a value after
  // every value that uses it, so its grad is complete when it passes it on to its operands.
  for (let i = order.length - 1; i >= 0; i--) propagate(order[i]!);
  // #endregion exercise:backward
}
// #endregion backward

// #region chain-rule
// #region propagate
/**
 * One step of the chain rule: add `out.grad` times the local derivative ∂out/∂x to the `grad`
 * of each operand x of `out`.
 */
function propagate(out: Value): void {
  const g = out.grad;
  const y = out.data; // the output, which several local derivatives are written in
  // The operands; the case of each op reads only those it has.
  const a = out.a as Value;
  const b = out.b as Value;
  switch (out.op) {
    // #endregion propagate
    case Op.Add:
      a.grad += g; // d(a+b)/da = 1
      b.grad += g; // d(a+b)/db = 1
      break;
    case Op.AddK:
      a.grad += g; // d(a+k)/da = 1
      break;
    // #region mul-backward
    case Op.Mul:
      // #region exercise:mul d(a·b)/da = b and d(a·b)/db = a: add each, times g, to its operand's grad with += (in a.mul(a) both lines reach a)
      a.grad += b.data * g; // d(a·b)/da = b
      b.grad += a.data * g; // d(a·b)/db = a
      // #endregion exercise:mul
      break;
    // #endregion mul-backward
    case Op.MulK:
      a.grad += out.k * g; // d(a·k)/da = k
      break;
    case Op.Div:
      a.grad += g / b.data; // d(a/b)/da = 1/b  (b ≠ 0: div refused it)
      b.grad -= g * (y / b.data); // d(a/b)/db = −a/b² = −y/b
      break;
    // #region pow-backward
    case Op.Pow:
      // #region exercise:pow d(aᵏ)/da = k·aᵏ⁻¹, times g, into a.grad; for k = 0 add 0 (at a = 0 the formula would give 0·0⁻¹ = NaN)
      // d(aᵏ)/da = k·aᵏ⁻¹, except 0 for k = 0 (as PyTorch; at a = 0 it would be 0·0⁻¹ = NaN)
      a.grad += out.k === 0 ? 0 : out.k * a.data ** (out.k - 1) * g;
      // #endregion exercise:pow
      break;
    // #endregion pow-backward
    case Op.Neg:
      a.grad -= g; // d(−a)/da = −1
      break;
    case Op.Exp:
      a.grad += g * y; // d(eᵃ)/da = eᵃ = y
      break;
    case Op.Log:
      a.grad += g / a.data; // d(ln a)/da = 1/a  (a > 0: log refused the rest)
      break;
    // #region tanh-backward
    case Op.Tanh:
      // #region exercise:tanh d(tanh a)/da = 1 − tanh²a, and tanh a is the output y you already have
      a.grad += g * (1 - y * y); // d(tanh a)/da = 1 − tanh²a = 1 − y²
      // #endregion exercise:tanh
      break;
    // #endregion tanh-backward
    case Op.Relu:
      a.grad += y > 0 ? g : 0; // d(relu a)/da = 1 for a > 0, else 0 (0 at a = 0, as PyTorch)
      break;
    case Op.Sigmoid:
      a.grad += g * (1 - y) * y; // dσ(a)/da = σ(a)·(1 − σ(a)) = (1 − y)·y
      break;
    case Op.Sin:
      a.grad += g * Math.cos(a.data); // d(sin a)/da = cos a
      break;
    case Op.Cos:
      a.grad -= g * Math.sin(a.data); // d(cos a)/da = −sin a
      break;
    case Op.Abs:
      a.grad += a.data > 0 ? g : a.data < 0 ? -g : 0; // d|a|/da = sign a (0 at a = 0, as PyTorch)
      break;
    case Op.Unary:
      a.grad += out.k * g; // df(a)/da, given by the forward
      break;
  }
}
// #endregion chain-rule

/** Set `grad` to 0 on each value: leaves accumulate, so call it before each new `backward()`. */
export function zeroGrad(values: Iterable<Value>): void {
  for (const v of values) v.grad = 0;
}
