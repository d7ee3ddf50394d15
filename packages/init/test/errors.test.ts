// Bad input: each error names the initializer, the value that was wrong, and what was expected.
// Parameters are checked when the initializer is made; fans when it draws.
import type { Draw } from "@gradbook/neuron";
import { Rng } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import {
  constant,
  heNormal,
  heUniform,
  type KaimingOptions,
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

const as = <T>(x: unknown) => x as T;

describe("parameters, checked when the initializer is made", () => {
  it.each<[string, () => Draw, ErrorConstructor, string]>([
    [
      "a negative std",
      () => normal(0, -1),
      RangeError,
      "normal: expected a finite std ≥ 0, got -1",
    ],
    [
      "an infinite std",
      () => normal(0, Infinity),
      RangeError,
      "normal: expected a finite std ≥ 0, got Infinity",
    ],
    [
      "a NaN mean",
      () => normal(Number.NaN, 1),
      RangeError,
      "normal: expected a finite mean, got NaN",
    ],
    [
      "a std that is a string",
      () => normal(0, as("1")),
      TypeError,
      'normal: expected a finite std ≥ 0, got "1"',
    ],
    ["a > b", () => uniform(2, 1), RangeError, "uniform: expected a ≤ b, got a = 2, b = 1"],
    [
      "an infinite bound",
      () => uniform(-Infinity, 1),
      RangeError,
      "uniform: expected a finite lower bound a, got -Infinity",
    ],
    [
      "a NaN upper bound",
      () => uniform(0, Number.NaN),
      RangeError,
      "uniform: expected a finite upper bound b, got NaN",
    ],
    [
      "a NaN constant",
      () => constant(Number.NaN),
      RangeError,
      "constant: expected a finite value, got NaN",
    ],
    [
      "a negative scale",
      () => smallRandom(-0.01),
      RangeError,
      "smallRandom: expected a finite scale ≥ 0, got -0.01",
    ],
    [
      "a negative gain",
      () => xavierNormal(-1),
      RangeError,
      "xavierNormal: expected a finite gain ≥ 0, got -1",
    ],
    [
      "a NaN gain",
      () => xavierUniform(Number.NaN),
      RangeError,
      "xavierUniform: expected a finite gain ≥ 0, got NaN",
    ],
    [
      "a mode spelt as in Python",
      () => heNormal(as<KaimingOptions>({ mode: "fan_in" })),
      RangeError,
      'heNormal: expected mode "fanIn" or "fanOut", got "fan_in"',
    ],
    [
      "an unknown nonlinearity",
      () => heUniform(as<KaimingOptions>({ nonlinearity: "gelu" })),
      RangeError,
      'heUniform: unknown nonlinearity "gelu": expected one of linear, sigmoid, tanh, relu, leaky_relu, selu',
    ],
    [
      "a NaN slope",
      () => heNormal({ a: Number.NaN }),
      RangeError,
      "heNormal: expected a finite negative slope a, got NaN",
    ],
    [
      "options that are not an object",
      () => heUniform(as<KaimingOptions>(2)),
      TypeError,
      "heUniform: expected an options object, got 2",
    ],
  ])("%s", (_what, make, type, message) => {
    expect(make).toThrow(type);
    expect(make).toThrow(message);
  });
});

describe("fans, checked at every draw", () => {
  const draws: [string, Draw][] = [
    ["zeros", zeros()],
    ["constant", constant(1)],
    ["normal", normal()],
    ["uniform", uniform()],
    ["smallRandom", smallRandom()],
    ["lecunNormal", lecunNormal()],
    ["xavierNormal", xavierNormal()],
    ["xavierUniform", xavierUniform()],
    ["heNormal", heNormal()],
    ["heUniform", heUniform({ mode: "fanOut" })],
    ["pytorchDefault.weight", pytorchDefault.weight],
    ["pytorchDefault.bias", pytorchDefault.bias],
    ["assignmentInit.weight", assignmentInit.weight],
  ];
  const rng = new Rng(0);

  it.each(draws)(
    "%s rejects a fanIn of 0, a negative fanOut, a fractional or NaN fan",
    (name, draw) => {
      expect(() => draw(0, 5, rng)).toThrow(
        new RangeError(`${name}: expected fanIn to be a positive integer, got 0`),
      );
      expect(() => draw(5, -1, rng)).toThrow(
        new RangeError(`${name}: expected fanOut to be a positive integer, got -1`),
      );
      expect(() => draw(2.5, 5, rng)).toThrow(
        new RangeError(`${name}: expected fanIn to be a positive integer, got 2.5`),
      );
      expect(() => draw(5, Number.NaN, rng)).toThrow(
        new RangeError(`${name}: expected fanOut to be a positive integer, got NaN`),
      );
      expect(() => draw(as("5"), 5, rng)).toThrow(
        new TypeError(`${name}: expected fanIn to be a positive integer, got "5"`),
      );
    },
  );
});
