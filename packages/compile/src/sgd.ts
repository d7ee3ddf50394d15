import type { SGDOptions } from "@gradbook/optim";

/**
 * `@gradbook/optim`'s SGD on slots: the same formulas in the same order (PyTorch's semantics,
 * the first momentum step takes the raw gradient), over a `Float64Array` of parameters and one
 * of their gradients instead of Values.
 */
export class SlotSGD {
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  /** The momentum buffer, one entry per parameter. */
  readonly buffer: Float64Array;
  #first = true;

  /** Takes the settings of an `SGD` (already checked: pass an `SGD` instance or its options). */
  constructor(count: number, opts: SGDOptions) {
    this.lr = opts.lr;
    this.momentum = opts.momentum ?? 0;
    this.dampening = opts.dampening ?? 0;
    this.nesterov = opts.nesterov ?? false;
    this.weightDecay = opts.weightDecay ?? 0;
    this.buffer = new Float64Array(count);
  }

  /** Moves `params[i]` against `grads[i]` for every i below the buffer's length. */
  step(params: Float64Array, grads: Float64Array): void {
    const { lr, momentum, nesterov, weightDecay, buffer } = this;
    const keep = 1 - this.dampening; // SGD's (1 − τ), the same number computed once
    const first = this.#first;
    this.#first = false;
    if (weightDecay === 0 && momentum !== 0 && !nesterov && !first) {
      // The common case (the assignment's), without the branches of the general loop below.
      for (let i = 0; i < buffer.length; i++) {
        const b = momentum * buffer[i]! + keep * grads[i]!;
        buffer[i] = b;
        params[i]! -= lr * b;
      }
      return;
    }
    for (let i = 0; i < buffer.length; i++) {
      let d = grads[i]!;
      if (weightDecay !== 0) d += weightDecay * params[i]!;
      if (momentum !== 0) {
        const b = first ? d : momentum * buffer[i]! + keep * d;
        buffer[i] = b;
        d = nesterov ? d + momentum * b : b;
      }
      params[i]! -= lr * d;
    }
  }
}
