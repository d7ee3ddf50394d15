import type { Value } from "@gradbook/autograd";

/** How a loss turns its per-element terms into one number: their mean (PyTorch's default) or their sum. */
export type Reduction = "mean" | "sum";

/** Options every loss takes. */
export interface LossOptions {
  /** `'mean'` averages the per-element terms, `'sum'` adds them up. @default "mean" */
  reduction?: Reduction;
}

// #region reduce
/**
 * One scalar from the per-element terms of a batch: `Σ termᵢ` for `'sum'`, `Σ termᵢ / n` for
 * `'mean'`. The mean keeps the loss, and the size of each gradient, independent of the batch size.
 */
export function reduce(terms: readonly Value[], reduction: Reduction): Value {
  // #region exercise:reduce
  let total = terms[0]!;
  for (let i = 1; i < terms.length; i++) total = total.add(terms[i]!);
  return reduction === "mean" ? total.div(terms.length) : total; // d(s/n)/ds = 1/n
  // #endregion exercise:reduce
}
// #endregion reduce
