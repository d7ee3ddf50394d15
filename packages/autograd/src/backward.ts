import { leaf } from "./ops.ts";
import type { Value } from "./value.ts";

// #region topo
/**
 * The values computed below `root`, each after the values it was computed from, `root` last.
 * Leaves are reached but not listed: they have no operands to pass a gradient to (`pnpm bench`:
 * listing them makes training ~15% slower).
 *
 * Depth-first with an explicit stack instead of recursion, so a chain of a million values does
 * not overflow the call stack. Each traversal stamps the values it reaches with a token of its
 * own (`seen`): "reached yet?" is one comparison, where a `Set` made training 2.5× slower.
 */
export function topologicalOrder(root: Value): Value[] {
  // #region exercise:topo
  const order: Value[] = [];
  const seen = {}; // this traversal's token
  root.seen = seen;
  const stack = [root]; // the path from root to the value explored next, on top
  while (stack.length > 0) {
    const v = stack[stack.length - 1]!;
    if (v.a !== null && v.a.seen !== seen) {
      v.a.seen = seen;
      if (v.a.op !== leaf) stack.push(v.a);
    } else if (v.b !== null && v.b.seen !== seen) {
      v.b.seen = seen;
      if (v.b.op !== leaf) stack.push(v.b);
    } else {
      stack.pop();
      order.push(v); // its operands are listed already, or are leaves: v may follow them
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
 * Leaf gradients accumulate across calls, as in PyTorch; computed values are reset at the start
 * of each call and hold the latest call's gradient (see {@link Value.backward}).
 */
export function backward(root: Value): void {
  // #region exercise:backward
  // Phase 1: order the graph so that every value comes after the values it was computed from.
  const order = topologicalOrder(root);
  // Computed values start this pass at 0; without this, a second call would pass on the first
  // call's gradients again. Leaves keep theirs: they accumulate until zeroGrad.
  for (const v of order) if (v.op !== leaf) v.grad = 0;
  root.grad += 1; // d(root)/d(root) = 1
  // Phase 2: the chain rule, from root back to the leaves. Reversed order visits a value after
  // every value that uses it, so its grad is complete when its op passes it on to the operands.
  for (let i = order.length - 1; i >= 0; i--) {
    const out = order[i]!;
    const op = out.op;
    if (op.arity === 2)
      op.backward(out.grad, out.data, out.a!, out.b!); // a binary op's result has both operands
    else if (out.a !== null) op.backward(out.grad, out.data, out.a, out.numberOperand); // a leaf (a root alone) has none
  }
  // #endregion exercise:backward
}
// #endregion backward

/** Set `grad` to 0 on each value: leaves accumulate, so call it before each new `backward()`. */
export function zeroGrad(values: Iterable<Value>): void {
  for (const v of values) v.grad = 0;
}
