import type { Value } from "@gradbook/autograd";
import { each, predictions, reductionOf } from "./inputs.ts";
import type { LossOptions } from "./reduction.ts";

/**
 * Cross-entropy of one sample over classes (PyTorch's `cross_entropy`): softmax over the logits,
 * then the negative log of the target class's probability,
 * `−ln softmax(x)ₜ = ln Σⱼ e^(xⱼ) − xₜ`.
 *
 * Computed as a log-sum-exp with the largest logit m subtracted first,
 * `ln Σⱼ e^(xⱼ − m) − (xₜ − m)`: every exponent is ≤ 0, so nothing overflows, and the sum is
 * at least 1, so its log is finite. The gradient is exactly `softmax(x) − onehot(t)`.
 *
 * One sample is a batch of one: `'mean'` and `'sum'` give the same value, as in PyTorch.
 *
 * @param logits one raw score per class, finite numbers
 * @param target the index of the true class, an integer in [0, logits.length)
 * @example
 * const logits = [new Value(1000), new Value(-1000), new Value(0)];
 * const loss = crossEntropyLoss(logits, 1); // 2000, where e^1000 alone would be Infinity
 * loss.backward();                          // grads [1, −1, 0] = softmax − onehot
 */
export function crossEntropyLoss(
  logits: readonly (Value | number)[],
  target: number,
  opts?: LossOptions,
): Value {
  reductionOf("crossEntropyLoss", opts); // checked for the message; one sample needs no reduction
  const xs = predictions("crossEntropyLoss", logits, "logits");
  each(
    "crossEntropyLoss",
    xs.map((x) => x.data),
    Number.isFinite,
    "finite logits",
  );
  if (
    typeof target !== "number" ||
    !Number.isInteger(target) ||
    target < 0 ||
    target >= xs.length
  ) {
    const got = typeof target === "string" ? JSON.stringify(target) : String(target);
    throw new RangeError(
      `crossEntropyLoss: expected the target class as an integer in [0, ${xs.length}), got ${got}`,
    );
  }
  // #region cross-entropy
  // #region exercise:cross-entropy
  let m = xs[0]!.data;
  for (const x of xs) m = Math.max(m, x.data); // a constant: shifting every logit by m changes no gradient
  const shifted = xs.map((x) => x.sub(m)); // xⱼ − m ≤ 0: e^(xⱼ − m) ≤ 1
  let sum = shifted[0]!.exp();
  for (let j = 1; j < shifted.length; j++) sum = sum.add(shifted[j]!.exp()); // ≥ 1: e^0 is one of the terms
  return sum.log().sub(shifted[target]!); // d/dxⱼ = e^(xⱼ − m) / Σ − [j = t] = softmax(x)ⱼ − onehot(t)ⱼ
  // #endregion exercise:cross-entropy
  // #endregion cross-entropy
}
