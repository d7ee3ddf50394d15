// calculateGain against PyTorch's table (torch.nn.init.calculate_gain), each value worked by hand.
import { describe, expect, it } from "vitest";
import { nonlinearities } from "../src/gain.ts";
import { calculateGain, type Nonlinearity } from "../src/index.ts";

describe("calculateGain", () => {
  it.each<[Nonlinearity, number | undefined, number]>([
    ["linear", undefined, 1],
    ["sigmoid", undefined, 1],
    ["conv2d", undefined, 1],
    ["conv_transpose3d", undefined, 1],
    ["tanh", undefined, 1.6666666666666667], // 5/3, as Python's 5.0 / 3
    ["relu", undefined, 1.4142135623730951], // √2
    ["leaky_relu", undefined, 1.4141428569978354], // √(2/(1 + 0.01²)) = √(2/1.0001)
    ["leaky_relu", 0, 1.4142135623730951], // slope 0 is relu
    ["leaky_relu", 0.2, 1.3867504905630728], // √(2/1.04)
    ["leaky_relu", 1, 1], // slope 1 is the identity: √(2/2)
    ["leaky_relu", Math.sqrt(5), 0.5773502691896257], // PyTorch's Linear default: √(2/6) = √(1/3)
    ["selu", undefined, 0.75],
    ["relu", 0.2, 1.4142135623730951], // the parameter is leaky_relu's only: ignored, as in PyTorch
  ])("%s with param %s: %d", (nonlinearity, param, gain) => {
    expect(calculateGain(nonlinearity, param)).toBeCloseTo(gain, 15);
  });

  it("knows every nonlinearity it lists", () => {
    for (const name of nonlinearities) expect(calculateGain(name)).toBeGreaterThan(0);
  });

  it.each<[string, () => number, ErrorConstructor, string]>([
    [
      "an unknown nonlinearity",
      () => calculateGain("softmax" as Nonlinearity),
      RangeError,
      'calculateGain: unknown nonlinearity "softmax": expected one of linear, sigmoid, tanh, relu, leaky_relu, selu, conv1d',
    ],
    [
      "a NaN slope",
      () => calculateGain("leaky_relu", Number.NaN),
      RangeError,
      "calculateGain: expected a finite negative slope for leaky_relu, got NaN",
    ],
    [
      "a slope that is not a number",
      () => calculateGain("leaky_relu", true as unknown as number),
      TypeError,
      "calculateGain: expected a finite negative slope for leaky_relu, got true",
    ],
  ])("rejects %s", (_what, f, type, message) => {
    expect(f).toThrow(type);
    expect(f).toThrow(message);
  });
});
