import { show, type Value } from "@gradbook/autograd";

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
/**
 * Applies the activation `f` to a neuron's sum `z`:
 * tanh(z) = (e²ᶻ − 1)/(e²ᶻ + 1) in (−1, 1), relu(z) = max(z, 0), sigmoid(z) = 1/(1 + e⁻ᶻ) in (0, 1),
 * linear(z) = z (no new node: the output is the raw score).
 */
export function activate(z: Value, f: Activation): Value {
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
