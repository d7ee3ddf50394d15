import { type Value, zeroGrad } from "@gradbook/autograd";
import { checkLr, parameterList } from "./options.ts";

/**
 * What every optimizer is: the parameters it updates, a learning rate that a schedule or a sweep
 * may change between steps, a step that moves the parameters against their gradients, and a way
 * to clear those gradients before the next `backward()`. {@link SGD} and {@link Adam} are
 * optimizers; so is anything with these four members (a training loop needs nothing more).
 *
 * An optimizer keeps its own state (momentum buffers, moment estimates, the step count) in arrays
 * indexed like `params`, never on the values: two optimizers over the same values do not clash.
 */
export interface Optimizer {
  /** The parameters, in the order the optimizer's state is indexed by. */
  readonly params: readonly Value[];
  /** The learning rate η of the next step. */
  lr: number;
  /** One update of every parameter from its current `grad`. */
  step(): void;
  /** Sets every parameter's `grad` to 0: gradients accumulate, so call it before each `backward()`. */
  zeroGrad(): void;
}

/**
 * What {@link SGD} and {@link Adam} share: an optimizer of `Value`s whose update rule works on
 * flat arrays ({@link sgdUpdate}, {@link adamUpdate}, which the compiled and tensor steps call on
 * their own arrays). It keeps the parameters, the checked learning rate and the step count; each
 * step copies the parameters' data and grads into two arrays, lets the rule update them, and copies
 * the data back.
 */
export abstract class FlatOptimizer implements Optimizer {
  /** The parameters, a copy of the list given: the state arrays are indexed like it. */
  readonly params: readonly Value[];
  readonly #name: string;
  // The parameters' data and grads copied flat for the update rule, reused across steps.
  readonly #data: Float64Array;
  readonly #grads: Float64Array;
  #steps = 0;
  #lr: number;

  /** `name` starts the error messages; `lr` is already checked, with the optimizer's other options. */
  protected constructor(name: string, params: readonly Value[], lr: number) {
    this.#name = name;
    this.params = parameterList(name, params);
    this.#lr = lr;
    this.#data = new Float64Array(this.params.length);
    this.#grads = new Float64Array(this.params.length);
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
    this.#lr = checkLr(this.#name, lr);
  }

  /** The update rule over the flat data and grads, at step `t` (1 for the first). */
  protected abstract update(data: Float64Array, grads: Float64Array, t: number): void;

  /** Updates every parameter from its `grad` by the rule, through flat copies of the data and grads. */
  step(): void {
    const params = this.params;
    const data = this.#data;
    const grads = this.#grads;
    for (let i = 0; i < params.length; i++) {
      data[i] = params[i]!.data;
      grads[i] = params[i]!.grad;
    }
    this.update(data, grads, ++this.#steps);
    for (let i = 0; i < params.length; i++) params[i]!.data = data[i]!;
  }

  /** Sets every parameter's `grad` to 0: call it before each `backward()`, since gradients accumulate. */
  zeroGrad(): void {
    zeroGrad(this.params);
  }
}
