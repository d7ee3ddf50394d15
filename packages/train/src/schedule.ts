import { math } from "@gradbook/autograd";

/**
 * A learning-rate schedule: the learning rate of each epoch, from 0. {@link fit} sets the
 * optimizer's `lr` to `schedule(epoch)` before the epoch's first step.
 */
export type Schedule = (epoch: number) => number;

/** The settings of {@link stepDecay}, PyTorch's `StepLR`. */
export interface StepDecayOptions {
  /** How many epochs each learning rate lasts (PyTorch's `step_size`), a positive integer. */
  every: number;
  /** The factor applied at the end of each period (PyTorch's `gamma`), in (0, 1]. @default 0.1 */
  gamma?: number;
}

/**
 * Step decay, PyTorch's `torch.optim.lr_scheduler.StepLR`: `lr` for the first `every` epochs,
 * then `lr·γ`, then `lr·γ²`, … — the rate of epoch e is `lr·γ^⌊e/every⌋`.
 *
 * A large rate finds the region of a minimum quickly; the smaller ones then settle into it
 * instead of bouncing around it (lesson 06's exercise: the assignment's run through its last epochs).
 *
 * @example
 * const schedule = stepDecay(0.1, { every: 30, gamma: 0.5 });
 * schedule(0); // 0.1
 * schedule(65); // 0.025
 */
export function stepDecay(lr: number, opts: StepDecayOptions): Schedule {
  const { every, gamma = 0.1 } = opts;
  if (!(Number.isFinite(lr) && lr >= 0))
    throw new RangeError(`stepDecay: expected lr to be a finite number ≥ 0, got ${lr}`);
  if (!(Number.isInteger(every) && every > 0))
    throw new RangeError(`stepDecay: expected every to be a positive integer, got ${every}`);
  if (!(gamma > 0 && gamma <= 1))
    throw new RangeError(`stepDecay: expected gamma in (0, 1], got ${gamma}`);
  return (epoch) => {
    // #region exercise:step-decay
    let rate = lr;
    for (let period = every; period <= epoch; period += every) rate *= gamma; // lr·γ^⌊epoch/every⌋
    return rate;
    // #endregion exercise:step-decay
  };
}

/**
 * Cosine annealing, PyTorch's `CosineAnnealingLR` with `eta_min = 0`, in closed form: the rate
 * of epoch `epoch` of `total`, falling from `lr` at epoch 0 along half a cosine to 0 at `total`.
 * With `math.cos`, the same bits in every engine: lesson 09's schedule steps by the ratio of two
 * of these rates, as PyTorch does.
 *
 * @example
 * cosineDecay(0.1, 50, 100); // 0.05
 */
export function cosineDecay(lr: number, epoch: number, total: number): number {
  // #region exercise:cosine-decay
  return (lr * (1 + math.cos((Math.PI * epoch) / total))) / 2;
  // #endregion exercise:cosine-decay
}
