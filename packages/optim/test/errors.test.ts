// Bad settings fail at construction, with a message naming the optimizer, the option, the value
// received and what was expected.
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { Adam, SGD } from "../src/index.ts";

const p = () => [new Value(1), new Value(2)];
type Make = () => unknown;

describe("SGD's options", () => {
  it.each<[string, Make, string]>([
    [
      "negative lr",
      () => new SGD(p(), { lr: -0.1 }),
      "SGD: expected lr to be a finite number ≥ 0, got -0.1",
    ],
    [
      "NaN lr",
      () => new SGD(p(), { lr: Number.NaN }),
      "SGD: expected lr to be a finite number ≥ 0, got NaN",
    ],
    [
      "infinite lr",
      () => new SGD(p(), { lr: Infinity }),
      "SGD: expected lr to be a finite number ≥ 0, got Infinity",
    ],
    [
      "lr as a string",
      () => new SGD(p(), { lr: "0.1" as unknown as number }),
      'SGD: expected lr to be a finite number ≥ 0, got "0.1"',
    ],
    [
      "momentum 1",
      () => new SGD(p(), { lr: 0.1, momentum: 1 }),
      "SGD: expected momentum in [0, 1), got 1",
    ],
    [
      "negative momentum",
      () => new SGD(p(), { lr: 0.1, momentum: -0.5 }),
      "SGD: expected momentum in [0, 1), got -0.5",
    ],
    [
      "NaN momentum",
      () => new SGD(p(), { lr: 0.1, momentum: Number.NaN }),
      "SGD: expected momentum in [0, 1), got NaN",
    ],
    [
      "dampening above 1",
      () => new SGD(p(), { lr: 0.1, momentum: 0.9, dampening: 1.5 }),
      "SGD: expected dampening in [0, 1], got 1.5",
    ],
    [
      "negative dampening",
      () => new SGD(p(), { lr: 0.1, dampening: -0.1 }),
      "SGD: expected dampening in [0, 1], got -0.1",
    ],
    [
      "negative weight decay",
      () => new SGD(p(), { lr: 0.1, weightDecay: -1e-4 }),
      "SGD: expected weightDecay to be a finite number ≥ 0, got -0.0001",
    ],
    [
      "infinite weight decay",
      () => new SGD(p(), { lr: 0.1, weightDecay: Infinity }),
      "SGD: expected weightDecay to be a finite number ≥ 0, got Infinity",
    ],
    [
      "nesterov without momentum",
      () => new SGD(p(), { lr: 0.1, nesterov: true }),
      "SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0 and dampening 0",
    ],
    [
      "nesterov with dampening",
      () => new SGD(p(), { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }),
      "SGD: nesterov needs momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.1",
    ],
    [
      "nesterov not a boolean",
      () => new SGD(p(), { lr: 0.1, momentum: 0.9, nesterov: 1 as unknown as boolean }),
      "SGD: expected nesterov to be true or false, got 1",
    ],
    [
      "no lr",
      () => new SGD(p(), { momentum: 0.9 } as unknown as { lr: number }),
      "SGD: expected options with a learning rate lr, got an object",
    ],
    [
      "no options",
      () => new SGD(p(), undefined as unknown as { lr: number }),
      "SGD: expected options with a learning rate lr, got undefined",
    ],
    [
      "PyTorch's spelling",
      () => new SGD(p(), { lr: 0.1, weight_decay: 0.01 } as unknown as { lr: number }),
      'SGD: unknown option "weight_decay": expected lr, momentum, dampening, nesterov or weightDecay',
    ],
    [
      "options that are a number",
      () => new SGD(p(), 0.1 as unknown as { lr: number }),
      "SGD: expected an options object, got 0.1",
    ],
  ])("%s", (_, make, message) => {
    expect(make).toThrow(message);
  });

  it("a new lr is checked too, and a refused one leaves the old in place", () => {
    const optimizer = new SGD(p(), { lr: 0.1 });
    expect(() => (optimizer.lr = -1)).toThrow(RangeError);
    expect(() => (optimizer.lr = Number.NaN)).toThrow(
      "SGD: expected lr to be a finite number ≥ 0, got NaN",
    );
    expect(optimizer.lr).toBe(0.1);
  });
});

describe("Adam's options", () => {
  it.each<[string, Make, string]>([
    [
      "negative lr",
      () => new Adam(p(), { lr: -1 }),
      "Adam: expected lr to be a finite number ≥ 0, got -1",
    ],
    [
      "beta1 of 1",
      () => new Adam(p(), { betas: [1, 0.999] }),
      "Adam: expected betas[0] in [0, 1), got 1",
    ],
    [
      "negative beta2",
      () => new Adam(p(), { betas: [0.9, -0.1] }),
      "Adam: expected betas[1] in [0, 1), got -0.1",
    ],
    [
      "one beta",
      () => new Adam(p(), { betas: [0.9] as unknown as [number, number] }),
      "Adam: expected betas to be a pair [β₁, β₂], got [0.9]",
    ],
    [
      "eps 0",
      () => new Adam(p(), { eps: 0 }),
      "Adam: expected eps to be a finite number > 0, got 0",
    ],
    [
      "negative eps",
      () => new Adam(p(), { eps: -1e-8 }),
      "Adam: expected eps to be a finite number > 0, got -1e-8",
    ],
    [
      "negative weight decay",
      () => new Adam(p(), { weightDecay: -0.01 }),
      "Adam: expected weightDecay to be a finite number ≥ 0, got -0.01",
    ],
    [
      "PyTorch's spelling",
      () => new Adam(p(), { beta1: 0.9 } as unknown as object),
      'Adam: unknown option "beta1": expected lr, betas, eps or weightDecay',
    ],
  ])("%s", (_, make, message) => {
    expect(make).toThrow(message);
  });

  it("a new lr is checked too", () => {
    const optimizer = new Adam(p());
    expect(() => (optimizer.lr = Infinity)).toThrow(
      "Adam: expected lr to be a finite number ≥ 0, got Infinity",
    );
    expect(optimizer.lr).toBe(1e-3);
  });
});

describe("the parameter list", () => {
  const a = new Value(1);
  it.each<[string, (params: Value[]) => unknown]>([
    ["SGD", (params) => new SGD(params, { lr: 0.1 })],
    ["Adam", (params) => new Adam(params)],
  ])("%s refuses an empty list, non-Values and a parameter listed twice", (name, make) => {
    expect(() => make([])).toThrow(
      `${name}: optimizer got an empty parameter list (expected at least one Value)`,
    );
    expect(() => make([a, 2 as unknown as Value])).toThrow(
      `${name}: expected params to be Values, got 2 at index 1`,
    );
    expect(() => make([a, new Value(2), a])).toThrow(
      `${name}: expected each parameter once, got the same Value at indices 0 and 2`,
    );
    expect(() => make(a as unknown as Value[])).toThrow(
      `${name}: expected params to be an array of Values, got Value(data=1)`,
    );
  });

  it("is copied: changing the caller's array later does not change what the optimizer steps", () => {
    const params = [new Value(1)];
    const optimizer = new SGD(params, { lr: 1 });
    params.push(new Value(5));
    params[1]!.grad = 1;
    optimizer.step();
    expect([optimizer.params.length, params[1]!.data]).toEqual([1, 5]);
  });
});
