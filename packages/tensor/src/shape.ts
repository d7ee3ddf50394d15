// Shapes: their size, how they print in errors, and NumPy's broadcasting rule.

/** A shape as errors print it: `[4, 5]`, and `[]` for a scalar. */
export function fmt(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** The number of elements of a tensor of this shape (1 for `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Checks that `shape` is a list of non-negative integers and returns a frozen copy. */
export function checkShape(where: string, shape: unknown): readonly number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new TypeError(
      `${where}: expected a shape, a list of non-negative integers, got ${JSON.stringify(shape)}`,
    );
  }
  return Object.freeze(shape.slice());
}

// #region broadcast
/**
 * The shape of `a op b` under NumPy's broadcasting: align the shapes at their last axis; on each
 * axis the sizes must be equal or one of them 1, and the result takes the larger. A missing
 * leading axis counts as 1. `[4, 3]` with `[3]` is `[4, 3]`: the row is reused by every row.
 */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let k = 1; k <= rank; k++) {
    const da = a[a.length - k] ?? 1;
    const db = b[b.length - k] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: shapes ${fmt(a)} and ${fmt(b)} do not broadcast: axis ${rank - k} is ${da} against ${db} (expected equal sizes, or 1)`,
      );
    }
    out[rank - k] = da === 1 ? db : da;
  }
  return out;
}
// #endregion broadcast

/**
 * For each element of a tensor of shape `out`, the index of the element of a tensor of shape
 * `from` (which broadcasts to `out`) that it reads: the axes where `from` has size 1, or does not
 * exist, do not move the index.
 */
export function broadcastIndex(from: readonly number[], out: readonly number[]): Int32Array {
  const rank = out.length;
  const strides = new Array<number>(rank).fill(0); // from's stride on each axis of out; 0 where broadcast
  let stride = 1;
  for (let k = 1; k <= from.length; k++) {
    const d = from[from.length - k]!;
    if (d !== 1) strides[rank - k] = stride;
    stride *= d;
  }
  const index = new Int32Array(sizeOf(out));
  const counter = new Array<number>(rank).fill(0);
  let at = 0;
  for (let i = 0; i < index.length; i++) {
    index[i] = at;
    // Advance the counter like an odometer, the last axis fastest.
    for (let axis = rank - 1; axis >= 0; axis--) {
      at += strides[axis]!;
      if (++counter[axis]! < out[axis]!) break;
      at -= strides[axis]! * out[axis]!;
      counter[axis] = 0;
    }
  }
  return index;
}
