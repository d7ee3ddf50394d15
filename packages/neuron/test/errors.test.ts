// Bad input: each message names the thing that was wrong, the value received and what was expected.
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { type Activation, diagram, Layer, loadParameters, MLP, Neuron, Rng } from "../src/index.ts";

const assignmentNet = () =>
  new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });

describe("building", () => {
  it.each<[string, () => unknown, string]>([
    [
      "a zero layer size",
      () => new MLP(2, [5, 0, 1]),
      "MLP: layer sizes must be positive integers, got [5, 0, 1]",
    ],
    [
      "a fractional layer size",
      () => new MLP(2, [2.5, 1]),
      "MLP: layer sizes must be positive integers, got [2.5, 1]",
    ],
    [
      "a negative layer size",
      () => new MLP(2, [-3]),
      "MLP: layer sizes must be positive integers, got [-3]",
    ],
    [
      "a NaN layer size",
      () => new MLP(2, [Number.NaN]),
      "MLP: layer sizes must be positive integers, got [NaN]",
    ],
    [
      "a string layer size",
      () => new MLP(2, ["5" as unknown as number]),
      'MLP: layer sizes must be positive integers, got ["5"]',
    ],
    ["no layers", () => new MLP(2, []), "MLP: expected at least one layer size, got []"],
    ["a zero nin", () => new MLP(0, [1]), "MLP: nin must be a positive integer, got 0"],
    ["a fractional nin", () => new MLP(1.5, [1]), "MLP: nin must be a positive integer, got 1.5"],
    ["a layer with nout 0", () => new Layer(2, 0), "Layer: nout must be a positive integer, got 0"],
    [
      "a neuron with nin -1",
      () => new Neuron(-1),
      "Neuron: nin must be a positive integer, got -1",
    ],
    [
      "an unknown activation",
      () => new MLP(2, [1], { activation: "Tanh" as Activation }),
      'MLP: unknown activation "Tanh": expected one of tanh, relu, sigmoid, linear',
    ],
    [
      "an unknown output activation",
      () => new MLP(2, [1], { outputActivation: "softmax" as Activation }),
      'MLP: unknown outputActivation "softmax": expected one of tanh, relu, sigmoid, linear',
    ],
    [
      "an unknown neuron activation",
      () => new Neuron(2, { activation: "step" as Activation }),
      'Neuron: unknown activation "step": expected one of tanh, relu, sigmoid, linear',
    ],
    [
      "a bad seed",
      () => new MLP(2, [1], { seed: -1 }),
      "Rng: expected a seed that is an integer in [0, 2³²), got -1",
    ],
  ])("%s: RangeError", (_, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });

  it.each<[string, () => unknown, string]>([
    [
      "sizes that are a number",
      () => new MLP(2, 5 as unknown as number[]),
      "MLP: layer sizes must be an array of positive integers, got 5",
    ],
    [
      "a seed and an rng",
      () => new MLP(2, [1], { seed: 1, rng: new Rng(1) }),
      "MLP: expected a seed or an rng, not both, got seed 1 and an rng",
    ],
  ])("%s: TypeError", (_, f, message) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(message);
  });

  it.each<[string, () => unknown, string]>([
    [
      "a weight init returning NaN",
      () => new MLP(2, [3], { init: { weight: () => Number.NaN, bias: () => 0 } }),
      "init.weight: expected a finite number for fanIn 2, fanOut 3, got NaN",
    ],
    [
      "a bias init returning Infinity",
      () => new MLP(2, [3], { init: { weight: () => 1, bias: () => Infinity } }),
      "init.bias: expected a finite number for fanIn 2, fanOut 3, got Infinity",
    ],
    [
      "a lone neuron's init",
      () => new Neuron(4, { init: { weight: () => Number.NaN, bias: () => 0 } }),
      "init.weight: expected a finite number for fanIn 4, fanOut 1, got NaN",
    ],
  ])("%s: RangeError", (_, f, message) => {
    expect(f).toThrow(message);
  });
});

describe("forward", () => {
  it.each<[string, () => unknown, string]>([
    [
      "an MLP, an input too long",
      () => assignmentNet().forward([0, 1, 1]),
      "MLP.forward: expected 2 inputs, got 3: [0, 1, 1]",
    ],
    [
      "an MLP, an input too short",
      () => assignmentNet().forward([1]),
      "MLP.forward: expected 2 inputs, got 1: [1]",
    ],
    [
      "an MLP, an empty input",
      () => assignmentNet().forward([]),
      "MLP.forward: expected 2 inputs, got 0: []",
    ],
    [
      "a layer",
      () => new Layer(3, 2).forward([1, 2]),
      "Layer.forward: expected 3 inputs, got 2: [1, 2]",
    ],
    [
      "a neuron",
      () => new Neuron(1).forward([1, 2]),
      "Neuron.forward: expected 1 input, got 2: [1, 2]",
    ],
    [
      "a Value among them",
      () => assignmentNet().forward([new Value(1, "x")]),
      'MLP.forward: expected 2 inputs, got 1: [Value(data=1, label="x")]',
    ],
  ])("%s: RangeError", (_, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });

  it.each<[string, () => unknown, string]>([
    [
      "a NaN input",
      () => assignmentNet().forward([0, Number.NaN]),
      "MLP.forward: expected input 1 to be a number or a Value, got NaN",
    ],
    [
      "a string input",
      () => assignmentNet().forward(["1" as unknown as number, 0]),
      'MLP.forward: expected input 0 to be a number or a Value, got "1"',
    ],
    [
      "a number instead of a list",
      () => assignmentNet().forward(1 as unknown as number[]),
      "MLP.forward: expected an array of 2 inputs, got 1",
    ],
  ])("%s: TypeError", (_, f, message) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(message);
  });
});

describe("loadParameters", () => {
  it.each<[string, () => unknown, string]>([
    [
      "one number short",
      () => loadParameters(assignmentNet(), Array(43).fill(0)),
      "loadParameters: expected 44 numbers for MLP(2 → 5 → 4 → 1, tanh, output linear), got 43",
    ],
    [
      "one too many",
      () => loadParameters(new Neuron(2), [1, 2, 3, 4]),
      "loadParameters: expected 3 numbers for Neuron(2, tanh), got 4",
    ],
  ])("%s: RangeError", (_, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });

  it("refuses NaN and leaves the model as it was", () => {
    const n = new Neuron(2);
    const before = n.parameters().map((p) => p.data);
    expect(() => loadParameters(n, [1, Number.NaN, 3])).toThrow(
      "loadParameters: expected finite numbers, got NaN at index 1",
    );
    expect(n.parameters().map((p) => p.data)).toEqual(before);
  });
});

it("diagram refuses a maxPerLayer below 2", () => {
  expect(() => diagram(assignmentNet(), { maxPerLayer: 1 })).toThrow(
    "diagram: maxPerLayer must be an integer ≥ 2, got 1",
  );
});
