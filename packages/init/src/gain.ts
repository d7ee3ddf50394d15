import { show } from "@gradbook/autograd";
import { finite } from "./arguments.ts";

/** The nonlinearities {@link calculateGain} knows, by PyTorch's names (the layers of this library use the first four). */
export const nonlinearities = [
  "linear",
  "sigmoid",
  "tanh",
  "relu",
  "leaky_relu",
  "selu",
  "conv1d",
  "conv2d",
  "conv3d",
  "conv_transpose1d",
  "conv_transpose2d",
  "conv_transpose3d",
] as const;

/** The name of a nonlinearity, as PyTorch's `calculate_gain` spells it: `'tanh'`, `'relu'`, `'leaky_relu'`, … */
export type Nonlinearity = (typeof nonlinearities)[number];

/**
 * The recommended gain for a nonlinearity, exactly as PyTorch's `torch.nn.init.calculate_gain`:
 * the factor on a weight's std that makes up for what the activation does to the variance.
 *
 * | nonlinearity | gain |
 * | --- | --- |
 * | linear, conv*, sigmoid | 1 |
 * | tanh | 5/3 |
 * | relu | √2 |
 * | leaky_relu | √(2 / (1 + slope²)), slope = `param` (default 0.01) |
 * | selu | 3/4 |
 *
 * `param` is the negative slope of `leaky_relu`; the other nonlinearities ignore it, as in PyTorch.
 *
 * @example
 * calculateGain("relu");             // √2 ≈ 1.4142: He's std √(2/fanIn) is calculateGain("relu") / √fanIn
 * calculateGain("leaky_relu", 0.2);  // √(2 / 1.04) ≈ 1.3868
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  if (!nonlinearities.includes(nonlinearity)) {
    throw new RangeError(
      `calculateGain: unknown nonlinearity ${show(nonlinearity)}: expected one of ${nonlinearities.join(", ")}`,
    );
  }
  if (nonlinearity === "leaky_relu" && param !== undefined)
    finite("calculateGain", "negative slope for leaky_relu", param);
  // #region gain
  // #region exercise:gain
  switch (nonlinearity) {
    case "tanh":
      return 5 / 3; // tanh flattens away from 0, shrinking the variance; PyTorch's gain makes up for it
    case "relu":
      return Math.sqrt(2); // relu zeroes the negative half: E[relu(z)²] = Var(z)/2, so Var(w) doubles
    case "leaky_relu": {
      const slope = param ?? 0.01; // E[f(z)²] = (1 + slope²)·Var(z)/2
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case "selu":
      return 3 / 4; // found empirically (PyTorch pull request 50664)
    default:
      return 1; // linear and conv layers leave the variance alone; sigmoid by convention
  }
  // #endregion exercise:gain
  // #endregion gain
}
