import { Value } from "@gradbook/autograd";
import { l1Loss, mseLoss } from "@gradbook/loss";
import { describe, expect, it } from "vitest";
import type { Optimizer } from "@gradbook/optim";
import { type Dataset, fit, type Model, type Sampler } from "../src/index.ts";

// A model and an optimizer small enough to work by hand: y = w·x + b on one input, and plain
// SGD (p ← p − lr·grad). fit must drive them like any MLP and SGD.
function line(w: number, b: number): Model & { w: Value; b: Value } {
  const model = {
    w: new Value(w),
    b: new Value(b),
    forward: (x: number[]) => [model.w.mul(x[0]!).add(model.b)],
  };
  return model;
}
function sgd(params: Value[], lr: number): Optimizer {
  return {
    params,
    lr,
    zeroGrad: () => params.forEach((p) => (p.grad = 0)),
    step: () => params.forEach((p) => (p.data -= lr * p.grad)),
  };
}
const inOrder: Sampler = (n) => Array.from({ length: n }, (_, i) => [i]);
const oneBatch: Sampler = (n) => [Array.from({ length: n }, (_, i) => i)];

describe("fit", () => {
  it("takes one step of forward, loss, zero grads, backward, step: worked by hand", () => {
    // x = 2, t = 1, w = 1, b = 0: y = 2, loss (y − t)² = 1, dL/dw = 2(y − t)·x = 4, dL/db = 2.
    // With lr 0.1: w = 1 − 0.4 = 0.6, b = 0 − 0.2 = −0.2.
    const model = line(1, 0);
    const history = fit(
      model,
      { name: "one", x: [[2]], y: [1] },
      { loss: mseLoss, optimizer: sgd([model.w, model.b], 0.1), epochs: 1, sampler: inOrder },
    );
    expect([model.w.data, model.b.data]).toEqual([0.6, -0.2]);
    expect(history).toEqual({ step: [1], epoch: [1], last: [1] });
  });

  it("zeroes the gradients each step, so they do not pile up", () => {
    // Two epochs on the same point: after step 1, w = 0.6, b = −0.2, y = 1, so loss 0 and no move.
    // Gradients left over from step 1 would move them again.
    const model = line(1, 0);
    fit(
      model,
      { name: "one", x: [[2]], y: [1] },
      { loss: mseLoss, optimizer: sgd([model.w, model.b], 0.1), epochs: 2, sampler: inOrder },
    );
    expect(model.w.data).toBeCloseTo(0.6, 15);
    expect(model.b.data).toBeCloseTo(-0.2, 15);
  });

  it("averages the loss over a mini-batch, as the loss's mean reduction does", () => {
    // x = 1 → t = 0 and x = −1 → t = 2, w = 0, b = 0: errors y − t = 0 and −2,
    // MSE = (0 + 4)/2 = 2, dL/dw = (2·0·1 + 2·(−2)·(−1))/2 = 2, dL/db = (0 + 2·(−2))/2 = −2.
    const model = line(0, 0);
    const history = fit(
      model,
      { name: "two", x: [[1], [-1]], y: [0, 2] },
      { loss: mseLoss, optimizer: sgd([model.w, model.b], 0.5), epochs: 1, sampler: oneBatch },
    );
    expect(history.step).toEqual([2]);
    expect([model.w.data, model.b.data]).toEqual([-1, 1]);
  });

  it("records every step's loss, each epoch's mean and last, and calls back after each epoch", () => {
    // L1 with lr 0 never moves: the losses are |w·x + b − t| = |x − t| for w = 1, b = 0.
    const model = line(1, 0);
    const data: Dataset = { name: "three", x: [[1], [2], [4]], y: [0, 0, 0] };
    const seen: number[] = [];
    const history = fit(model, data, {
      loss: l1Loss,
      optimizer: sgd([model.w, model.b], 0),
      epochs: 2,
      sampler: inOrder,
      onEpoch: (epoch, h) => seen.push(epoch, h.epoch.length),
    });
    expect(history.step).toEqual([1, 2, 4, 1, 2, 4]);
    expect(history.epoch).toEqual([7 / 3, 7 / 3]);
    expect(history.last).toEqual([4, 4]);
    expect(seen).toEqual([0, 1, 1, 2]);
  });

  it("stops when the loss overflows, naming the epoch, the step and the lr", () => {
    // x = 1, t = 0: both gradients are 2y, so a step maps y to y − lr·(2y + 2y) = (1 − 4·lr)·y.
    // With lr = 5 that is −19y: from y = 1, the loss y² = 19^(2k) after k steps exceeds the
    // largest double (≈ 1.8e308) when 2k·log₁₀19 > 308.25, i.e. first at k = 121.
    const model = line(0.5, 0.5);
    const run = () =>
      fit(
        model,
        { name: "one", x: [[1]], y: [0] },
        { loss: mseLoss, optimizer: sgd([model.w, model.b], 5), epochs: 200, sampler: inOrder },
      );
    expect(run).toThrow(
      "fit: the loss became infinite at epoch 121 (step 121) with lr 5 — the learning rate is probably too large",
    );
  });

  it("counts from `start` when a run is trained a step per call, and names the same epoch and step as one call", () => {
    // The run above, one fit call per step: call k starts at epoch k, step k (one point, one step an epoch).
    const model = line(0.5, 0.5);
    const data = { name: "one", x: [[1]], y: [0] };
    const optimizer = sgd([model.w, model.b], 5);
    const epochs: number[] = [];
    const run = () => {
      for (let k = 0; k < 200; k++)
        fit(model, data, {
          loss: mseLoss,
          optimizer,
          epochs: 1,
          sampler: inOrder,
          start: { epoch: k, step: k },
          onEpoch: (e) => epochs.push(e),
        });
    };
    expect(run).toThrow(
      "fit: the loss became infinite at epoch 121 (step 121) with lr 5 — the learning rate is probably too large",
    );
    expect(epochs).toEqual(Array.from({ length: 121 }, (_, k) => k));
  });

  it("names NaN when the model's output is NaN, before the loss rejects it", () => {
    let calls = 0;
    const nan = new Value(0);
    nan.data = Number.NaN;
    const model: Model = { forward: () => [++calls > 9 ? nan : new Value(0.5)] };
    const run = () =>
      fit(
        model,
        { name: "two", x: [[0], [1]], y: [0, 1] },
        { loss: l1Loss, optimizer: sgd([], 0.3), epochs: 10, sampler: inOrder },
      );
    expect(run).toThrow(
      "fit: the loss became NaN at epoch 4 (step 9) with lr 0.3 — the learning rate is probably too large",
    );
  });

  it.each([
    [{ epochs: -1 }, "fit: expected epochs to be a non-negative integer, got -1"],
    [{ epochs: 1.5 }, "fit: expected epochs to be a non-negative integer, got 1.5"],
    [{ sampler: () => [] }, "fit: the sampler gave no batches for epoch 0"],
  ])("rejects %j", (opts, message) => {
    const model = line(1, 0);
    expect(() =>
      fit(
        model,
        { name: "one", x: [[1]], y: [0] },
        { loss: l1Loss, optimizer: sgd([], 0.1), epochs: 1, sampler: inOrder, ...opts },
      ),
    ).toThrow(message);
  });

  it("rejects data with a different number of points and targets, and models with two outputs", () => {
    const model = line(1, 0);
    const opts = { loss: l1Loss, optimizer: sgd([], 0.1), epochs: 1, sampler: inOrder };
    expect(() => fit(model, { name: "bad", x: [[1], [2]], y: [0] }, opts)).toThrow(
      "fit: expected as many targets as points, at least one, got 2 points and 1 targets",
    );
    const two: Model = { forward: () => [new Value(0), new Value(1)] };
    expect(() => fit(two, { name: "one", x: [[1]], y: [0] }, opts)).toThrow(
      "fit: expected a model with one output per point, got 2 outputs",
    );
  });
});
