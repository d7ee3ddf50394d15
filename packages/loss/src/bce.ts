import { math, type Value } from "@gradbook/autograd";
import { each, inUnitInterval, predictions, reductionOf, targets } from "./inputs.ts";
import { type LossOptions, reduce } from "./reduction.ts";

/** PyTorch's floor under p(1 − p) in BCE's backward: the float32 constant 1e-12, widened to float64. */
const EPSILON = Math.fround(1e-12);

// #region bce
/** One element of binary cross-entropy on a probability p: `−[t·ln p + (1 − t)·ln(1 − p)]`. */
function bceTerm(p: Value, t: number): Value {
  const x = p.data;
  // #region exercise:bce
  // As PyTorch: each log clamped at −100, so p = 0 or 1 costs at most 100 instead of Infinity.
  const loss = (t - 1) * Math.max(math.log1p(-x), -100) - t * Math.max(math.log(x), -100);
  // d/dp = −t/p + (1 − t)/(1 − p) = (p − t) / (p(1 − p)), the denominator kept ≥ EPSILON as PyTorch does
  return p.unary(loss, (x - t) / Math.max((1 - x) * x, EPSILON));
  // #endregion exercise:bce
}
// #endregion bce

// #region bce-with-logits
/** One element of binary cross-entropy on a logit x, i.e. on p = σ(x), without computing σ(x) first. */
function bceWithLogitsTerm(logit: Value, t: number): Value {
  const x = logit.data;
  // #region exercise:bce-with-logits
  // −[t·ln σ(x) + (1 − t)·ln(1 − σ(x))] = max(x, 0) − x·t + ln(1 + e^(−|x|)): e^(−|x|) ≤ 1 cannot
  // overflow. Written in PyTorch 1.13's arrangement, (1 − t)·x + max(−x, 0) + …, so the digits agree.
  const loss = (1 - t) * x + Math.max(-x, 0) + math.log(1 + math.exp(-Math.abs(x)));
  return logit.unary(loss, 1 / (1 + math.exp(-x)) - t); // d/dx = σ(x) − t: bounded, never 0 by rounding of a log
  // #endregion exercise:bce-with-logits
}
// #endregion bce-with-logits

/**
 * Binary cross-entropy (PyTorch's `binary_cross_entropy`) on predicted probabilities:
 * `mean −[tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)]`, or the sum with `reduction: 'sum'`.
 *
 * As in PyTorch, each log is clamped at −100 and the gradient `(p − t) / max(p(1 − p), ε)` keeps
 * its denominator above ε = 1e-12 (float32), so p = 0 or 1 gives finite numbers. For a network
 * whose output is a raw score (a logit), use {@link bceWithLogitsLoss}: a sigmoid followed by this
 * loss saturates and loses the gradient once |logit| passes about 28.
 *
 * @param pred probabilities in [0, 1] (for instance a sigmoid output)
 * @param target targets in [0, 1] (usually 0 or 1), as many as predictions
 * @example
 * const p = new Value(0.8);
 * const loss = bceLoss([p], [1]); // −ln 0.8 = 0.2231
 * loss.backward();                // p.grad = (0.8 − 1) / (0.8 · 0.2) = −1.25
 */
export function bceLoss(
  pred: readonly (Value | number)[],
  target: readonly number[],
  opts?: LossOptions,
): Value {
  const reduction = reductionOf("bceLoss", opts);
  const ps = predictions("bceLoss", pred);
  targets("bceLoss", target, ps.length);
  const probabilities = ps.map((p) => p.data);
  each(
    "bceLoss",
    probabilities,
    inUnitInterval,
    "predictions that are probabilities in [0, 1]",
    "for logits, use bceWithLogitsLoss",
  );
  each("bceLoss", target, inUnitInterval, "targets in [0, 1]");
  return reduce(
    ps.map((p, i) => bceTerm(p, target[i]!)),
    reduction,
  );
}

/**
 * Binary cross-entropy on logits (PyTorch's `binary_cross_entropy_with_logits`): the loss of
 * {@link bceLoss} on `σ(xᵢ)`, computed from the logits xᵢ in the stable form
 * `max(x, 0) − x·t + ln(1 + e^(−|x|))`, averaged (or summed with `reduction: 'sum'`).
 *
 * Its gradient is exactly `(σ(x) − t) / n`: finite and informative for any logit, where sigmoid then
 * log would give `ln 0 = −Infinity` (or, clamped, no gradient at all) once σ(x) rounds to 0 or 1.
 *
 * @param pred logits: raw network outputs, finite numbers
 * @param target targets in [0, 1] (usually 0 or 1), as many as logits
 * @example
 * const x = new Value(-1000);
 * const loss = bceWithLogitsLoss([x], [1]); // 1000, where −ln σ(−1000) would be Infinity
 * loss.backward();                          // x.grad = σ(−1000) − 1 = −1
 */
export function bceWithLogitsLoss(
  pred: readonly (Value | number)[],
  target: readonly number[],
  opts?: LossOptions,
): Value {
  const reduction = reductionOf("bceWithLogitsLoss", opts);
  const xs = predictions("bceWithLogitsLoss", pred, "logits");
  targets("bceWithLogitsLoss", target, xs.length, "logits");
  each(
    "bceWithLogitsLoss",
    xs.map((x) => x.data),
    Number.isFinite,
    "finite logits",
  );
  each("bceWithLogitsLoss", target, inUnitInterval, "targets in [0, 1]");
  return reduce(
    xs.map((x, i) => bceWithLogitsTerm(x, target[i]!)),
    reduction,
  );
}
