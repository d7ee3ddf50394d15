import { checkSGDOptions, SGD, type SGDOptions } from "@gradbook/optim";

/**
 * `@gradbook/optim`'s SGD on slots: the same formulas in the same order (PyTorch's semantics,
 * the first momentum step takes the raw gradient), over a `Float64Array` of parameters and one
 * of their gradients instead of Values.
 */
export class SlotSGD {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  /** The momentum buffer, one entry per parameter. */
  readonly buffer: Float64Array;
  #lr: number;
  #first = true;

  /**
   * Takes SGD's settings, checked as `new SGD` checks them, or a fresh `SGD` (one that has taken
   * a step is refused: its momentum buffer belongs to its Values, not to these slots).
   */
  constructor(count: number, opts: SGDOptions | SGD) {
    if (opts instanceof SGD && opts.steps > 0) {
      throw new RangeError(`SlotSGD: expected SGD's options or a fresh SGD, got an SGD that has taken ${opts.steps} steps: its momentum would be lost`);
    }
    const settings = opts instanceof SGD ? opts : checkSGDOptions("SlotSGD", opts);
    this.#lr = settings.lr;
    this.momentum = settings.momentum;
    this.dampening = settings.dampening;
    this.nesterov = settings.nesterov;
    this.weightDecay = settings.weightDecay;
    this.buffer = new Float64Array(count);
  }

  /** The learning rate η of the next step; setting it checks it as SGD's does (a schedule sets it). */
  get lr(): number {
    return this.#lr;
  }

  set lr(lr: number) {
    this.#lr = checkSGDOptions("SlotSGD", { lr }).lr;
  }

  /** Moves `params[i]` against `grads[i]` for every i below the buffer's length. */
  step(params: Float64Array, grads: Float64Array): void {
    const { momentum, nesterov, weightDecay, buffer } = this;
    const lr = this.#lr;
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
