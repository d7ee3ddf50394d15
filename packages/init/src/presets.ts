import type { Draw, Init } from "@gradbook/neuron";
import { normalNamed } from "./basic.ts";
import { checkFans } from "./arguments.ts";

/** U(−1/√fanIn, 1/√fanIn): what PyTorch's `Linear.reset_parameters` gives weights and biases alike. */
function fanInUniform(where: string): Draw {
  return (fanIn, fanOut, rng) => {
    checkFans(where, fanIn, fanOut);
    // #region pytorch-default
    // #region exercise:pytorch-default
    const bound = 1 / Math.sqrt(fanIn); // Var = bound²/3 = 1/(3·fanIn)
    return rng.uniform(-bound, bound);
    // #endregion exercise:pytorch-default
    // #endregion pytorch-default
  };
}

/**
 * PyTorch's default for `nn.Linear`: weights and biases both U(−1/√fanIn, 1/√fanIn).
 *
 * PyTorch writes the weights' part as `kaiming_uniform_(weight, a=√5)`: the leaky_relu gain
 * √(2/(1 + 5)) = √(1/3) gives the bound √3·√(1/3)/√fanIn = 1/√fanIn. Weight variance
 * 1/(3·fanIn): a third of LeCun's, so activations shrink in a deep stack without a later fix.
 *
 * @example
 * new MLP(2, [5, 4, 1], { init: pytorchDefault, seed: 1 });
 */
export const pytorchDefault: Init = Object.freeze({
  weight: fanInUniform("pytorchDefault.weight"),
  bias: fanInUniform("pytorchDefault.bias"),
});

/**
 * The course notebook's initialization, which the assignment's run uses: every weight N(0, 1) (its
 * `weights_init`), biases left at PyTorch's default U(−1/√fanIn, 1/√fanIn).
 *
 * The distributions are the notebook's, not its numbers: PyTorch's generator is another one, and
 * it draws the default weights before replacing them.
 *
 * @example
 * const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear", init: assignmentInit, seed: 2 });
 */
export const assignmentInit: Init = Object.freeze({
  weight: normalNamed("assignmentInit.weight", 0, 1),
  bias: pytorchDefault.bias,
});
