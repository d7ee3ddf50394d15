import { math } from "@gradbook/autograd";
import { fmt } from "./shape.ts";
import { result, type Tensor } from "./tensor.ts";

/**
 * `log softmax` along the last axis: out[r, j] = x[r, j] − ln Σₖ e^(x[r, k]). Each row's largest
 * element m is subtracted first, `(xⱼ − m) − ln Σₖ e^(xₖ − m)`: every exponent is ≤ 0, so nothing
 * overflows, and the sum is ≥ 1 (one term is e⁰), so its log is finite.
 *
 * Backward: with p = softmax(x) = e^out, ∂outⱼ/∂xₖ = [j = k] − pₖ, so
 * gx[k] = g[k] − pₖ · Σⱼ g[j].
 */
export function logSoftmax(a: Tensor): Tensor {
  if (a.shape.length === 0)
    throw new RangeError(
      `logSoftmax: expected a tensor with at least one axis, got ${fmt(a.shape)}`,
    );
  const c = a.shape[a.shape.length - 1]!;
  const rows = c === 0 ? 0 : a.size / c;
  const x = a.data;
  const out = new Float64Array(a.size);
  // #region exercise:log-softmax
  for (let r = 0; r < rows; r++) {
    const from = r * c;
    let m = x[from]!;
    for (let k = 1; k < c; k++) m = Math.max(m, x[from + k]!);
    let s = 0;
    for (let k = 0; k < c; k++) s += math.exp(x[from + k]! - m);
    const lse = math.log(s);
    for (let k = 0; k < c; k++) out[from + k] = x[from + k]! - m - lse;
  }
  // #endregion exercise:log-softmax
  return result("logSoftmax", out, a.shape, [a], (y) => {
    const g = y.grad!;
    const ga = a.grad!;
    for (let r = 0; r < rows; r++) {
      const from = r * c;
      let total = 0;
      for (let j = 0; j < c; j++) total += g[from + j]!;
      for (let k = 0; k < c; k++) ga[from + k]! += g[from + k]! - math.exp(out[from + k]!) * total;
    }
  });
}
