import { type Value, zeroGrad } from "@gradbook/autograd";

/**
 * The base of everything with parameters (PyTorch's `nn.Module`, micrograd's `Module`): a
 * {@link Neuron}, a {@link Layer}, an {@link MLP}. Training needs only these two methods.
 */
export abstract class Module {
  /** Every parameter this module owns, in a fixed order (for an MLP, PyTorch's). */
  abstract parameters(): Value[];

  /** Sets every parameter's `grad` to 0: gradients accumulate, so call it before each `backward()`. */
  zeroGrad(): void {
    zeroGrad(this.parameters());
  }

  /** A one-line description: `MLP(2 → 5 → 4 → 1, tanh, output linear)`. */
  abstract toString(): string;

  /** Node's `console.log` and `util.inspect` print the same as `toString()`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
