// The tensor MLP starts where @gradbook/neuron's does, and its SGD steps as @gradbook/optim's does.
import { pytorchDefault } from "@gradbook/init";
import { Layer, MLP as ScalarMLP, parameterData as scalarData, Rng } from "@gradbook/neuron";
import { Adam as ScalarAdam, SGD as ScalarSGD } from "@gradbook/optim";
import { describe, expect, test } from "vitest";
import { Adam, Linear, loadParameters, MLP, parameterData, SGD, tensor } from "../src/index.ts";

describe("Linear and MLP", () => {
  test("MLP's first weights equal neuron's MLP's for the same options, in the same order", () => {
    const opts = { activation: "relu", outputActivation: "linear", seed: 7 } as const;
    const scalar = new ScalarMLP(3, [4, 2], opts);
    const model = new MLP(3, [4, 2], opts);
    expect(parameterData(model)).toEqual(scalarData(scalar));
    expect(model.parameters().map((p) => p.shape)).toEqual([[4, 3], [4], [2, 4], [2]]);
    expect(String(model)).toBe(String(scalar));
  });

  test("an MLP made from a scalar MLP copies its weights and activations", () => {
    const scalar = new ScalarMLP(3, [4, 2], {
      activation: "relu",
      outputActivation: "tanh",
      seed: 5,
    });
    const model = new MLP(scalar);
    expect(parameterData(model)).toEqual(scalarData(scalar));
    expect(String(model)).toBe(String(scalar));
    const x = [0.5, -1, 2];
    expect(Array.from(model.forward(tensor([x])).data)).toEqual(
      scalar.forward(x).map((v) => v.data),
    );
  });

  test("an initializer and a shared rng plug in as they do in neuron", () => {
    const scalar = new Layer(5, 3, { init: pytorchDefault, rng: new Rng(3) });
    const layer = new Linear(5, 3, { init: pytorchDefault, rng: new Rng(3) });
    expect(parameterData(layer)).toEqual(scalarData(scalar));
    expect(layer.weight.shape).toEqual([3, 5]);
    expect(String(layer)).toBe("Linear(5 → 3)");
  });

  test("forward is each layer's x @ Wᵀ + b and activation, for every row of the batch", () => {
    const opts = { activation: "tanh", outputActivation: "linear", seed: 1 } as const;
    const scalar = new ScalarMLP(2, [3, 1], opts);
    const model = new MLP(2, [3, 1], opts);
    const xs = [
      [0.5, -1],
      [2, 0.25],
    ];
    const y = model.forward(tensor(xs));
    expect(y.shape).toEqual([2, 1]);
    expect(Array.from(y.data)).toEqual(xs.map((x) => scalar.forward(x)[0]!.data));
  });

  test("backward accumulates into the parameters until zeroGrad", () => {
    const model = new MLP(2, [2, 1], { seed: 2 });
    const x = tensor([[1, 2]]);
    model.forward(x).sum().backward();
    const once = parameterData(model).map(
      (_, i) => model.parameters().flatMap((p) => Array.from(p.grad!))[i]!,
    );
    model.forward(x).sum().backward();
    const twice = model.parameters().flatMap((p) => Array.from(p.grad!));
    expect(twice).toEqual(once.map((g) => g + g));
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad!.every((g) => g === 0))).toBe(true);
  });

  test("loadParameters sets the numbers in parameterData's order", () => {
    const model = new MLP(2, [2, 1]);
    const flat = Array.from({ length: 9 }, (_, i) => i / 10);
    loadParameters(model, flat);
    expect(parameterData(model)).toEqual(flat);
    expect(() => loadParameters(model, [1])).toThrow(
      "loadParameters: expected 9 numbers for MLP(2 → 2 → 1, tanh), got 1",
    );
  });
});

describe("SGD over tensors", () => {
  test.each([
    { lr: 0.1 },
    { lr: 0.05, momentum: 0.9 },
    { lr: 0.05, momentum: 0.8, dampening: 0.3, weightDecay: 0.01 },
    { lr: 0.05, momentum: 0.9, nesterov: true },
  ])("five steps of %o give the scalar SGD's bits", (opts) => {
    const scalar = new ScalarMLP(2, [3, 1], { seed: 4 });
    const model = new MLP(2, [3, 1], { seed: 4 });
    const scalarOpt = new ScalarSGD(scalar.parameters(), opts);
    const opt = new SGD(model.parameters(), opts);
    for (let step = 0; step < 5; step++) {
      const x = [step / 4, 1 - step / 3];
      scalarOpt.zeroGrad();
      scalar.forward(x)[0]!.backward();
      scalarOpt.step();
      opt.zeroGrad();
      model
        .forward(tensor([x]))
        .sum()
        .backward();
      opt.step();
    }
    expect(parameterData(model)).toEqual(scalarData(scalar));
    expect(opt.steps).toBe(5);
  });
});

describe("Adam over tensors", () => {
  test.each([
    { lr: 0.01 },
    { lr: 0.05, betas: [0.8, 0.99] as const, eps: 1e-6, weightDecay: 0.01 },
  ])("five steps of %o give the scalar Adam's bits", (opts) => {
    const scalar = new ScalarMLP(2, [3, 1], { seed: 6 });
    const model = new MLP(2, [3, 1], { seed: 6 });
    const scalarOpt = new ScalarAdam(scalar.parameters(), opts);
    const opt = new Adam(model.parameters(), opts);
    for (let step = 0; step < 5; step++) {
      const x = [1 - step / 5, step / 2];
      scalarOpt.zeroGrad();
      scalar.forward(x)[0]!.backward();
      scalarOpt.step();
      opt.zeroGrad();
      model
        .forward(tensor([x]))
        .sum()
        .backward();
      opt.step();
    }
    expect(parameterData(model)).toEqual(scalarData(scalar));
    expect(opt.steps).toBe(5);
    expect(() => new Adam(model.parameters(), { eps: 0 })).toThrow(
      "Adam: expected eps to be a finite number > 0, got 0",
    );
  });
});
