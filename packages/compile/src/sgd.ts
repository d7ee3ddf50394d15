import {
  checkSGDOptions,
  SGD,
  type SGDOptions,
  type SGDSettings,
  sgdUpdate,
} from "@gradbook/optim";

/**
 * `@gradbook/optim`'s SGD on slots: the same update rule, `sgdUpdate`, over a `Float64Array` of
 * parameters and one of their gradients instead of Values.
 */
export class SlotSGD implements SGDSettings {
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
      throw new RangeError(
        `SlotSGD: expected SGD's options or a fresh SGD, got an SGD that has taken ${opts.steps} steps: its momentum would be lost`,
      );
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

  /**
   * Moves `params[i]` against `grads[i]` by {@link sgdUpdate} for every i below the buffer's
   * length (a compiled step's slots hold the parameters first, then data and results).
   */
  step(params: Float64Array, grads: Float64Array): void {
    const n = this.buffer.length;
    sgdUpdate(params.subarray(0, n), grads.subarray(0, n), this.buffer, this, this.#first);
    this.#first = false;
  }
}
