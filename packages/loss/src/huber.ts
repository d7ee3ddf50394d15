import type { Value } from "@gradbook/autograd";
import { predictions, reductionOf, targets } from "./inputs.ts";
import { type LossOptions, reduce } from "./reduction.ts";

/** The settings of {@link huberLoss}: a reduction, and where the square turns into a line. */
export interface HuberOptions extends LossOptions {
  /** δ > 0: errors smaller than δ are squared, larger ones count linearly. @default 1 */
  delta?: number;
}

/** One element of the Huber loss: `½(y − t)²` while `|y − t| < δ`, else `δ·(|y − t| − ½δ)`. */
function huberTerm(y: Value, t: number, delta: number): Value {
  // #region exercise:huber
  const error = y.sub(t);
  if (Math.abs(error.data) < delta) return error.pow(2).mul(0.5); // d/dy = y − t: MSE's gradient, halved
  return error
    .abs()
    .sub(0.5 * delta)
    .mul(delta); // d/dy = ±δ: L1's gradient, scaled; both are δ at |y − t| = δ
  // #endregion exercise:huber
}

/**
 * Huber loss (PyTorch's `huber_loss`): `mean ℓᵢ` with `ℓᵢ = ½(yᵢ − tᵢ)²` for `|yᵢ − tᵢ| < δ` and
 * `δ·(|yᵢ − tᵢ| − ½δ)` beyond, or the sum with `reduction: 'sum'`.
 *
 * Near the target it is MSE (the gradient shrinks with the error); far from it, L1 (the gradient
 * is capped at δ, so one outlier cannot dominate a batch).
 *
 * @param pred the predictions, one per element (numbers are taken as constants)
 * @param target the targets, finite numbers, as many as predictions
 * @example
 * const y = new Value(3);
 * const loss = huberLoss([y], [0]); // δ = 1: 1·(3 − ½) = 2.5
 * loss.backward();                  // y.grad = δ = 1
 */
export function huberLoss(
  pred: readonly (Value | number)[],
  target: readonly number[],
  opts?: HuberOptions,
): Value {
  const reduction = reductionOf("huberLoss", opts);
  const delta = opts?.delta ?? 1;
  if (typeof delta !== "number" || !(delta > 0) || !Number.isFinite(delta)) {
    throw new RangeError(
      `huberLoss: expected delta to be a finite number > 0, got ${String(delta)}`,
    );
  }
  const ys = predictions("huberLoss", pred);
  targets("huberLoss", target, ys.length);
  return reduce(
    ys.map((y, i) => huberTerm(y, target[i]!, delta)),
    reduction,
  );
}
