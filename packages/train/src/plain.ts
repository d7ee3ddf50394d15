// The same network with no graph: the forward pass and the chain rule written out by hand over
// plain Float64Arrays. It checks the engine (same numbers to 1e-12), sets the bar for `pnpm bench`,
// and is fast enough to train the same net hundreds of times for the robustness sweep.

import { math, ops } from "@gradbook/autograd";

const { tanhDerivative } = ops; // tanh′ from tanh's output, the engine's own

/**
 * A fully connected net with tanh hidden layers and a linear output (or a tanh one, with
 * `output: "tanh"`), its forward and backward derived by hand. Parameters are one flat array in PyTorch's order (layer by layer, `W[out][in]`
 * row-major, then `b`), the order of `MLP.parameters()`.
 *
 * @example
 * const net = new PlainMLP([2, 5, 4, 1], init); // init: 44 numbers
 * const y = net.forward([0, 1])[0]!;
 * net.zeroGrad();
 * net.backward([Math.sign(y - 1)]);             // d|y − 1|/dy: net.grad holds d loss / d params
 */
export class PlainMLP {
  /** The parameters, flat, in PyTorch's order. */
  readonly params: Float64Array;
  /** d loss / d params after `backward`, accumulated (`+=`) until `zeroGrad`. */
  readonly grad: Float64Array;
  /** Each layer's input, then the output: `acts[l]` has `sizes[l]` entries. */
  private readonly acts: Float64Array[];
  /** d loss / d(pre-activation) of each layer, computed by `backward`. */
  private readonly deltas: Float64Array[];
  /** Where layer l's weights start in `params`; its biases follow them. */
  private readonly offsets: number[] = [];

  constructor(
    readonly sizes: readonly number[],
    params: ArrayLike<number>,
    /** The output layer's activation. @default "linear" */
    readonly output: "linear" | "tanh" = "linear",
  ) {
    if (sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s > 0)) {
      throw new RangeError(
        `PlainMLP: expected at least two layer sizes that are positive integers, got [${sizes.join(", ")}]`,
      );
    }
    let count = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      this.offsets.push(count);
      count += sizes[l + 1]! * (sizes[l]! + 1); // W[out][in] and b[out]
    }
    if (params.length !== count) {
      throw new RangeError(
        `PlainMLP: expected ${count} parameters for sizes [${sizes.join(", ")}], got ${params.length}`,
      );
    }
    this.params = Float64Array.from(params);
    this.grad = new Float64Array(count);
    this.acts = sizes.map((s) => new Float64Array(s));
    this.deltas = sizes.map((s) => new Float64Array(s));
  }

  // #region forward
  /** The output for input `x` (a view into the net's own buffer: copy it to keep it). */
  forward(x: ArrayLike<number>): Float64Array {
    const p = this.params;
    const acts = this.acts;
    const input = acts[0]!;
    for (let i = 0; i < input.length; i++) input[i] = x[i]!;
    const last = acts.length - 2;
    for (let l = 0; l <= last; l++) {
      const a = acts[l]!;
      const out = acts[l + 1]!;
      const nin = a.length;
      let w = this.offsets[l]!; // W_ji is p[w + j·nin + i]: walk it row by row
      const b = w + out.length * nin;
      // #region exercise:forward
      for (let j = 0; j < out.length; j++) {
        let z = p[b + j]!; // start from the bias, as the engine's Neuron does: the same rounding
        for (let i = 0; i < nin; i++) z += p[w++]! * a[i]!;
        out[j] = l === last ? z : math.tanh(z); // tanh hidden, linear output
      }
      // #endregion exercise:forward
    }
    const y = acts[last + 1]!;
    if (this.output === "tanh") for (let j = 0; j < y.length; j++) y[j] = math.tanh(y[j]!);
    return y;
  }
  // #endregion forward

  // #region backward
  /**
   * Backpropagation for the last `forward`: given d loss / d output, adds d loss / d params to `grad`.
   */
  backward(dOut: ArrayLike<number>): void {
    const p = this.params;
    const g = this.grad;
    const acts = this.acts;
    const deltas = this.deltas;
    const top = deltas[deltas.length - 1]!;
    const y = acts[acts.length - 1]!;
    // A linear output has d loss/dz = d loss/dy; a tanh output multiplies by tanh′ = 1 − y².
    for (let j = 0; j < top.length; j++)
      top[j] = dOut[j]! * (this.output === "tanh" ? tanhDerivative(y[j]!) : 1);
    for (let l = acts.length - 2; l >= 0; l--) {
      const a = acts[l]!;
      const delta = deltas[l + 1]!;
      const below = deltas[l]!;
      const nin = a.length;
      let w = this.offsets[l]!;
      const b = w + delta.length * nin;
      // #region exercise:backward
      below.fill(0);
      for (let j = 0; j < delta.length; j++) {
        const d = delta[j]!;
        g[b + j]! += d; // ∂z_j/∂b_j = 1
        for (let i = 0; i < nin; i++, w++) {
          g[w]! += d * a[i]!; // ∂z_j/∂W_ji = a_i
          below[i]! += d * p[w]!; // ∂z_j/∂a_i = W_ji
        }
      }
      // a_i = tanh(z_i) below the output: ∂a_i/∂z_i = 1 − a_i² (the input layer has no z)
      if (l > 0) for (let i = 0; i < nin; i++) below[i]! *= tanhDerivative(a[i]!);
      // #endregion exercise:backward
    }
  }
  // #endregion backward

  /** Sets every gradient to 0 (backward accumulates). */
  zeroGrad(): void {
    this.grad.fill(0);
  }
}
