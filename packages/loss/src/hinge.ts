import type { Value } from "@gradbook/autograd";
import { each, predictions, reductionOf, targets } from "./inputs.ts";
import { type LossOptions, reduce } from "./reduction.ts";

// #region hinge
/** One element of the hinge loss: `max(0, 1 − y·s)` for a score s and a label y = ±1. */
function hingeTerm(s: Value, y: number): Value {
  // #region exercise:hinge
  return s.mul(-y).add(1).relu(); // d/ds = −y while y·s < 1, then 0: a point beyond the margin stops pulling
  // #endregion exercise:hinge
}
// #endregion hinge

/**
 * Hinge loss, micrograd's "max-margin" SVM loss: `mean max(0, 1 − yᵢ·sᵢ)` over scores sᵢ and
 * labels yᵢ ∈ {−1, +1}, or the sum with `reduction: 'sum'`.
 *
 * A score on the right side of 0 by at least 1 costs nothing and gets no gradient; inside the
 * margin the gradient is `−yᵢ / n` (0 exactly at the margin, like PyTorch's relu).
 *
 * @param scores raw scores, one per element (numbers are taken as constants)
 * @param labels −1 or +1, as many as scores (map 0/1 targets with `2t − 1`)
 * @example
 * const s = new Value(0.25);
 * const loss = hingeLoss([s, new Value(-3)], [1, -1]); // (max(0, 0.75) + max(0, −2)) / 2 = 0.375
 * loss.backward();                                      // s.grad = −1 / 2 = −0.5
 */
export function hingeLoss(
  scores: readonly (Value | number)[],
  labels: readonly number[],
  opts?: LossOptions,
): Value {
  const reduction = reductionOf("hingeLoss", opts);
  const ss = predictions("hingeLoss", scores, "scores");
  targets("hingeLoss", labels, ss.length, "scores", "labels");
  each(
    "hingeLoss",
    labels,
    (y) => y === 1 || y === -1,
    "labels -1 or +1",
    "map 0/1 targets with 2t − 1",
  );
  return reduce(
    ss.map((s, i) => hingeTerm(s, labels[i]!)),
    reduction,
  );
}
