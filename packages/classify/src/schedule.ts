import { cosineDecay } from "@gradbook/train";

/** The settings of {@link warmupCosine}. */
export interface WarmupCosineOptions {
  /** Optimizer steps in the whole run: the cosine would reach `minLr` one step after the last. */
  total: number;
  /** Steps of linear warmup before the cosine (0: none). @default 0 */
  warmup?: number;
  /** The warmup's first rate as a share of `lr` (PyTorch's `LinearLR` `start_factor`), in (0, 1]. @default 0.1 */
  startFactor?: number;
  /** The rate the cosine ends at (PyTorch's `eta_min`). @default 0 */
  minLr?: number;
}

/**
 * The learning rate of every optimizer step of a run: a linear warmup from `lr·startFactor` to
 * `lr` over `warmup` steps, then a cosine from `lr` down towards `minLr` over the remaining steps.
 * The closed form of step t after the warmup, with T = total − warmup steps of decay:
 *
 *   lr(t) = minLr + (lr − minLr) · (1 + cos(π t / T)) / 2
 *
 * The numbers are PyTorch's, bit for bit: `SequentialLR([LinearLR(start_factor, total_iters =
 * warmup), CosineAnnealingLR(T_max = T, eta_min)], milestones = [warmup])`, stepped once per
 * optimizer step. PyTorch computes both parts recursively, each rate from the one before (what
 * `get_lr` does when `scheduler.step()` is called without an epoch), so this does too: the
 * closed form differs from it in the last bits.
 *
 * @example
 * const rates = warmupCosine(0.1, { total: 2500, warmup: 250 });
 * rates[0]; // 0.01: the warmup starts at a tenth
 * rates[250]; // 0.1
 * rates[2499]; // 4.9e-8: the last step's; the cosine reaches 0 one step later
 */
export function warmupCosine(lr: number, opts: WarmupCosineOptions): Float64Array {
  const { total, warmup = 0, startFactor = 0.1, minLr = 0 } = opts;
  if (!(Number.isFinite(lr) && lr > 0))
    throw new RangeError(`warmupCosine: expected lr to be a positive number, got ${lr}`);
  if (!(Number.isInteger(total) && total >= 1))
    throw new RangeError(`warmupCosine: expected total to be a positive integer, got ${total}`);
  if (!(Number.isInteger(warmup) && warmup >= 0 && warmup < total))
    throw new RangeError(
      `warmupCosine: expected warmup to be an integer in [0, ${total}), got ${warmup}`,
    );
  if (!(startFactor > 0 && startFactor <= 1))
    throw new RangeError(`warmupCosine: expected startFactor in (0, 1], got ${startFactor}`);
  if (!(minLr >= 0 && minLr <= lr))
    throw new RangeError(`warmupCosine: expected minLr in [0, lr], got ${minLr}`);
  const rates = new Float64Array(total);
  // Warmup, LinearLR's recursion (end factor 1): rate_t = rate_{t−1}·(1 + (1 − s)/(W·s + (t − 1)(1 − s))).
  let rate = lr * startFactor;
  for (let t = 0; t < warmup; t++) {
    if (t > 0) rate *= 1 + (1 - startFactor) / (warmup * startFactor + (t - 1) * (1 - startFactor));
    rates[t] = rate;
  }
  // Cosine, CosineAnnealingLR's recursion: step 0 of the cosine is lr itself (SequentialLR calls step(0): the closed form).
  // Each later rate is the one before times the ratio of train's closed form (1 + cos(πt/T))/2 at t
  // and t − 1: the halves cancel exactly, so the ratio is PyTorch's (1 + cos(πt/T))/(1 + cos(π(t−1)/T)).
  const T = total - warmup;
  rate = warmup === 0 ? lr : minLr + (lr - minLr); // after a warmup, SequentialLR starts the cosine at its closed form: minLr + (lr − minLr)·(1 + cos 0)/2
  for (let t = 0; warmup + t < total; t++) {
    // #region exercise:cosine
    if (t > 0) rate = (cosineDecay(1, t, T) / cosineDecay(1, t - 1, T)) * (rate - minLr) + minLr;
    // #endregion exercise:cosine
    rates[warmup + t] = rate;
  }
  return rates;
}

/** A constant rate for every one of `total` steps: the baseline a schedule is measured against. */
export function constantRate(lr: number, total: number): Float64Array {
  if (!(Number.isFinite(lr) && lr > 0))
    throw new RangeError(`constantRate: expected lr to be a positive number, got ${lr}`);
  if (!(Number.isInteger(total) && total >= 1))
    throw new RangeError(`constantRate: expected total to be a positive integer, got ${total}`);
  return new Float64Array(total).fill(lr);
}
