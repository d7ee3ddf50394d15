import type { Value } from "@gradbook/autograd";

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
