// The one seeded generator makes every initializer reproducible: the same seed gives the same
// weights, another seed other weights; the fixed initializers draw nothing at all.
import type { Draw, Init } from "@gradbook/neuron";
import { MLP, Rng } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import {
  constant,
  heNormal,
  heUniform,
  lecunNormal,
  normal,
  pytorchDefault,
  assignmentInit,
  smallRandom,
  uniform,
  xavierNormal,
  xavierUniform,
  zeros,
} from "../src/index.ts";

const random: [string, Init][] = [
  ["normal", { weight: normal(0, 1), bias: normal(0, 0.1) }],
  ["uniform", { weight: uniform(-1, 1), bias: zeros() }],
  ["smallRandom", { weight: smallRandom(), bias: zeros() }],
  ["lecunNormal", { weight: lecunNormal(), bias: zeros() }],
  ["xavierNormal", { weight: xavierNormal(), bias: zeros() }],
  ["xavierUniform", { weight: xavierUniform(5 / 3), bias: zeros() }],
  ["heNormal", { weight: heNormal(), bias: zeros() }],
  ["heUniform", { weight: heUniform({ mode: "fanOut" }), bias: constant(0.1) }],
  ["pytorchDefault", pytorchDefault],
  ["assignmentInit", assignmentInit],
];

const weights = (init: Init, seed: number) =>
  new MLP(3, [4, 2], { init, seed }).parameters().map((p) => p.data);

describe("determinism", () => {
  it.each(random)("%s: the same seed gives the same model, another seed another", (_name, init) => {
    const first = weights(init, 7);
    expect(weights(init, 7)).toEqual(first);
    const other = weights(init, 8);
    // Every random parameter differs (a constant bias may not).
    const changed = other.filter((x, i) => x !== first[i]).length;
    expect(changed).toBeGreaterThanOrEqual(3 * 4 + 4 * 2);
  });

  it.each<[string, Draw, number]>([
    ["zeros", zeros(), 0],
    ["constant(0.5)", constant(0.5), 0.5],
    ["constant(-2)", constant(-2), -2],
  ])("%s: every value the same, and nothing drawn from the generator", (_name, draw, c) => {
    const rng = new Rng(3);
    const values = Array.from({ length: 100 }, (_, i) => draw(1 + (i % 7), 1 + (i % 3), rng));
    expect(values.every((x) => x === c)).toBe(true);
    // The next number is the first one a fresh generator gives: the stream was not touched,
    // so a fixed bias does not shift the weights drawn after it.
    expect(rng.nextUint32()).toBe(new Rng(3).nextUint32());
  });

  it("draws a layer's weights from the stream in PyTorch's order: W row-major, then b", () => {
    // With weight N(0, 1)·1 and bias N(0, 1)·1 the model's parameters are the stream itself.
    const model = new MLP(2, [3, 1], { init: { weight: normal(), bias: normal() }, seed: 5 });
    const rng = new Rng(5);
    const stream = Array.from({ length: 2 * 3 + 3 + 3 + 1 }, () => rng.normal());
    expect(model.parameters().map((p) => p.data)).toEqual(stream);
  });
});
