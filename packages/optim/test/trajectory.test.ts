// The assignment's training run, its first ten steps, against PyTorch: the 2 → 5 → 4 → 1 tanh net with a
// linear output, L1 loss on one XOR point per step, SGD with lr 0.02 and momentum 0.9. Each step's
// output and loss before its update, and all 44 parameters after step 10, to 1e-12 relative.
//
// fixtures/sgd_trajectory.json is written by fixtures/sgd_trajectory.py (PyTorch 1.13, float64,
// CPU; how to run it is in its first lines): the initial weights
// `init_flat` in PyTorch's order, the points' `indices` (from the README's LCG), per step the
// output and loss, and `snapshots[0].flat`, the parameters after step 10.
import { readFileSync } from "node:fs";
import { l1Loss } from "@gradbook/loss";
import { loadParameters, MLP } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import { SGD } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

interface Reference {
  lr: number;
  momentum: number;
  loss: string;
  init_flat: number[];
  indices: number[];
  steps: { step: number; index: number; output_before_update: number; loss: number }[];
  snapshots: { after_step: number; flat: number[] }[];
}
const reference = JSON.parse(
  readFileSync(new URL("fixtures/sgd_trajectory.json", import.meta.url), "utf8"),
) as Reference;

const xs = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const ys = [0, 1, 1, 0];

/** The README's LCG: s ← (1664525·s + 1013904223) mod 2³², s₀ = 2; each point is s >> 30. */
function lcgIndices(n: number): number[] {
  let s = 2;
  return Array.from({ length: n }, () => {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    return s >>> 30;
  });
}

describe("the assignment's first ten SGD steps", () => {
  it("the reference is the assignment's setting, its points the LCG's", () => {
    expect([reference.lr, reference.momentum, reference.loss]).toEqual([0.02, 0.9, "l1"]);
    expect(reference.indices).toEqual(lcgIndices(10));
    expect(reference.steps.map((s) => s.index)).toEqual(reference.indices);
  });

  it("outputs and losses before each update, parameters after step 10", () => {
    const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
    loadParameters(model, reference.init_flat);
    const params = model.parameters();
    const optimizer = new SGD(params, { lr: reference.lr, momentum: reference.momentum });
    for (const { index, output_before_update: output, loss: expected } of reference.steps) {
      const y = model.forward(xs[index]!)[0]!;
      const loss = l1Loss([y], [ys[index]!]);
      expectClose(y.data, output);
      expectClose(loss.data, expected);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
    }
    const after = reference.snapshots.find((s) => s.after_step === 10)!.flat;
    expect(params).toHaveLength(after.length);
    params.forEach((p, i) => expectClose(p.data, after[i]!));
  });
});
