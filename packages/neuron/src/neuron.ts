import { Value } from "@gradbook/autograd";
import { type Activation, activate, checkActivation } from "./activation.ts";
import { checkInput, checkSize } from "./sizes.ts";
import { defaultInit, draw } from "./init.ts";
import { Module } from "./module.ts";
import { type NeuronOptions, rngOf } from "./options.ts";

/**
 * One neuron: a weight per input, a bias, and an activation f applied to the weighted sum,
 * `y = f(b + Σᵢ wᵢxᵢ)`.
 *
 * @example
 * const n = new Neuron(2, { activation: "relu" });
 * n.forward([1, -2]); // relu(b + w₀·1 + w₁·(−2)), a Value
 */
export class Neuron extends Module {
  /** The weights `w₀ … wₙ₋₁`, one per input. */
  readonly w: Value[];
  /** The bias `b`. */
  readonly b: Value;
  /** The function applied to the weighted sum. */
  readonly activation: Activation;

  /**
   * A neuron with `nin` inputs. A lone neuron is a layer of one (fanIn `nin`, fanOut 1): its
   * weights are drawn first, then its bias, as PyTorch does for `Linear(nin, 1)`.
   */
  constructor(nin: number, opts: NeuronOptions = {}) {
    super();
    checkSize("Neuron", "nin", nin);
    this.activation = checkActivation(opts.activation ?? "tanh", "Neuron");
    const init = opts.init ?? defaultInit;
    const rng = rngOf("Neuron", opts);
    this.w = Array.from({ length: nin }, () => new Value(draw(init.weight, "weight", nin, 1, rng)));
    this.b = new Value(draw(init.bias, "bias", nin, 1, rng));
  }

  /** The number of inputs. */
  get nin(): number {
    return this.w.length;
  }

  // #region neuron-forward
  /** `f(b + Σᵢ wᵢxᵢ)` for the input `x` (numbers or Values), as one Value. */
  forward(x: readonly (number | Value)[]): Value {
    const w = this.w;
    // Only the length here, on the hot path; Layer and MLP check every input once per call.
    if (x.length !== w.length) checkInput("Neuron.forward", x, w.length);
    // #region exercise:neuron
    // Start from the bias and add one product at a time: two nodes per input, no arrays.
    let z = this.b;
    for (let i = 0; i < w.length; i++) z = z.add(w[i]!.mul(x[i]!)); // z += wᵢ·xᵢ
    return activate(z, this.activation);
    // #endregion exercise:neuron
  }
  // #endregion neuron-forward

  /** `[w₀ … wₙ₋₁, b]`: the weights, then the bias. */
  parameters(): Value[] {
    return [...this.w, this.b];
  }

  /** `Neuron(2, tanh)`: inputs and activation. */
  override toString(): string {
    return `Neuron(${this.nin}, ${this.activation})`;
  }
}
