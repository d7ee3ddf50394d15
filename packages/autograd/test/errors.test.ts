// Domain errors: the message names the op, the offending value and what was expected.
import { describe, expect, it } from "vitest";
import { Value } from "../src/index.ts";

describe("domain errors", () => {
  it.each<[string, () => unknown, string]>([
    [
      "log of a negative",
      () => new Value(-1).log(),
      "log: expected a positive input, got Value(data=-1)",
    ],
    ["log of 0", () => new Value(0).log(), "log: expected a positive input, got Value(data=0)"],
    [
      "log names the label",
      () => new Value(-2, "x").log(),
      'log: expected a positive input, got Value(data=-2, label="x")',
    ],
    [
      "pow, negative base, fractional exponent",
      () => new Value(-2).pow(0.5),
      "pow: expected a non-negative base for the fractional exponent 0.5, got Value(data=-2)",
    ],
    [
      "pow, 0 to a negative exponent",
      () => new Value(0).pow(-1),
      "pow: expected a non-zero base for the negative exponent -1, got Value(data=0)",
    ],
    [
      "pow, −0 to a negative exponent",
      () => new Value(-0).pow(-2),
      "pow: expected a non-zero base for the negative exponent -2, got Value(data=0)",
    ],
    [
      "div by a Value 0",
      () => new Value(1).div(new Value(0)),
      "div: expected a non-zero divisor, got Value(data=0)",
    ],
    ["div by the number 0", () => new Value(1).div(0), "div: expected a non-zero divisor, got 0"],
  ])("%s: RangeError", (_, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });

  it.each<[string, () => unknown, string]>([
    ["NaN", () => new Value(Number.NaN), "Value: expected a number, got NaN"],
    ["a string", () => new Value("3" as unknown as number), 'Value: expected a number, got "3"'],
    [
      "undefined",
      () => new Value(undefined as unknown as number),
      "Value: expected a number, got undefined",
    ],
    [
      "an object",
      () => new Value({} as unknown as number),
      "Value: expected a number, got an object",
    ],
    [
      "a NaN constant",
      () => new Value(1).mul(Number.NaN),
      "mul: expected a number or a Value, got NaN",
    ],
    [
      "a NaN constant in sub",
      () => new Value(1).sub(Number.NaN),
      "sub: expected a number or a Value, got NaN",
    ],
    [
      "a NaN exponent",
      () => new Value(1).pow(Number.NaN),
      "pow: expected a finite number as exponent, got NaN",
    ],
    [
      "an infinite exponent",
      () => new Value(2).pow(Infinity),
      "pow: expected a finite number as exponent, got Infinity",
    ],
    [
      "a NaN unary derivative",
      () => new Value(1).unary(2, Number.NaN),
      "unary: expected a value and a derivative that are numbers, got 2 and NaN",
    ],
  ])("%s: TypeError", (_, f, message) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(message);
  });

  it("accepts ±Infinity as data: overflow is IEEE, not an error", () => {
    expect(new Value(-Infinity).add(1).data).toBe(-Infinity);
  });
});
