import { loadParameters } from "./load.ts";
import { MLP } from "./mlp.ts";

/**
 * A relu network, 2 → 2 → 1 with a linear output, whose nine weights are chosen by hand (no
 * training) so that it computes XOR exactly: 0, 1, 1, 0 on the corners (0, 0), (0, 1), (1, 0),
 * (1, 1). Lesson 02 asks for it as an exercise; it shows that two relu units are enough.
 *
 * @example
 * reluXor().forward([1, 0])[0]!.data; // 1
 */
export function reluXor(): MLP {
  const model = new MLP(2, [2, 1], { activation: "relu", outputActivation: "linear" });
  // #region exercise:relu-xor
  // h₁ = relu(x₁ + x₂) is 0, 1, 1, 2 and h₂ = relu(x₁ + x₂ − 1) is 0, 0, 0, 1 on the corners,
  // so h₁ − 2·h₂ is 0, 1, 1, 0.
  loadParameters(model, [1, 1, 1, 1, 0, -1, 1, -2, 0]);
  return model;
  // #endregion exercise:relu-xor
}
