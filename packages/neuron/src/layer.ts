import type { Value } from "@gradbook/autograd";
import { type Activation, checkActivation } from "./activation.ts";
import { checkInput, checkSize } from "./sizes.ts";
import { type Draw, defaultInit, draw, type Init } from "./init.ts";
import { Module } from "./module.ts";
import { Neuron } from "./neuron.ts";
import { type NeuronOptions, rngOf } from "./options.ts";

/**
 * A fully connected layer: `nout` neurons, each seeing all `nin` inputs, with one activation.
 * The same as PyTorch's `Linear(nin, nout)` followed by the activation: `y = f(W·x + b)` with
 * `W` of shape `[nout][nin]`.
 *
 * @example
 * const layer = new Layer(2, 3, { activation: "relu" });
 * layer.forward([1, -2]); // three Values
 */
export class Layer extends Module {
  /** The neurons, one per output: neuron j holds row j of `W` and `b[j]`. */
  readonly neurons: Neuron[];
  /** The number of inputs (fanIn). */
  readonly nin: number;
  /** The number of outputs (fanOut): one per neuron. */
  readonly nout: number;
  /** The function applied to every neuron's sum. */
  readonly activation: Activation;

  /** A layer from `nin` inputs to `nout` outputs; weights drawn in PyTorch's order (all of `W` row by row, then `b`). */
  constructor(nin: number, nout: number, opts: NeuronOptions = {}) {
    super();
    this.nin = checkSize("Layer", "nin", nin);
    this.nout = checkSize("Layer", "nout", nout);
    this.activation = checkActivation(opts.activation ?? "tanh", "Layer");
    const init = opts.init ?? defaultInit;
    const rng = rngOf("Layer", opts);
    // PyTorch draws a layer's whole weight matrix, row by row, before its biases: the neurons are
    // built in turn with their weights only (drawn with the layer's fanIn and fanOut), and the
    // biases are drawn after them all.
    const weight: Draw = (_fanIn, _fanOut, r) => draw(init.weight, "weight", nin, nout, r);
    const weightsOnly: Init = { weight, bias: () => 0 };
    this.neurons = Array.from(
      { length: nout },
      () => new Neuron(nin, { activation: this.activation, init: weightsOnly, rng }),
    );
    for (const n of this.neurons) n.b.data = draw(init.bias, "bias", nin, nout, rng);
  }

  // #region layer-forward
  /** Every neuron's output for the input `x`: `nout` Values. */
  forward(x: readonly (number | Value)[]): Value[] {
    checkInput("Layer.forward", x, this.nin);
    // #region exercise:layer
    const neurons = this.neurons;
    const out = new Array<Value>(neurons.length);
    for (let j = 0; j < neurons.length; j++) out[j] = neurons[j]!.forward(x);
    return out;
    // #endregion exercise:layer
  }
  // #endregion layer-forward

  // #region layer-parameters
  /** PyTorch's order: the weights row-major (`W[0][0], W[0][1], …, W[nout−1][nin−1]`), then the biases. */
  parameters(): Value[] {
    // #region exercise:parameters
    const params: Value[] = [];
    for (const n of this.neurons) for (const w of n.w) params.push(w); // W[j][i]
    for (const n of this.neurons) params.push(n.b); // b[j]
    return params;
    // #endregion exercise:parameters
  }
  // #endregion layer-parameters

  /** `Layer(2 → 5, tanh)`: inputs, outputs and activation. */
  override toString(): string {
    return `Layer(${this.nin} → ${this.nout}, ${this.activation})`;
  }
}
