import type { Value } from "@gradbook/autograd";

// Lesson 03's problems beyond the losses of PyTorch it rebuilds: a smooth loss written so that it
// cannot overflow, and the constant prediction each loss prefers.

/**
 * One element of the log-cosh loss, `ln cosh(y − t)`: about ½(y − t)² near the target and
 * |y − t| − ln 2 far from it (a smooth Huber). Finite for every finite error: cosh itself
 * overflows past |y − t| ≈ 710.
 */
export function logCosh(y: Value, t: number): Value {
  // #region exercise:log-cosh
  // cosh d = e^|d|·(1 + e^(−2|d|))/2, so ln cosh d = |d| + ln(1 + e^(−2|d|)) − ln 2: no exponential of a large number
  const size = y.sub(t).abs();
  return size.add(size.mul(-2).exp().add(1).log()).sub(Math.LN2);
  // #endregion exercise:log-cosh
}

/**
 * The constant c that, predicted for every target, gives the least loss: for `"mse"` the mean
 * squared error Σ(c − tᵢ)²/n, for `"l1"` the mean absolute error Σ|c − tᵢ|/n. With an even
 * number of targets L1 has a whole interval of best constants: any one of them will do.
 */
export function bestConstant(targets: readonly number[], loss: "mse" | "l1"): number {
  if (!targets.length) throw new RangeError("bestConstant: expected at least one target, got none");
  // #region exercise:best-constant
  if (loss === "mse") return targets.reduce((sum, t) => sum + t, 0) / targets.length; // d/dc Σ(c − tᵢ)² = 0 at the mean
  const sorted = [...targets].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!; // a median: as many targets above it as below
  // #endregion exercise:best-constant
}

/**
 * Cross-entropy with label smoothing (PyTorch's `label_smoothing = ε`): the target is no longer
 * all on class `target` but (1 − ε) on it plus ε spread evenly over all C classes, and the loss is
 * −Σⱼ qⱼ·log softmax(z)ⱼ for that target q. Finite for any finite logits.
 *
 * @example
 * smoothedCrossEntropy([new Value(0), new Value(0)], 0, 0.1).data; // ln 2, whatever ε
 */
export function smoothedCrossEntropy(
  logits: readonly Value[],
  target: number,
  smoothing: number,
): Value {
  // #region exercise:label-smoothing
  // log softmax(z)ⱼ = (zⱼ − m) − log Σₖ e^(zₖ − m) with m the largest logit; and Σⱼ qⱼ = 1, so the
  // loss is log Σₖ e^(zₖ − m) − Σⱼ qⱼ·(zⱼ − m)
  const m = Math.max(...logits.map((z) => z.data));
  const shifted = logits.map((z) => z.sub(m));
  const logSum = shifted
    .map((s) => s.exp())
    .reduce((sum, e) => sum.add(e))
    .log();
  const q = (j: number) => (j === target ? 1 - smoothing : 0) + smoothing / logits.length;
  return logSum.sub(shifted.map((s, j) => s.mul(q(j))).reduce((sum, term) => sum.add(term)));
  // #endregion exercise:label-smoothing
}
