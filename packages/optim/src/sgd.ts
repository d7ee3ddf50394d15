import { show, type Value, zeroGrad } from "@gradbook/autograd";
import { checkBoolean, checkLr, checkRange, knownOptions, parameterList } from "./options.ts";
import type { Optimizer } from "./optimizer.ts";
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
export class SGD implements Optimizer, SGDSettings {
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
  // The parameters' data and grads copied flat for sgdUpdate, reused across steps.
  readonly #data: Float64Array;
  readonly #grads: Float64Array;
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
    this.#data = new Float64Array(this.params.length);
    this.#grads = new Float64Array(this.params.length);
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

  /** Updates every parameter from its `grad` by {@link sgdUpdate}, through flat copies of the data and grads. */
  step(): void {
    const params = this.params;
    const data = this.#data;
    const grads = this.#grads;
    for (let i = 0; i < params.length; i++) {
      data[i] = params[i]!.data;
      grads[i] = params[i]!.grad;
    }
    sgdUpdate(data, grads, this.momentumBuffer, this, this.#steps === 0);
    for (let i = 0; i < params.length; i++) params[i]!.data = data[i]!;
    this.#steps++;
  }

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
