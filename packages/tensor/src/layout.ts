// Ops that move elements without computing: their backward moves the gradient back.
import { fmt, sizeOf } from "./shape.ts";
import { result, type Tensor } from "./tensor.ts";

/** The transpose of a matrix: out[j, i] = a[i, j]. */
export function transpose(a: Tensor): Tensor {
  if (a.shape.length !== 2)
    throw new RangeError(`T: expected a matrix [n, m], got ${fmt(a.shape)}`);
  const [n, m] = a.shape as [number, number];
  const x = a.data;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j * n + i] = x[i * m + j]!;
  return result("T", out, [m, n], [a], (y) => {
    const g = y.grad!;
    const ga = a.grad!;
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) ga[i * m + j]! += g[j * n + i]!;
  });
}

/** The same elements in the shape `shape` (one axis may be −1: the size left over). */
export function reshape(a: Tensor, shape: readonly number[]): Tensor {
  const bad = () =>
    new RangeError(
      `reshape: cannot shape ${a.size} elements of ${fmt(a.shape)} as ${Array.isArray(shape) ? fmt(shape) : String(shape)}`,
    );
  if (
    !Array.isArray(shape) ||
    !shape.every((d) => Number.isInteger(d) && d >= -1) ||
    shape.indexOf(-1) !== shape.lastIndexOf(-1)
  )
    throw bad();
  const free = shape.indexOf(-1);
  const known = sizeOf(shape.filter((d) => d !== -1));
  const to = shape.slice();
  if (free >= 0) {
    if (known === 0 || a.size % known !== 0) throw bad();
    to[free] = a.size / known;
  }
  if (sizeOf(to) !== a.size) throw bad();
  // The data is shared: nothing computes, the gradient passes through unchanged.
  return result("reshape", a.data, Object.freeze(to), [a], (y) => {
    const g = y.grad!;
    const ga = a.grad!;
    for (let i = 0; i < g.length; i++) ga[i]! += g[i]!;
  });
}

/**
 * Rows of `a` along its first axis, by index: out[r] = a[rows[r]]. A row picked twice passes
 * back two gradients, added (the backward of a gather is a scatter-add).
 */
export function gather(a: Tensor, rows: ArrayLike<number>): Tensor {
  if (a.shape.length === 0)
    throw new RangeError("gather: expected a tensor with at least one axis, got a scalar []");
  const n = a.shape[0]!;
  const width = a.size / Math.max(n, 1);
  const picks = Array.from(rows);
  picks.forEach((r, k) => {
    if (!Number.isInteger(r) || r < 0 || r >= n)
      throw new RangeError(
        `gather: expected row indices that are integers in [0, ${n}), got ${r} at position ${k}`,
      );
  });
  const x = a.data;
  const out = new Float64Array(picks.length * width);
  picks.forEach((r, k) => out.set(x.subarray(r * width, (r + 1) * width), k * width));
  return result("gather", out, [picks.length, ...a.shape.slice(1)], [a], (y) => {
    const g = y.grad!;
    const ga = a.grad!;
    // #region exercise:gather
    picks.forEach((r, k) => {
      for (let i = 0; i < width; i++) ga[r * width + i]! += g[k * width + i]!;
    });
    // #endregion exercise:gather
  });
}
