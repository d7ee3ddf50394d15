// The assignment trained with tensors gives the scalar engine's bits: every step's loss and the
// 44 parameters after 8004 steps, one point a step and a full batch of 4 a step.
import { l1Loss } from "@gradbook/loss";
import {
  loadParameters as loadScalar,
  MLP as ScalarMLP,
  parameterData as scalarData,
} from "@gradbook/neuron";
import { SGD as ScalarSGD } from "@gradbook/optim";
import { assignmentRun, fit, lcgOrder, type Sampler, xor } from "@gradbook/train";
import { describe, expect, test } from "vitest";
import { tensorFit } from "../src/index.ts";
import { bits } from "./bits.ts";

const { sizes, epochs, lr, momentum, init, order } = assignmentRun;

function scalarNet(): ScalarMLP {
  const m = new ScalarMLP(2, sizes.slice(1), { activation: "tanh", outputActivation: "linear" });
  loadScalar(m, init);
  return m;
}

function run(trainer: typeof fit, sampler: () => Sampler) {
  const model = scalarNet();
  const history = trainer(model, xor(), {
    loss: l1Loss,
    optimizer: new ScalarSGD(model.parameters(), { lr, momentum }),
    epochs,
    sampler: sampler(),
  });
  return { history, params: scalarData(model) };
}

describe("tensors give the engine's bits", () => {
  test("one point a step in the LCG order: every loss and the 44 parameters after 8004 steps", () => {
    const engine = run(fit, () => lcgOrder(order));
    const tensors = run(tensorFit as typeof fit, () => lcgOrder(order));
    expect(tensors.history.step.length).toBe(8004);
    expect(bits(tensors.history.step)).toEqual(bits(engine.history.step));
    expect(bits(tensors.params)).toEqual(bits(engine.params));
  });

  test("a full batch of 4, in a shuffled order each epoch", () => {
    // Each epoch the four points in an order of their own, one batch: the backward sums over the batch run in that order.
    const shuffled = (): Sampler => {
      let s = 7;
      return (n) => {
        const idx = Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
          s = (Math.imul(1664525, s) + 1013904223) >>> 0;
          const j = Math.floor((s / 2 ** 32) * (i + 1));
          [idx[i], idx[j]] = [idx[j]!, idx[i]!];
        }
        return [idx];
      };
    };
    const engine = run(fit, shuffled);
    const tensors = run(tensorFit as typeof fit, shuffled);
    expect(tensors.history.step.length).toBe(2001);
    expect(bits(tensors.history.step)).toEqual(bits(engine.history.step));
    expect(bits(tensors.params)).toEqual(bits(engine.params));
  });
});
