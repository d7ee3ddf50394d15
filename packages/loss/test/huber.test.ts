// The Huber loss against PyTorch's F.huber_loss (1.13, float64): fixtures/torch-huber.json, from
// fixtures/torch_huber.py beside it. Lesson 03 asks for it as an exercise and does not show it.
import { readFileSync } from "node:fs";
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { huberLoss, mseLoss, l1Loss } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

interface Case {
  name: string;
  pred: number[];
  target: number[];
  delta: number;
  reduction: "mean" | "sum";
  loss: number;
  grad: number[];
}
const { cases } = JSON.parse(
  readFileSync(new URL("fixtures/torch-huber.json", import.meta.url), "utf8"),
) as { cases: Case[] };

describe("huberLoss against PyTorch", () => {
  it("the fixture has both reductions, three deltas and the edge cases", () => {
    expect(cases).toHaveLength(21);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: loss and gradient", (_, c) => {
    const pred = c.pred.map((p) => new Value(p));
    const loss = huberLoss(pred, c.target, { delta: c.delta, reduction: c.reduction });
    loss.backward();
    expectClose(loss.data, c.loss, 1e-12);
    pred.forEach((p, i) => expectClose(p.grad, c.grad[i]!, 1e-12));
  });
});

describe("huberLoss by its two pieces", () => {
  // Small errors: half the squared error. Large ones: δ·(|e| − ½δ), here δ = 1, |e| = 3: 2.5.
  it("is half the MSE when every error is below delta", () => {
    expectClose(huberLoss([0.2, -0.4], [0, 0]).data, mseLoss([0.2, -0.4], [0, 0]).data / 2, 1e-15);
  });
  it("is the L1 loss less ½δ, times δ, when every error is beyond delta", () => {
    expectClose(
      huberLoss([3, -5], [0, 0], { delta: 2 }).data,
      2 * (l1Loss([3, -5], [0, 0]).data - 1),
      1e-15,
    );
  });
  it.each([0, -1, Number.NaN, Infinity])("rejects delta %s", (delta) => {
    expect(() => huberLoss([1], [0], { delta })).toThrow(
      /huberLoss: expected delta to be a finite number > 0/,
    );
  });
});
