import { math, show, type Value } from "@gradbook/autograd";
import { checkLr, checkPositive, checkRange, knownOptions } from "./options.ts";
import { FlatOptimizer } from "./optimizer.ts";

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

/** Adam's settings as the update rule reads them: {@link AdamOptions} with every default filled in. */
export interface AdamSettings {
  readonly lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
}

/** Adam's settings checked, with their defaults: what `new Adam` accepts, for an Adam over other storage than Values too (`@gradbook/tensor`'s). */
export function checkAdamOptions(where: string, opts: AdamOptions = {}): AdamSettings {
  const o = knownOptions(where, opts, OPTIONS);
  const betas = o.betas ?? [0.9, 0.999];
  if (!Array.isArray(betas) || betas.length !== 2)
    throw new TypeError(`${where}: expected betas to be a pair [β₁, β₂], got ${show(betas)}`);
  return {
    lr: checkLr(where, o.lr ?? 1e-3),
    betas: [
      checkRange(where, "betas[0]", betas[0], 0, 1, false),
      checkRange(where, "betas[1]", betas[1], 0, 1, false),
    ],
    eps: checkPositive(where, "eps", o.eps ?? 1e-8),
    weightDecay: checkRange(where, "weightDecay", o.weightDecay ?? 0, 0, Infinity, false),
  };
}

// #region adam-step
/**
 * Adam's step t (from 1) over flat arrays, PyTorch's arithmetic exactly (see {@link Adam} for the
 * formulas): `params`, `expAvg` (m) and `expAvgSq` (v) are updated in place, `grads` only read.
 * Every Adam of the course steps through here: `Adam` over Values and the tensor Adam.
 */
export function adamUpdate(
  params: Float64Array,
  grads: Float64Array,
  expAvg: Float64Array,
  expAvgSq: Float64Array,
  settings: AdamSettings,
  t: number,
): void {
  // #region exercise:adam
  const { lr, eps, weightDecay } = settings;
  const [beta1, beta2] = settings.betas;
  const m = expAvg;
  const v = expAvgSq;
  // The bias corrections, the same for every parameter: m / (1 − β₁ᵗ) and v / (1 − β₂ᵗ) undo
  // the pull toward the zeros m and v started from; √v / √(1 − β₂ᵗ) is the root of the corrected v.
  const stepSize = lr / (1 - math.pow(beta1, t));
  const correction2 = Math.sqrt(1 - math.pow(beta2, t));
  for (let i = 0; i < params.length; i++) {
    let g = grads[i]!;
    if (weightDecay !== 0) g += weightDecay * params[i]!; // d(½·λ·p²)/dp = λ·p
    m[i] = beta1 * m[i]! + (1 - beta1) * g; // m ← β₁·m + (1 − β₁)·g
    v[i] = beta2 * v[i]! + (1 - beta2) * g * g; // v ← β₂·v + (1 − β₂)·g²
    params[i]! -= (stepSize * m[i]!) / (Math.sqrt(v[i]!) / correction2 + eps); // p ← p − η·m̂ / (√v̂ + ε)
  }
  // #endregion exercise:adam
}
// #endregion adam-step

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
export class Adam extends FlatOptimizer implements AdamSettings {
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

  constructor(params: readonly Value[], opts: AdamOptions = {}) {
    const settings = checkAdamOptions("Adam", opts);
    super("Adam", params, settings.lr);
    this.betas = settings.betas;
    this.eps = settings.eps;
    this.weightDecay = settings.weightDecay;
    this.expAvg = new Float64Array(this.params.length);
    this.expAvgSq = new Float64Array(this.params.length);
  }

  /** {@link adamUpdate} at step t. */
  protected override update(data: Float64Array, grads: Float64Array, t: number): void {
    adamUpdate(data, grads, this.expAvg, this.expAvgSq, this, t);
  }

  /** `Adam(lr=0.001, betas=[0.9, 0.999], eps=1e-8)`, with `weightDecay` when it is set. */
  override toString(): string {
    const decay = this.weightDecay !== 0 ? `, weightDecay=${this.weightDecay}` : "";
    return `Adam(lr=${this.lr}, betas=[${this.betas.join(", ")}], eps=${this.eps}${decay})`;
  }
}
