import { fmt } from "./shape.ts";
import { result, type Tensor } from "./tensor.ts";

/** `axis` checked against `a`'s rank, a negative one counted from the end. */
function axisOf(where: string, a: Tensor, axis: number): number {
  const rank = a.shape.length;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new RangeError(
      `${where}: expected an axis in [${-rank}, ${rank}) for a tensor shaped ${fmt(a.shape)}, got ${axis}`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * The sum of all elements (shape `[]`), or along `axis` (that axis removed). Sums start from the
 * first term and add the rest in order, as the scalar engine's losses do; every term's gradient
 * is the sum's (∂(x₀ + x₁ + …)/∂xᵢ = 1).
 */
export function sum(a: Tensor, axis?: number): Tensor {
  const x = a.data;
  if (axis === undefined) {
    let s = x.length === 0 ? 0 : x[0]!;
    for (let i = 1; i < x.length; i++) s += x[i]!;
    return result("sum", Float64Array.of(s), [], [a], (y) => {
      const g = y.grad![0]!;
      const ga = a.grad!;
      for (let i = 0; i < ga.length; i++) ga[i]! += g;
    });
  }
  const ax = axisOf("sum", a, axis);
  const n = a.shape[ax]!;
  const inner = a.shape.slice(ax + 1).reduce((p, d) => p * d, 1);
  const outer = a.shape.slice(0, ax).reduce((p, d) => p * d, 1);
  const out = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < n; k++) {
      const from = (o * n + k) * inner;
      // The first term is copied, not added to 0: the same bits as the engine's sums, −0 included.
      if (k === 0) for (let i = 0; i < inner; i++) out[o * inner + i] = x[from + i]!;
      else for (let i = 0; i < inner; i++) out[o * inner + i]! += x[from + i]!;
    }
  }
  return result("sum", out, [...a.shape.slice(0, ax), ...a.shape.slice(ax + 1)], [a], (y) => {
    const g = y.grad!;
    const ga = a.grad!;
    for (let o = 0; o < outer; o++)
      for (let k = 0; k < n; k++)
        for (let i = 0; i < inner; i++) ga[(o * n + k) * inner + i]! += g[o * inner + i]!;
  });
}

/** The mean of all elements, or along `axis`: the sum divided by how many were added (the engine's `reduce`). */
export function mean(a: Tensor, axis?: number): Tensor {
  const count = axis === undefined ? a.size : a.shape[axisOf("mean", a, axis)]!;
  if (count === 0)
    throw new RangeError(
      `mean: expected at least one element to average, got a tensor shaped ${fmt(a.shape)}`,
    );
  return sum(a, axis).div(count);
}
