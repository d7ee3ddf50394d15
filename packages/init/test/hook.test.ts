// The initializers plug into MLP through its `init` option, which calls them with each layer's
// fans: the weights of each layer have the variance its own fans give.
import type { Draw } from "@gradbook/neuron";
import { MLP } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import {
  heNormal,
  heUniform,
  lecunNormal,
  pytorchDefault,
  xavierNormal,
  xavierUniform,
  zeros,
} from "../src/index.ts";
import { mean, meanError, variance, varianceError } from "./stats.ts";

// A 100 → 200 → 50 net: layer 1 has fans (100, 200) and 20,000 weights, layer 2 (200, 50) and 10,000.
const layerWeights = (weight: Draw, bias: Draw = zeros()) => {
  const model = new MLP(100, [200, 50], { init: { weight, bias }, seed: 11 });
  return model.layers.map((layer) => ({
    w: layer.neurons.flatMap((n) => n.w.map((w) => w.data)),
    b: layer.neurons.map((n) => n.b.data),
  }));
};

describe("initializers inside MLP", () => {
  it.each<[string, Draw, number, number, number]>([
    // name, draw, kurtosis, variance of layer 1, of layer 2 (worked from each formula)
    ["xavierNormal: 2/(fanIn + fanOut)", xavierNormal(), 3, 2 / 300, 2 / 250],
    ["xavierUniform: 2/(fanIn + fanOut)", xavierUniform(), 9 / 5, 2 / 300, 2 / 250],
    ["heNormal: 2/fanIn", heNormal(), 3, 2 / 100, 2 / 200],
    ["heUniform fanOut: 2/fanOut", heUniform({ mode: "fanOut" }), 9 / 5, 2 / 200, 2 / 50],
    ["lecunNormal: 1/fanIn", lecunNormal(), 3, 1 / 100, 1 / 200],
    ["pytorchDefault.weight: 1/(3·fanIn)", pytorchDefault.weight, 9 / 5, 1 / 300, 1 / 600],
  ])("%s, each layer with its own fans", (_name, draw, kurtosis, v1, v2) => {
    const [l1, l2] = layerWeights(draw);
    for (const [w, sigma2] of [
      [l1!.w, v1],
      [l2!.w, v2],
    ] as const) {
      expect(Math.abs(mean(w))).toBeLessThan(5 * meanError(sigma2, w.length));
      expect(Math.abs(variance(w) - sigma2)).toBeLessThan(
        5 * varianceError(sigma2, kurtosis, w.length),
      );
    }
    expect([...l1!.b, ...l2!.b].every((b) => b === 0)).toBe(true);
  });

  it("pytorchDefault gives the biases U(±1/√fanIn) too: within ±0.1 in layer 1, ±1/√200 in layer 2", () => {
    const [l1, l2] = layerWeights(pytorchDefault.weight, pytorchDefault.bias);
    expect(Math.max(...l1!.b.map(Math.abs))).toBeLessThan(0.1);
    expect(Math.max(...l2!.b.map(Math.abs))).toBeLessThan(1 / Math.sqrt(200));
    // 200 biases spread over [−0.1, 0.1]: the largest |b| is above 0.09 unless something is off
    // (probability 0.9²⁰⁰ ≈ 7e-10 otherwise).
    expect(Math.max(...l1!.b.map(Math.abs))).toBeGreaterThan(0.09);
  });

  it("an error from a draw reaches the caller, naming the initializer", () => {
    const broken: Draw = (fanIn, fanOut, rng) => heNormal()(fanIn - fanIn, fanOut, rng); // fanIn 0
    expect(() => new MLP(2, [3], { init: { weight: broken, bias: zeros() } })).toThrow(
      "heNormal: expected fanIn to be a positive integer, got 0",
    );
  });
});
