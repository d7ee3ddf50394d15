import { math, show, type Value, zeroGrad } from "@gradbook/autograd";
import { checkLr, checkPositive, checkRange, knownOptions, parameterList } from "./options.ts";
import type { Optimizer } from "./optimizer.ts";

/** The settings of {@link Adam}: PyTorch's, with its defaults and camelCase names. */
export interface AdamOptions {
  /** The learning rate η: about the largest distance one step moves a parameter. @default 0.001 */
  lr?: number;
  /** β₁, β₂ ∈ [0, 1): how slowly the averages of the gradient and of its square forget. @default [0.9, 0.999] */
  betas?: readonly [number, number];
  /** ε > 0, added to the denominator so that a parameter with no gradient yet does not divide by 0. @default 1e-8 */
  eps?: number;
  /** The L2 penalty λ ≥ 0 added to each gradient (PyTorch's `Adam`, not the decoupled `AdamW`). @default 0 */
  weightDecay?: number;
}

const OPTIONS = ["lr", "betas", "eps", "weightDecay"] as const;

/**
 * Adam (Kingma & Ba, 2015), with PyTorch's `torch.optim.Adam` semantics exactly. Step t (from 1),
 * for each parameter p with gradient g:
 *
 * ```text
 * g ← g + λ·p                          weight decay (λ ≠ 0)
 * m ← β₁·m + (1 − β₁)·g                average of the gradient
 * v ← β₂·v + (1 − β₂)·g²               average of its square
 * p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * ```
 *
 * m and v start at 0, which biases them toward 0 for the first steps; dividing by `1 − βᵗ`
 * corrects that (the bias correction). Each parameter's step is then about η in size, whatever the
 * scale of its gradient.
 *
 * @example
 * const optimizer = new Adam(model.parameters(), { lr: 0.01 });
 * optimizer.zeroGrad();
 * loss.backward();
 * optimizer.step();
 */
export class Adam implements Optimizer {
  /** The parameters, a copy of the list given: the state arrays are indexed like it. */
  readonly params: readonly Value[];
  /** [β₁, β₂], fixed at construction. */
  readonly betas: readonly [number, number];
  /** ε, fixed at construction. */
  readonly eps: number;
  /** λ, fixed at construction. */
  readonly weightDecay: number;
  /** The first moment m of each parameter (PyTorch's `exp_avg`), indexed like `params`. */
  readonly expAvg: Float64Array;
  /** The second moment v of each parameter (PyTorch's `exp_avg_sq`), indexed like `params`. */
  readonly expAvgSq: Float64Array;
  #steps = 0;
  #lr: number;

  constructor(params: readonly Value[], opts: AdamOptions = {}) {
    const o = knownOptions("Adam", opts, OPTIONS);
    this.params = parameterList("Adam", params);
    this.#lr = checkLr("Adam", o.lr ?? 1e-3);
    const betas = o.betas ?? [0.9, 0.999];
    if (!Array.isArray(betas) || betas.length !== 2) throw new TypeError(`Adam: expected betas to be a pair [β₁, β₂], got ${show(betas)}`);
    this.betas = [checkRange("Adam", "betas[0]", betas[0], 0, 1, false), checkRange("Adam", "betas[1]", betas[1], 0, 1, false)];
    this.eps = checkPositive("Adam", "eps", o.eps ?? 1e-8);
    this.weightDecay = checkRange("Adam", "weightDecay", o.weightDecay ?? 0, 0, Infinity, false);
    this.expAvg = new Float64Array(this.params.length);
    this.expAvgSq = new Float64Array(this.params.length);
  }

  /** How many steps have been taken: t of the last step. */
  get steps(): number {
    return this.#steps;
  }

  /** The learning rate η of the next step; setting it checks it (a finite number ≥ 0). */
  get lr(): number {
    return this.#lr;
  }

  set lr(lr: number) {
    this.#lr = checkLr("Adam", lr);
  }

  // #region adam-step
  /** Updates every parameter from its `grad` (see the class summary for the formulas). */
  step(): void {
    // #region exercise:adam
    const { params, eps, weightDecay } = this;
    const beta1 = this.betas[0];
    const beta2 = this.betas[1];
    const m = this.expAvg;
    const v = this.expAvgSq;
    const t = ++this.#steps;
    // The bias corrections, the same for every parameter: m / (1 − β₁ᵗ) and v / (1 − β₂ᵗ) undo
    // the pull toward the zeros m and v started from; √v / √(1 − β₂ᵗ) is the root of the corrected v.
    const stepSize = this.#lr / (1 - math.pow(beta1, t));
    const correction2 = Math.sqrt(1 - math.pow(beta2, t));
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      let g = p.grad;
      if (weightDecay !== 0) g += weightDecay * p.data; // d(½·λ·p²)/dp = λ·p
      m[i] = beta1 * m[i]! + (1 - beta1) * g; // m ← β₁·m + (1 − β₁)·g
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g; // v ← β₂·v + (1 − β₂)·g²
      p.data -= (stepSize * m[i]!) / (Math.sqrt(v[i]!) / correction2 + eps); // p ← p − η·m̂ / (√v̂ + ε)
    }
    // #endregion exercise:adam
  }
  // #endregion adam-step

  /** Sets every parameter's `grad` to 0: call it before each `backward()`, since gradients accumulate. */
  zeroGrad(): void {
    zeroGrad(this.params);
  }

  /** `Adam(lr=0.001, betas=[0.9, 0.999], eps=1e-8)`, with `weightDecay` when it is set. */
  toString(): string {
    const decay = this.weightDecay !== 0 ? `, weightDecay=${this.weightDecay}` : "";
    return `Adam(lr=${this.#lr}, betas=[${this.betas.join(", ")}], eps=${this.eps}${decay})`;
  }
}
