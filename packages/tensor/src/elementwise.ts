import type { BinaryOp, UnaryOp, Value } from "@gradbook/autograd";
import { broadcastIndex, broadcastShapes } from "./shape.ts";
import { result, type Tensor } from "./tensor.ts";

// Elementwise ops are the scalar engine's rows (`@gradbook/autograd`'s ops.ts) applied to every
// element: the forward is the row's `forward`, and the backward is the row's own `backward`,
// called on a pair of scratch operands that hold one element's data and grad at a time. There is
// no second copy of any derivative: `tensor.tanh()` differentiates exactly as `value.tanh()` does.

/** One element as a row's `backward` sees an operand: its data, and the grad it adds to. */
interface Cell {
  data: number;
  grad: number;
}

// The rows type their operands as Values but read and write only `data` and `grad`.
const cellA: Cell = { data: 0, grad: 0 };
const cellB: Cell = { data: 0, grad: 0 };
const asValue = (c: Cell) => c as unknown as Value;

// #region unary
/** `row` applied to every element of `a`, with the number operand `k` (`addK`'s 2, `pow`'s 3; 0 for none). */
export function unary(row: UnaryOp, a: Tensor, k: number, name: string): Tensor {
  const x = a.data;
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = row.forward(x[i]!, k);
  return result(name, y, a.shape, [a], (out) => {
    const g = out.grad!;
    const ga = a.grad!;
    for (let i = 0; i < x.length; i++) {
      cellA.data = x[i]!;
      cellA.grad = ga[i]!;
      row.backward(g[i]!, y[i]!, asValue(cellA), k); // cellA.grad += g · ∂y/∂a
      ga[i] = cellA.grad;
    }
  });
}
// #endregion unary

/**
 * `row` applied to the elements of `a` and `b` paired by broadcasting. An element of `b` that a
 * `[3]` row lends to every row of a `[4, 3]` matrix is used four times, so its grad gets four
 * shares, added one by one: the backward of a broadcast is a sum over the broadcast axes.
 */
export function binary(row: BinaryOp, a: Tensor, b: Tensor, name: string): Tensor {
  const shape = broadcastShapes(name, a.shape, b.shape);
  const n = shape.reduce((s, d) => s * d, 1);
  // Where each output element reads a and b: itself when the shapes agree, else by broadcasting.
  const ia =
    a.size === n && a.shape.length === shape.length ? null : broadcastIndex(a.shape, shape);
  const ib =
    b.size === n && b.shape.length === shape.length ? null : broadcastIndex(b.shape, shape);
  const x = a.data;
  const z = b.data;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = row.forward(x[ia ? ia[i]! : i]!, z[ib ? ib[i]! : i]!);
  return result(name, y, shape, [a, b], (out) => {
    const g = out.grad!;
    const ga = a.grad;
    const gb = b.grad;
    // #region exercise:broadcast-backward
    for (let i = 0; i < n; i++) {
      const j = ia ? ia[i]! : i;
      const k = ib ? ib[i]! : i;
      cellA.data = x[j]!;
      cellA.grad = ga ? ga[j]! : 0;
      cellB.data = z[k]!;
      cellB.grad = gb ? gb[k]! : 0;
      row.backward(g[i]!, y[i]!, asValue(cellA), asValue(cellB));
      if (ga) ga[j] = cellA.grad;
      if (gb) gb[k] = cellB.grad;
    }
    // #endregion exercise:broadcast-backward
  });
}
