import type { Value } from "@gradbook/autograd";
import { predictions, reductionOf, targets } from "./inputs.ts";
import { type LossOptions, reduce } from "./reduction.ts";

// #region l1
/** One element of the L1 loss: `|y − t|`. */
function l1Term(y: Value, t: number): Value {
  // #region exercise:l1
  return y.sub(t).abs(); // d|y − t|/dy = sign(y − t): ±1 however close y is, 0 exactly at t
  // #endregion exercise:l1
}
// #endregion l1

// #region mse
/** One element of the squared error: `(y − t)²`. */
function mseTerm(y: Value, t: number): Value {
  // #region exercise:mse
  return y.sub(t).pow(2); // d(y − t)²/dy = 2(y − t): shrinks with the error
  // #endregion exercise:mse
}
// #endregion mse

/**
 * Mean absolute error (PyTorch's `l1_loss`): `mean |yᵢ − tᵢ|`, or the sum with `reduction: 'sum'`.
 *
 * Its gradient is `sign(yᵢ − tᵢ) / n` whatever the size of the error (0 exactly at the target,
 * like PyTorch): steps do not shrink near the target, so a prediction keeps overshooting it.
 *
 * @param pred the predictions, one per element (numbers are taken as constants)
 * @param target the targets, finite numbers, as many as predictions
 * @example
 * const y = new Value(1.5);
 * const loss = l1Loss([y, new Value(-1)], [1, 1]); // (|1.5 − 1| + |−1 − 1|) / 2 = 1.25
 * loss.backward();                                  // y.grad = sign(0.5) / 2 = 0.5
 */
export function l1Loss(
  pred: readonly (Value | number)[],
  target: readonly number[],
  opts?: LossOptions,
): Value {
  const reduction = reductionOf("l1Loss", opts);
  const ys = predictions("l1Loss", pred);
  targets("l1Loss", target, ys.length);
  return reduce(
    ys.map((y, i) => l1Term(y, target[i]!)),
    reduction,
  );
}

/**
 * Mean squared error (PyTorch's `mse_loss`): `mean (yᵢ − tᵢ)²`, or the sum with `reduction: 'sum'`.
 *
 * Its gradient `2(yᵢ − tᵢ) / n` is proportional to the error: large steps far from the target,
 * small ones near it.
 *
 * @param pred the predictions, one per element (numbers are taken as constants)
 * @param target the targets, finite numbers, as many as predictions
 * @example
 * const y = new Value(3);
 * const loss = mseLoss([y], [1]); // (3 − 1)² = 4
 * loss.backward();                // y.grad = 2·(3 − 1) = 4
 */
export function mseLoss(
  pred: readonly (Value | number)[],
  target: readonly number[],
  opts?: LossOptions,
): Value {
  const reduction = reductionOf("mseLoss", opts);
  const ys = predictions("mseLoss", pred);
  targets("mseLoss", target, ys.length);
  return reduce(
    ys.map((y, i) => mseTerm(y, target[i]!)),
    reduction,
  );
}
