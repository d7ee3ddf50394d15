// Symmetry: when every weight starts equal, every hidden unit of a layer computes the same
// thing, receives the same gradient, and takes the same step, so the units stay identical for
// good. Checked with exact equality on the assignment's 2 → 5 → 4 → 1 tanh net, trained on XOR.
import type { Init } from "@gradbook/neuron";
import { MLP } from "@gradbook/neuron";
import { mseLoss } from "@gradbook/loss";
import { describe, expect, it } from "vitest";
import { constant, heNormal, assignmentInit, zeros } from "../src/index.ts";

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [0, 1, 1, 0];

const assignmentNet = (init: Init) =>
  new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear", init, seed: 3 });

/** The MSE over the four XOR points, with its gradient in every parameter. */
function lossAndBackward(model: MLP): number {
  model.zeroGrad();
  const loss = mseLoss(
    X.map((x) => model.forward(x)[0]!),
    Y,
  );
  loss.backward();
  return loss.data;
}

/** Full-batch gradient descent, the update written out (the optimizer is a later step). */
function train(model: MLP, steps: number, lr = 0.2): number {
  for (let k = 0; k < steps; k++) {
    lossAndBackward(model);
    for (const p of model.parameters()) p.data -= lr * p.grad;
  }
  return lossAndBackward(model);
}

/** Each hidden layer's units as [w…, b] rows (data, or grad). */
const hiddenRows = (model: MLP, what: "data" | "grad") =>
  model.layers
    .slice(0, -1)
    .map((layer) => layer.neurons.map((n) => [...n.w, n.b].map((p) => p[what])));

const constants: [string, Init][] = [
  ["weights 0.5, biases 0", { weight: constant(0.5), bias: zeros() }],
  ["weights −0.3, biases 0.1", { weight: constant(-0.3), bias: constant(0.1) }],
];

describe("constant initialization never breaks the symmetry", () => {
  it.each(constants)("%s: every hidden unit of a layer gets the same gradient", (_name, init) => {
    const model = assignmentNet(init);
    lossAndBackward(model);
    for (const rows of hiddenRows(model, "grad")) {
      expect(rows[0]!.some((g) => g !== 0)).toBe(true); // a real gradient, not a trivial zero
      for (const row of rows) expect(row).toEqual(rows[0]);
    }
  });

  it.each(constants)(
    "%s: after 200 steps the units have moved, and are still identical",
    (_name, init) => {
      const model = assignmentNet(init);
      const before = hiddenRows(model, "data");
      const loss = train(model, 200);
      const after = hiddenRows(model, "data");
      for (const [l, rows] of after.entries()) {
        expect(rows[0]).not.toEqual(before[l]![0]);
        for (const row of rows) expect(row).toEqual(rows[0]);
      }
      // Identical units make the net a 2 → 1 → 1 → 1 chain, monotone in one projection s = w·x of
      // the input. The best monotone fit of XOR's targets in any order of s is worth MSE 1/6
      // (e.g. order 0, 1, 1, 0 fitted 0, ⅔, ⅔, ⅔: (0 + 1/9 + 1/9 + 4/9)/4), so the loss cannot go lower.
      expect(loss).toBeGreaterThanOrEqual(1 / 6 - 1e-12);
    },
  );

  it("with all zeros only the output bias learns: every hidden output is tanh(0) = 0, so no gradient reaches the rest", () => {
    const model = assignmentNet({ weight: zeros(), bias: zeros() });
    train(model, 50);
    const params = model.parameters();
    const outputBias = params.at(-1)!;
    expect(outputBias.data).not.toBe(0);
    expect(params.slice(0, -1).every((p) => p.data === 0)).toBe(true);
  });

  it.each<[string, Init]>([
    ["heNormal", { weight: heNormal({ nonlinearity: "tanh" }), bias: zeros() }],
    ["assignmentInit", assignmentInit],
  ])(
    "random weights (%s) break it: the units differ, and the net fits XOR below the symmetric bound 1/6",
    (_name, init) => {
      const model = assignmentNet(init);
      const loss = train(model, 500);
      for (const rows of hiddenRows(model, "data"))
        expect(new Set(rows.map((r) => r.join())).size).toBe(rows.length);
      expect(loss).toBeLessThan(0.05);
    },
  );
});
