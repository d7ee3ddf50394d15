import { show, type Value, zeroGrad } from "@gradbook/autograd";
import { checkBoolean, checkLr, checkRange, knownOptions, parameterList } from "./check.ts";
import type { Optimizer } from "./optimizer.ts";

/** The settings of {@link SGD}: PyTorch's, with camelCase names. */
export interface SGDOptions {
  /** The learning rate η: how far each step moves along the (smoothed) negative gradient. */
  lr: number;
  /** The momentum μ ∈ [0, 1): how much of the last step's direction carries into the next. @default 0 */
  momentum?: number;
  /** The dampening τ ∈ [0, 1]: the share of each new gradient left out of the momentum buffer. @default 0 */
  dampening?: number;
  /** Nesterov momentum: step along `g + μ·buffer`, a look one step ahead; needs μ > 0 and τ = 0. @default false */
  nesterov?: boolean;
  /** The L2 penalty λ ≥ 0: adds `λ·p` to each gradient, pulling the weights toward 0. @default 0 */
  weightDecay?: number;
}

const OPTIONS = ["lr", "momentum", "dampening", "nesterov", "weightDecay"] as const;

/**
 * SGD's settings checked, with their defaults: what `new SGD` accepts, for an SGD over other
 * storage than Values too (`@gradbook/compile`'s slots). `where` starts the messages.
 */
export function checkSGDOptions(where: string, opts: SGDOptions): Required<SGDOptions> {
  const o = knownOptions(where, opts, OPTIONS);
  if (opts === undefined || !("lr" in o)) throw new TypeError(`${where}: expected options with a learning rate lr, got ${show(opts)}`);
  const settings = {
    lr: checkLr(where, o.lr),
    momentum: checkRange(where, "momentum", o.momentum ?? 0, 0, 1, false),
    dampening: checkRange(where, "dampening", o.dampening ?? 0, 0, 1, true),
    nesterov: checkBoolean(where, "nesterov", o.nesterov ?? false),
    weightDecay: checkRange(where, "weightDecay", o.weightDecay ?? 0, 0, Infinity, false),
  };
  // Nesterov's look-ahead is defined for the undamped buffer only (PyTorch refuses the rest too).
  if (settings.nesterov && (settings.momentum <= 0 || settings.dampening !== 0)) {
    throw new RangeError(`${where}: nesterov needs momentum > 0 and dampening 0, got momentum ${settings.momentum} and dampening ${settings.dampening}`);
  }
  return settings;
}

/**
 * Stochastic gradient descent, with PyTorch's `torch.optim.SGD` semantics exactly. Each step,
 * for each parameter p with gradient g:
 *
 * ```text
 * g ← g + λ·p                          weight decay (λ ≠ 0)
 * b ← g on the first step,             momentum buffer (μ ≠ 0)
 *     μ·b + (1 − τ)·g after it
 * g ← g + μ·b with nesterov, else b
 * p ← p − η·g
 * ```
 *
 * The first step puts the raw gradient in the buffer (not `(1 − τ)·g`), as PyTorch does.
 *
 * @example
 * // the assignment's optimizer
 * const optimizer = new SGD(model.parameters(), { lr: 0.02, momentum: 0.9 });
 * optimizer.zeroGrad();
 * loss.backward();
 * optimizer.step();
 */
export class SGD implements Optimizer {
  /** The parameters, a copy of the list given: the state arrays are indexed like it. */
  readonly params: readonly Value[];
  /** μ, fixed at construction. */
  readonly momentum: number;
  /** τ, fixed at construction. */
  readonly dampening: number;
  /** Whether the step looks ahead along the buffer, fixed at construction. */
  readonly nesterov: boolean;
  /** λ, fixed at construction. */
  readonly weightDecay: number;
  /** The momentum buffer b of each parameter, indexed like `params` (all 0 until the first step; unused without momentum). */
  readonly momentumBuffer: Float64Array;
  #steps = 0;
  #lr: number;

  constructor(params: readonly Value[], opts: SGDOptions) {
    const settings = checkSGDOptions("SGD", opts);
    this.params = parameterList("SGD", params);
    this.#lr = settings.lr;
    this.momentum = settings.momentum;
    this.dampening = settings.dampening;
    this.nesterov = settings.nesterov;
    this.weightDecay = settings.weightDecay;
    this.momentumBuffer = new Float64Array(this.params.length);
  }

  /** How many steps have been taken. */
  get steps(): number {
    return this.#steps;
  }

  /** The learning rate η of the next step; setting it checks it (a finite number ≥ 0). */
  get lr(): number {
    return this.#lr;
  }

  set lr(lr: number) {
    this.#lr = checkLr("SGD", lr);
  }

  // #region sgd-step
  /** Updates every parameter from its `grad` (see the class summary for the formulas). */
  step(): void {
    const { params, momentum, dampening, nesterov, weightDecay } = this;
    const lr = this.#lr;
    const buffer = this.momentumBuffer;
    const first = this.#steps === 0;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      let d = p.grad; // the direction of this step, built up in three stages
      // #region exercise:weight-decay Add λ·p to the gradient d when weightDecay λ is not 0 (the gradient of the penalty ½·λ·p²)
      if (weightDecay !== 0) d += weightDecay * p.data; // d(½·λ·p²)/dp = λ·p
      // #endregion exercise:weight-decay
      if (momentum !== 0) {
        // #region exercise:momentum First step: buffer[i] = d; later: μ·buffer[i] + (1 − τ)·d. Then d becomes d + μ·buffer[i] with nesterov, else buffer[i]
        // The buffer sums past directions, each weighted μ times the one after it. Its first
        // value is d itself, not (1 − τ)·d: PyTorch starts it so.
        const b = first ? d : momentum * buffer[i]! + (1 - dampening) * d; // b ← μ·b + (1 − τ)·d
        buffer[i] = b;
        d = nesterov ? d + momentum * b : b; // Nesterov: d + μ·b, the next buffer if the gradient stayed d
        // #endregion exercise:momentum
      }
      // #region exercise:sgd Move the parameter's data a step of lr times d against the gradient
      p.data -= lr * d; // p ← p − η·d
      // #endregion exercise:sgd
    }
    this.#steps++;
  }
  // #endregion sgd-step

  /** Sets every parameter's `grad` to 0: call it before each `backward()`, since gradients accumulate. */
  zeroGrad(): void {
    zeroGrad(this.params);
  }

  /** `SGD(lr=0.02, momentum=0.9)`: the learning rate and every option that is not at its default. */
  toString(): string {
    const set: string[] = [`lr=${this.#lr}`];
    if (this.momentum !== 0) set.push(`momentum=${this.momentum}`);
    if (this.dampening !== 0) set.push(`dampening=${this.dampening}`);
    if (this.nesterov) set.push("nesterov=true");
    if (this.weightDecay !== 0) set.push(`weightDecay=${this.weightDecay}`);
    return `SGD(${set.join(", ")})`;
  }
}
