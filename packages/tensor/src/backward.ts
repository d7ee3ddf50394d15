import { fmt } from "./shape.ts";
import type { Tensor } from "./tensor.ts";

/**
 * The tensors computed below `root` that require a gradient, each after the tensors it was
 * computed from, `root` last; leaves are reached but not listed. Depth-first with an explicit
 * stack, as the scalar engine's `topologicalOrder`: no recursion limit.
 */
export function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = {};
  root.seen = seen;
  const stack: Tensor[] = [root];
  const next: number[] = [0]; // the next parent of stack[i] to look at
  while (stack.length > 0) {
    const top = stack.length - 1;
    const t = stack[top]!;
    const i = next[top]!;
    if (i < t.parents.length) {
      next[top] = i + 1;
      const p = t.parents[i]!;
      if (p.requiresGrad && p.seen !== seen) {
        p.seen = seen;
        if (p.backStep === null)
          p.grad ??= new Float64Array(p.size); // a leaf: its grad accumulates
        else {
          stack.push(p);
          next.push(0);
        }
      }
    } else {
      stack.pop();
      next.pop();
      order.push(t);
    }
  }
  return order;
}

/**
 * Backpropagation from the one-element tensor `root`: every tensor it was computed from that
 * requires a gradient gets `grad` = d(root)/d(that tensor). Computed tensors start each call at 0;
 * leaves accumulate (`+=`) until zeroed, as the scalar engine's values do.
 */
export function backward(root: Tensor): void {
  if (root.size !== 1)
    throw new RangeError(
      `backward: expected a tensor of one element (a loss), got shape ${fmt(root.shape)}`,
    );
  if (!root.requiresGrad)
    throw new TypeError(
      "backward: this tensor does not require a gradient: no tensor it was computed from has requiresGrad",
    );
  if (root.backStep === null) {
    root.grad ??= new Float64Array(1);
    root.grad[0] += 1; // a leaf alone: d(root)/d(root) = 1
    return;
  }
  const order = topologicalOrder(root);
  for (const t of order) t.grad = new Float64Array(t.size);
  root.grad![0] = 1; // d(root)/d(root) = 1
  // Reversed order visits a tensor after every tensor computed from it: its grad is complete.
  for (let i = order.length - 1; i >= 0; i--) order[i]!.backStep!(order[i]!);
}

/** Sets the grad of each tensor to zeros (allocating it if needed): leaves accumulate, so call it before each `backward()`. */
export function zeroGrad(tensors: Iterable<Tensor>): void {
  for (const t of tensors) {
    if (t.grad === null) t.grad = new Float64Array(t.size);
    else t.grad.fill(0);
  }
}
