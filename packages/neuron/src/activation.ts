import { show } from "@gradbook/autograd";

/** The activations a layer can apply to its neurons' sums; `linear` applies none. */
export const activations = ["tanh", "relu", "sigmoid", "linear"] as const;

/** The name of an activation: `'tanh'`, `'relu'`, `'sigmoid'` or `'linear'`. */
export type Activation = (typeof activations)[number];

/**
 * Checks an activation name and returns it; the error names the caller and the option:
 * `MLP: unknown outputActivation "softmax": expected one of tanh, relu, sigmoid, linear`.
 */
export function checkActivation(name: unknown, where: string, option = "activation"): Activation {
  if (activations.includes(name as Activation)) return name as Activation;
  throw new RangeError(
    `${where}: unknown ${option} ${show(name)}: expected one of ${activations.join(", ")}`,
  );
}

// #region activate
/** What {@link activate} needs of its input: a `Value`, or a `Tensor` of a whole layer. */
interface Activatable<T> {
  tanh(): T;
  relu(): T;
  sigmoid(): T;
}

/**
 * Applies the activation `f` to a neuron's sum `z`:
 * tanh(z) = (e²ᶻ − 1)/(e²ᶻ + 1) in (−1, 1), relu(z) = max(z, 0), sigmoid(z) = 1/(1 + e⁻ᶻ) in (0, 1),
 * linear(z) = z (no new node: the output is the raw score). `z` is a `Value`, or anything with
 * the same three methods: lesson 08's tensors use this function too.
 */
export function activate<T extends Activatable<T>>(z: T, f: Activation): T {
  switch (f) {
    case "tanh":
      return z.tanh();
    case "relu":
      return z.relu();
    case "sigmoid":
      return z.sigmoid();
    case "linear":
      return z;
  }
}
// #endregion activate
