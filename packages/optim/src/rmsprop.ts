import { type Value, zeroGrad } from "@gradbook/autograd";
import { checkLr, checkPositive, checkRange, knownOptions, parameterList } from "./options.ts";
import type { Optimizer } from "./optimizer.ts";

/** The settings of {@link RMSprop}: PyTorch's, with its defaults and camelCase names. */
export interface RMSpropOptions {
  /** The learning rate η. @default 0.01 */
  lr?: number;
  /** α ∈ [0, 1): how slowly the average of the squared gradient forgets. @default 0.99 */
  alpha?: number;
  /** ε > 0, added to the root of the average so that a parameter with no gradient yet does not divide by 0. @default 1e-8 */
  eps?: number;
  /** The L2 penalty λ ≥ 0 added to each gradient. @default 0 */
  weightDecay?: number;
}

const OPTIONS = ["lr", "alpha", "eps", "weightDecay"] as const;

/**
 * RMSprop (Hinton, 2012), with PyTorch's `torch.optim.RMSprop` semantics (without its `momentum`
 * and `centered` options). For each parameter p with gradient g:
 *
 * ```text
 * g ← g + λ·p                     weight decay (λ ≠ 0)
 * s ← α·s + (1 − α)·g²            average of the squared gradient, from s = 0
 * p ← p − η·g / (√s + ε)
 * ```
 *
 * Adam without its first moment and without bias correction: each parameter's step is divided by
 * the recent size of its own gradient. Lesson 05 asks for it as an exercise.
 *
 * @example
 * const optimizer = new RMSprop(model.parameters(), { lr: 0.01 });
 */
export class RMSprop implements Optimizer {
  /** The parameters, a copy of the list given: the state array is indexed like it. */
  readonly params: readonly Value[];
  /** α, fixed at construction. */
  readonly alpha: number;
  /** ε, fixed at construction. */
  readonly eps: number;
  /** λ, fixed at construction. */
  readonly weightDecay: number;
  /** The average s of each parameter's squared gradient (PyTorch's `square_avg`), indexed like `params`. */
  readonly squareAvg: Float64Array;
  #lr: number;

  constructor(params: readonly Value[], opts: RMSpropOptions = {}) {
    const o = knownOptions("RMSprop", opts, OPTIONS);
    this.params = parameterList("RMSprop", params);
    this.#lr = checkLr("RMSprop", o.lr ?? 0.01);
    this.alpha = checkRange("RMSprop", "alpha", o.alpha ?? 0.99, 0, 1, false);
    this.eps = checkPositive("RMSprop", "eps", o.eps ?? 1e-8);
    this.weightDecay = checkRange("RMSprop", "weightDecay", o.weightDecay ?? 0, 0, Infinity, false);
    this.squareAvg = new Float64Array(this.params.length);
  }

  /** The learning rate η of the next step; setting it checks it (a finite number ≥ 0). */
  get lr(): number {
    return this.#lr;
  }

  set lr(lr: number) {
    this.#lr = checkLr("RMSprop", lr);
  }

  /** Updates every parameter from its `grad` (see the class summary for the formulas). */
  step(): void {
    // #region exercise:rmsprop
    const { params, alpha, eps, weightDecay } = this;
    const s = this.squareAvg;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      let g = p.grad;
      if (weightDecay !== 0) g += weightDecay * p.data; // d(½·λ·p²)/dp = λ·p
      s[i] = alpha * s[i]! + (1 - alpha) * g * g; // s ← α·s + (1 − α)·g²
      p.data -= (this.#lr * g) / (Math.sqrt(s[i]!) + eps); // p ← p − η·g / (√s + ε)
    }
    // #endregion exercise:rmsprop
  }

  /** Sets every parameter's `grad` to 0: call it before each `backward()`, since gradients accumulate. */
  zeroGrad(): void {
    zeroGrad(this.params);
  }

  /** `RMSprop(lr=0.01, alpha=0.99, eps=1e-8)`, with `weightDecay` when it is set. */
  toString(): string {
    const decay = this.weightDecay !== 0 ? `, weightDecay=${this.weightDecay}` : "";
    return `RMSprop(lr=${this.#lr}, alpha=${this.alpha}, eps=${this.eps}${decay})`;
  }
}
