import { relativeError } from "@gradbook/autograd";
import { fmt } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** The outcome of a tensor {@link gradcheck}. */
export interface TensorGradcheckReport {
  /** The largest relative error over every element of every input. */
  maxError: number;
  /** Where it was: input index and element index. */
  worst: { input: number; element: number; analytic: number; numeric: number };
  /** `maxError ≤ tolerance`. */
  ok: boolean;
}

/**
 * `@gradbook/autograd`'s `gradcheck` for tensors: `backward()` against the central difference
 * (f(x + h) − f(x − h)) / 2h of every element of every input, compared by relative error. `f`
 * maps the inputs to a one-element tensor.
 *
 * @example
 * const x = tensor([[0.5, -1], [2, 0.3]]);
 * gradcheck((a) => a.tanh().mul(a).sum(), [x]).ok; // true
 */
export function gradcheck(
  f: (...xs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  opts: { h?: number; tolerance?: number } = {},
): TensorGradcheckReport {
  const h = opts.h ?? 1e-5;
  const tolerance = opts.tolerance ?? 1e-6;
  const leaves = inputs.map((x) => new Tensor(Float64Array.from(x.data), x.shape, true));
  const out = f(...leaves);
  if (out.size !== 1)
    throw new RangeError(
      `gradcheck: expected f to give one number, got a tensor shaped ${fmt(out.shape)}`,
    );
  out.backward();
  const at = (k: number, i: number, v: number) =>
    f(
      ...inputs.map((x, j) => {
        const data = Float64Array.from(x.data);
        if (j === k) data[i] = v;
        return new Tensor(data, x.shape);
      }),
    ).item();
  let worst = { input: 0, element: 0, analytic: 0, numeric: 0 };
  let maxError = 0;
  inputs.forEach((x, k) => {
    for (let i = 0; i < x.size; i++) {
      const up = x.data[i]! + h;
      const down = x.data[i]! - h;
      const numeric = (at(k, i, up) - at(k, i, down)) / (up - down);
      const analytic = leaves[k]!.grad?.[i] ?? 0;
      const error = relativeError(analytic, numeric);
      if (!(error <= maxError)) {
        maxError = error;
        worst = { input: k, element: i, analytic, numeric };
      }
    }
  });
  return { maxError, worst, ok: maxError <= tolerance };
}
