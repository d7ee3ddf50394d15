import { loadParameters } from "./load.ts";
import { MLP } from "./mlp.ts";

// Lesson 02's problems beyond XOR by hand: a wider network set by hand, and a count to predict.

/**
 * A relu network 3 → 3 → 1 with a linear output, its sixteen weights chosen by hand (no
 * training), that computes the parity of three bits exactly: 1 when an odd number of the inputs
 * are 1, else 0, on the eight corners of the cube.
 *
 * @example
 * reluParity().forward([1, 1, 1])[0]!.data; // 1
 */
export function reluParity(): MLP {
  const model = new MLP(3, [3, 1], { activation: "relu", outputActivation: "linear" });
  // #region exercise:relu-parity
  // With s = x₁ + x₂ + x₃, the units relu(s), relu(s − 1), relu(s − 2) are 0 0 0, 1 0 0, 2 1 0 and
  // 3 2 1 for s = 0 … 3; the output h₁ − 2·h₂ + 2·h₃ is then 0, 1, 0, 1.
  loadParameters(model, [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, -1, -2, 1, -2, 2, 0]);
  return model;
  // #endregion exercise:relu-parity
}

/**
 * How many parameters `new MLP(nin, sizes)` has, counted without building it.
 *
 * @example
 * parameterCount(2, [5, 4, 1]); // 44, the assignment's network
 */
export function parameterCount(nin: number, sizes: readonly number[]): number {
  // #region exercise:parameter-count
  let count = 0;
  let fanIn = nin;
  for (const n of sizes) {
    count += (fanIn + 1) * n; // n neurons, each with fanIn weights and a bias
    fanIn = n;
  }
  return count;
  // #endregion exercise:parameter-count
}
