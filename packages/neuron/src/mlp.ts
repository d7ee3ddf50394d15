import { show, type Value } from "@gradbook/autograd";
import { type Activation, checkActivation } from "./activation.ts";
import { checkInput, checkSize, isSize } from "./sizes.ts";
import { defaultInit } from "./init.ts";
import { Layer } from "./layer.ts";
import { Module } from "./module.ts";
import { type NeuronOptions, rngOf } from "./options.ts";

/** How an {@link MLP} is built: the hidden layers' activation, the output layer's, the initial weights. */
export interface MLPOptions extends NeuronOptions {
  /** The hidden layers' activation. @default "tanh" */
  activation?: Activation;
  /** The output layer's activation; `"linear"` for none (a raw score). @default the same as `activation` */
  outputActivation?: Activation;
}

/**
 * A multilayer perceptron: fully connected {@link Layer}s, each feeding the next. `sizes` lists
 * each layer's number of neurons; the last is the output layer.
 *
 * Weights are drawn layer by layer in PyTorch's order from one seeded generator (seed 0 unless
 * given), so the same arguments give the same model on every run and every machine.
 *
 * @example
 * // the assignment's net: 2 inputs, hidden layers of 5 and 4 tanh neurons, 1 output with no activation
 * const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
 * model.parameters().length; // 44
 * const [y] = model.forward([0, 1]);
 */
export class MLP extends Module {
  /** The number of inputs. */
  readonly nin: number;
  /** The layers, input side first; the last is the output layer. */
  readonly layers: Layer[];

  // #region mlp-constructor
  /**
   * An MLP with `nin` inputs and a layer of `sizes[l]` neurons for each l, the last the output.
   * Throws on sizes that are not positive integers and on unknown activation names.
   */
  constructor(nin: number, sizes: readonly number[], opts: MLPOptions = {}) {
    super();
    this.nin = checkSize("MLP", "nin", nin);
    if (!Array.isArray(sizes))
      throw new TypeError(
        `MLP: layer sizes must be an array of positive integers, got ${show(sizes)}`,
      );
    if (sizes.length === 0) throw new RangeError("MLP: expected at least one layer size, got []");
    if (!sizes.every(isSize))
      throw new RangeError(`MLP: layer sizes must be positive integers, got ${show(sizes)}`);
    const activation = checkActivation(opts.activation ?? "tanh", "MLP");
    const outputActivation = checkActivation(
      opts.outputActivation ?? activation,
      "MLP",
      "outputActivation",
    );
    const init = opts.init ?? defaultInit;
    const rng = rngOf("MLP", opts); // one stream for all layers, drawn in order
    const last = sizes.length - 1;
    this.layers = sizes.map(
      (nout, l) =>
        new Layer(l === 0 ? nin : sizes[l - 1]!, nout, {
          activation: l === last ? outputActivation : activation,
          init,
          rng,
        }),
    );
  }
  // #endregion mlp-constructor

  /** The layer sizes from input to output: `[2, 5, 4, 1]` for the assignment's net. */
  get sizes(): number[] {
    return [this.nin, ...this.layers.map((layer) => layer.nout)];
  }

  // #region mlp-forward
  /** The network's outputs for the input `x` (numbers or Values): always an array, one Value per output neuron. */
  forward(x: readonly (number | Value)[]): Value[] {
    checkInput("MLP.forward", x, this.nin);
    // #region exercise:mlp
    const layers = this.layers;
    let out = layers[0]!.forward(x);
    for (let l = 1; l < layers.length; l++) out = layers[l]!.forward(out);
    return out;
    // #endregion exercise:mlp
  }
  // #endregion mlp-forward

  /** Every parameter, layer by layer, each layer in PyTorch's order (`W` row-major, then `b`): a new array each call. */
  parameters(): Value[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  /** `MLP(2 → 5 → 4 → 1, tanh, output linear)`: sizes, hidden activation, and the output's if it differs. */
  override toString(): string {
    const hidden = this.layers.slice(0, -1).map((layer) => layer.activation);
    const output = this.layers.at(-1)!.activation;
    const activations =
      hidden.length === 0 || hidden[0] === output ? output : `${hidden[0]}, output ${output}`;
    return `MLP(${this.sizes.join(" → ")}, ${activations})`;
  }
}
