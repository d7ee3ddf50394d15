import {
  BLOCK_ROWS,
  linearBackward,
  linearForward,
  matmulBackward,
  matmulForward,
} from "./kernels.ts";
import { fmt } from "./shape.ts";
import { result, type Tensor } from "./tensor.ts";
import { simdFor } from "./wasm/simd.ts";

/** The matrix product `a @ b` of a `[n, k]` and a `[k, m]` matrix: `[n, m]`. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
    const [n, k] = a.shape.length === 2 ? a.shape : ["n", "k"];
    throw new RangeError(
      `matmul: expected [${n}, ${k}] @ [${k}, m], got ${fmt(a.shape)} @ ${fmt(b.shape)}`,
    );
  }
  const [n, k] = a.shape as [number, number];
  const m = b.shape[1]!;
  const out = new Float64Array(n * m);
  matmulForward(a.data, b.data, n, k, m, out);
  return result("matmul", out, [n, m], [a, b], (y) =>
    matmulBackward(a.data, b.data, y.grad!, n, k, m, a.grad, b.grad),
  );
}

/**
 * A layer's pre-activations for a batch, `x @ wᵀ + bias` (PyTorch's `F.linear`): `x` is
 * `[batch, nin]`, `w` is `[nout, nin]` as PyTorch stores a layer's weights, `bias` is `[nout]`
 * or null. One op rather than `x.matmul(w.T()).add(bias)`: each sum starts from the bias, as the
 * scalar engine's neuron does, so the two engines round alike.
 */
export function linear(x: Tensor, w: Tensor, bias: Tensor | null = null): Tensor {
  if (w.shape.length !== 2)
    throw new RangeError(`linear: expected a weight shaped [nout, nin], got ${fmt(w.shape)}`);
  const [nout, nin] = w.shape as [number, number];
  if (x.shape.length !== 2 || x.shape[1] !== nin) {
    throw new RangeError(
      `linear: expected an input shaped [batch, ${nin}] for a weight ${fmt(w.shape)}, got ${fmt(x.shape)}`,
    );
  }
  if (bias !== null && (bias.shape.length !== 1 || bias.shape[0] !== nout)) {
    throw new RangeError(
      `linear: expected a bias shaped [${nout}] for a weight ${fmt(w.shape)}, got ${fmt(bias.shape)}`,
    );
  }
  const batch = x.shape[0]!;
  const out = new Float64Array(batch * nout);
  // A point or a few, with w in a SIMD memory (a big model's parameter store): the kernels' loops
  // in WebAssembly SIMD, the same sums in the same order.
  const simd = batch < BLOCK_ROWS ? simdFor(w.data) : undefined;
  const b = bias === null ? null : bias.data;
  if (!simd?.forwardRows(x.data, w.data, b, batch, nin, nout, out))
    linearForward(x.data, w.data, b, batch, nin, nout, out);
  const parents = bias === null ? [x, w] : [x, w, bias];
  return result("linear", out, [batch, nout], parents, (y) => {
    const [g, gx, gw] = [y.grad!, x.grad, w.grad];
    const fused =
      gx !== null && gw !== null && simd?.backwardRows(x.data, w.data, g, batch, nin, nout, gx, gw);
    // What is left to the JS loops: the bias's gradient, and the others unless SIMD did them.
    const [restX, restW] = fused === true ? [null, null] : [gx, gw];
    linearBackward(x.data, w.data, g, batch, nin, nout, restX, restW, bias?.grad ?? null);
  });
}
