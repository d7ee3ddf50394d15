// The hand-derived twin (PlainMLP, plainFit) against the whole stack (MLP, a loss, SGD, fit):
// the same numbers over the first epochs, whatever the loss, the order or the batches.
import { assignmentInit } from "@gradbook/init";
import { l1Loss, mseLoss } from "@gradbook/loss";
import { MLP, parameterData, Rng } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import { describe, expect, it } from "vitest";
import {
  fit,
  lcgOrder,
  PlainMLP,
  plainFit,
  type Sampler,
  shuffledBatches,
  twoMoons,
  xor,
} from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

const assignmentNet = (seed?: number) =>
  new MLP(2, [5, 4, 1], {
    activation: "tanh",
    outputActivation: "linear",
    init: assignmentInit,
    seed,
  });

describe("PlainMLP and plainFit: the same numbers as the engine", () => {
  // Over 10 epochs the runs are not chaotic yet: any difference beyond rounding is a bug.
  it.each([
    ["L1, momentum, LCG order, seed 3", "l1", 0.02, 0.9, 3, () => lcgOrder(2)],
    ["MSE, momentum, LCG order, seed 11", "mse", 0.02, 0.9, 11, () => lcgOrder(2)],
    ["L1, no momentum, seed 5", "l1", 0.05, 0, 5, () => lcgOrder(7)],
    ["MSE, mini-batches of 3, seed 8", "mse", 0.1, 0.5, 8, () => shuffledBatches(new Rng(4), 3)],
  ] as const)("%s", (_, loss, lr, momentum, seed, sampler: () => Sampler) => {
    const model = assignmentNet(seed);
    const twin = new PlainMLP([2, 5, 4, 1], parameterData(model));
    const engine = fit(model, xor(), {
      loss: loss === "l1" ? l1Loss : mseLoss,
      optimizer: new SGD(model.parameters(), { lr, momentum }),
      epochs: 10,
      sampler: sampler(),
    });
    const plain = plainFit(twin, xor(), { loss, lr, momentum, epochs: 10, sampler: sampler() });
    parameterData(model).forEach((p, i) => expectClose(twin.params[i]!, p));
    plain.step.forEach((l, i) => expectClose(l, engine.step[i]!));
    expect(plain.step).toHaveLength(engine.step.length);
  });

  it("on a larger net and dataset: 2 → 8 → 8 → 1 on two moons, mini-batches of 10", () => {
    const data = twoMoons({ n: 40, seed: 2 });
    const model = new MLP(2, [8, 8, 1], {
      activation: "tanh",
      outputActivation: "linear",
      seed: 4,
    });
    const twin = new PlainMLP([2, 8, 8, 1], parameterData(model));
    fit(model, data, {
      loss: mseLoss,
      optimizer: new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 }),
      epochs: 5,
      sampler: shuffledBatches(new Rng(1), 10),
    });
    plainFit(twin, data, {
      loss: "mse",
      lr: 0.05,
      momentum: 0.9,
      epochs: 5,
      sampler: shuffledBatches(new Rng(1), 10),
    });
    parameterData(model).forEach((p, i) => expectClose(twin.params[i]!, p));
  });

  it("with a tanh output: the engine's MLP with outputActivation tanh", () => {
    const model = new MLP(2, [5, 4, 1], {
      activation: "tanh",
      outputActivation: "tanh",
      init: assignmentInit,
      seed: 6,
    });
    const twin = new PlainMLP([2, 5, 4, 1], parameterData(model), "tanh");
    for (const x of xor().x) expectClose(twin.forward(x)[0]!, model.forward(x)[0]!.data);
    fit(model, xor(), {
      loss: l1Loss,
      optimizer: new SGD(model.parameters(), { lr: 0.02, momentum: 0.9 }),
      epochs: 10,
      sampler: lcgOrder(2),
    });
    plainFit(twin, xor(), {
      loss: "l1",
      lr: 0.02,
      momentum: 0.9,
      epochs: 10,
      sampler: lcgOrder(2),
    });
    parameterData(model).forEach((p, i) => expectClose(twin.params[i]!, p));
  });

  it("with decay: the engine's SGD whose lr is set to lr / (1 + decay·e) before epoch e", () => {
    const [lr, decay] = [0.05, 0.3];
    const model = assignmentNet(9);
    const twin = new PlainMLP([2, 5, 4, 1], parameterData(model));
    const optimizer = new SGD(model.parameters(), { lr, momentum: 0.9 });
    fit(model, xor(), {
      loss: mseLoss,
      optimizer,
      epochs: 10,
      sampler: lcgOrder(2),
      onEpoch: (e) => (optimizer.lr = lr / (1 + decay * (e + 1))),
    });
    plainFit(twin, xor(), {
      loss: "mse",
      lr,
      momentum: 0.9,
      decay,
      epochs: 10,
      sampler: lcgOrder(2),
    });
    parameterData(model).forEach((p, i) => expectClose(twin.params[i]!, p));
    // and decay changes the run: without it the parameters differ
    const constant = new PlainMLP([2, 5, 4, 1], parameterData(assignmentNet(9)));
    plainFit(constant, xor(), { loss: "mse", lr, momentum: 0.9, epochs: 10, sampler: lcgOrder(2) });
    expect(
      Math.max(...constant.params.map((p, i) => Math.abs(p - twin.params[i]!))),
    ).toBeGreaterThan(1e-3);
  });

  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY])("rejects decay %d", (decay) => {
    expect(() =>
      plainFit(new PlainMLP([2, 5, 4, 1], parameterData(assignmentNet(1))), xor(), {
        loss: "l1",
        lr: 0.1,
        decay,
        epochs: 1,
        sampler: lcgOrder(2),
      }),
    ).toThrow(`plainFit: expected decay ≥ 0, got ${decay}`);
  });
});
