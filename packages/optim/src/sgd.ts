import { show, type Value } from "@gradbook/autograd";
import { checkBoolean, checkLr, checkRange, knownOptions } from "./options.ts";
import { FlatOptimizer } from "./optimizer.ts";
import { type SGDSettings, sgdUpdate } from "./sgd-update.ts";

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
  if (opts === undefined || !("lr" in o))
    throw new TypeError(`${where}: expected options with a learning rate lr, got ${show(opts)}`);
  const settings = {
    lr: checkLr(where, o.lr),
    momentum: checkRange(where, "momentum", o.momentum ?? 0, 0, 1, false),
    dampening: checkRange(where, "dampening", o.dampening ?? 0, 0, 1, true),
    nesterov: checkBoolean(where, "nesterov", o.nesterov ?? false),
    weightDecay: checkRange(where, "weightDecay", o.weightDecay ?? 0, 0, Infinity, false),
  };
  // Nesterov's look-ahead is defined for the undamped buffer only (PyTorch refuses the rest too).
  if (settings.nesterov && (settings.momentum <= 0 || settings.dampening !== 0)) {
    throw new RangeError(
      `${where}: nesterov needs momentum > 0 and dampening 0, got momentum ${settings.momentum} and dampening ${settings.dampening}`,
    );
  }
  return settings;
}

/**
 * Stochastic gradient descent, with PyTorch's `torch.optim.SGD` semantics exactly: each step
 * applies {@link sgdUpdate} (weight decay, momentum, dampening, Nesterov; the first momentum
 * step puts the raw gradient in the buffer) to every parameter's `data` and `grad`.
 *
 * @example
 * // the assignment's optimizer
 * const optimizer = new SGD(model.parameters(), { lr: 0.02, momentum: 0.9 });
 * optimizer.zeroGrad();
 * loss.backward();
 * optimizer.step();
 */
export class SGD extends FlatOptimizer implements SGDSettings {
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

  constructor(params: readonly Value[], opts: SGDOptions) {
    const settings = checkSGDOptions("SGD", opts);
    super("SGD", params, settings.lr);
    this.momentum = settings.momentum;
    this.dampening = settings.dampening;
    this.nesterov = settings.nesterov;
    this.weightDecay = settings.weightDecay;
    this.momentumBuffer = new Float64Array(this.params.length);
  }

  /** {@link sgdUpdate}: the first step puts the raw gradient in the buffer. */
  protected override update(data: Float64Array, grads: Float64Array, t: number): void {
    sgdUpdate(data, grads, this.momentumBuffer, this, t === 1);
  }

  /** `SGD(lr=0.02, momentum=0.9)`: the learning rate and every option that is not at its default. */
  override toString(): string {
    const set: string[] = [`lr=${this.lr}`];
    if (this.momentum !== 0) set.push(`momentum=${this.momentum}`);
    if (this.dampening !== 0) set.push(`dampening=${this.dampening}`);
    if (this.nesterov) set.push("nesterov=true");
    if (this.weightDecay !== 0) set.push(`weightDecay=${this.weightDecay}`);
    return `SGD(${set.join(", ")})`;
  }
}
