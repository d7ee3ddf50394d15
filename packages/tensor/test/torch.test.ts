// Every op's value and gradient against PyTorch (float64), broadcasting included: fixtures from
// test/fixtures/torch_ops.py, at 1e-12.
import { readFileSync } from "node:fs";
import { expectClose } from "@gradbook/testing";
import { describe, expect, test } from "vitest";
import { crossEntropy, l1Loss, linear, mseLoss, nllLoss, Tensor, tensor } from "../src/index.ts";

interface Plain {
  shape: number[];
  data: number[];
}
interface Case {
  name: string;
  inputs: Plain[];
  g: Plain;
  out: Plain;
  grads: Plain[];
}
const fixtures = JSON.parse(
  readFileSync(new URL("fixtures/torch_ops.json", import.meta.url), "utf8"),
) as { cases: Case[] };

/** Each element within 1e-12 relative (1e-15 absolute near 0, where cancellation leaves rounding noise). */
function expectAllClose(got: ArrayLike<number>, want: readonly number[]): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expectClose(got[i]!, want[i]!, 1e-12, 1e-15);
}

const mseTarget = [0.5, 1, -1, 2, 0, 0.25];
// The same expressions as torch_ops.py's, by name.
const EXPRESSIONS: Record<string, (...xs: Tensor[]) => Tensor> = {
  "add [2,3] + [3]": (a, b) => a.add(b),
  "add [2,1] + [1,3]": (a, b) => a.add(b),
  "add [4,1,3] + [2,1]": (a, b) => a.add(b),
  "sub [3] - [2,3]": (a, b) => a.sub(b),
  "mul [2,3] * [2,1]": (a, b) => a.mul(b),
  "mul [] * [2,3]": (a, b) => a.mul(b),
  "div [2,3] / [3]": (a, b) => a.div(b),
  "div [2,1] / [2,3]": (a, b) => a.div(b),
  "add, sub, mul, div a number": (a) => a.add(2).mul(-3).sub(0.5).div(4),
  "pow 3": (a) => a.pow(3),
  "pow 0.5": (a) => a.pow(0.5),
  "pow -2": (a) => a.pow(-2),
  neg: (a) => a.neg(),
  exp: (a) => a.exp(),
  log: (a) => a.log(),
  tanh: (a) => a.tanh(),
  relu: (a) => a.relu(),
  sigmoid: (a) => a.sigmoid(),
  softplus: (a) => a.softplus(),
  sin: (a) => a.sin(),
  cos: (a) => a.cos(),
  abs: (a) => a.abs(),
  "matmul [3,4] @ [4,2]": (a, b) => a.matmul(b),
  "matmul [1,5] @ [5,1]": (a, b) => a.matmul(b),
  T: (a) => a.T(),
  sum: (a) => a.sum(),
  "sum axis 0": (a) => a.sum(0),
  "sum axis -1": (a) => a.sum(-1),
  mean: (a) => a.mean(),
  "mean axis 1": (a) => a.mean(1),
  "reshape [3,-1]": (a) => a.reshape([3, -1]),
  "gather rows 2 0 2": (a) => a.gather([2, 0, 2]),
  linear: (x, w, b) => linear(x, w, b),
  logSoftmax: (a) => a.logSoftmax(),
  "logSoftmax near ±1000": (a) => a.logSoftmax(),
  crossEntropy: (a) => crossEntropy(a, [2, 0, 1, 2]),
  "crossEntropy near ±1000": (a) => crossEntropy(a, [1, 1]),
  "crossEntropy sum": (a) => crossEntropy(a, [0, 0, 1, 2], { reduction: "sum" }),
  nllLoss: (a) => nllLoss(a, [3, 0, 1]),
  l1Loss: (a) => l1Loss(a, [0, 1, 1, 0]),
  mseLoss: (a) => mseLoss(a, mseTarget),
  "mseLoss sum": (a) => mseLoss(a, mseTarget, { reduction: "sum" }),
};

describe("ops against PyTorch float64", () => {
  test("every fixture has its expression here, and every expression a fixture", () => {
    expect(fixtures.cases.map((c) => c.name).sort()).toEqual(Object.keys(EXPRESSIONS).sort());
  });

  test.each(fixtures.cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
    const inputs = c.inputs.map((x) => tensor(x.data, x.shape, { requiresGrad: true }));
    const out = EXPRESSIONS[name]!(...inputs);
    expect(out.shape).toEqual(c.out.shape);
    expectAllClose(out.data, c.out.data);
    // d sum(out · g) / d input: out's gradient seeded with g, not with ones.
    out.mul(tensor(c.g.data, c.g.shape)).sum().backward();
    inputs.forEach((x, k) => {
      expect(x.grad, `grad of input ${k}`).not.toBeNull();
      expectAllClose(x.grad!, c.grads[k]!.data);
    });
  });
});
