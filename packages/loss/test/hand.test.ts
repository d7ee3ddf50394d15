// Each loss against values and gradients worked by hand (the arithmetic beside each case).
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import {
  crossEntropyLoss,
  l1Loss,
  type LossOptions,
  losses,
  mseLoss,
  reduce,
} from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

type Batch = (pred: Value[], target: number[], opts?: LossOptions) => Value;
const { exp, log } = Math;
const sigmoid = (x: number) => 1 / (1 + exp(-x));

describe("element-wise losses: value and gradient", () => {
  // loss, predictions, targets, reduction, loss value, d loss / d prediction
  it.each<[keyof typeof losses, number[], number[], "mean" | "sum", number, number[]]>([
    // (|1 − 0| + |2 − 4|) / 2 = 1.5; sign(1) / 2, sign(−2) / 2
    ["l1", [1, 2], [0, 4], "mean", 1.5, [0.5, -0.5]],
    ["l1", [1, 2], [0, 4], "sum", 3, [1, -1]],
    // exactly at the target: |0| = 0, and the gradient is 0 (sign 0), not ±1
    ["l1", [2, -1], [2, 0], "mean", 0.5, [0, -0.5]],
    // ((1 − 0)² + (2 − 4)²) / 2 = 2.5; 2·1 / 2, 2·(−2) / 2
    ["mse", [1, 2], [0, 4], "mean", 2.5, [1, -2]],
    ["mse", [1, 2], [0, 4], "sum", 5, [2, -4]],
    ["mse", [0.5], [0.5], "mean", 0, [0]],
    // −ln 0.8; (0.8 − 1) / (0.8·0.2) = −1.25
    ["bce", [0.8], [1], "mean", -log(0.8), [-1.25]],
    // −ln(1 − 0.25) = ln(4/3); (0.25 − 0) / (0.25·0.75) = 4/3
    ["bce", [0.25], [0], "sum", log(4 / 3), [4 / 3]],
    // soft target: −(0.3·ln ½ + 0.7·ln ½) = ln 2; (0.5 − 0.3) / 0.25 = 0.8, halved by the mean
    ["bce", [0.5, 0.5], [0.3, 0.3], "mean", log(2), [0.4, 0.4]],
    // a confident hit costs 0 and gets 0: −1·ln 1 = 0, (1 − 1) / ε = 0
    ["bce", [1], [1], "mean", 0, [0]],
    // x = 0: ln(1 + e⁰) = ln 2 whatever t; σ(0) − t = 0.5 − t
    ["bce-with-logits", [0, 0], [1, 0.25], "sum", 2 * log(2), [-0.5, 0.25]],
    // x = 2, t = 0: −ln(1 − σ(2)) = ln(1 + e²); σ(2)
    ["bce-with-logits", [2], [0], "mean", log(1 + exp(2)), [sigmoid(2)]],
    // x = −3, t = 1: −ln σ(−3) = ln(1 + e³); σ(−3) − 1 = −σ(3)
    ["bce-with-logits", [-3], [1], "mean", log(1 + exp(3)), [-sigmoid(3)]],
    // (max(0, 1 − 0.25) + max(0, 1 − 3)) / 2 = 0.375; −1/2 inside the margin, 0 beyond it
    ["hinge", [0.25, -3], [1, -1], "mean", 0.375, [-0.5, 0]],
    // wrong side: 1 − (−1)·2 = 3; d/ds = −y = 1
    ["hinge", [2], [-1], "sum", 3, [1]],
    // exactly at the margin: 1 − 1·1 = 0, and the gradient is 0 (relu' at 0, as PyTorch)
    ["hinge", [1], [1], "mean", 0, [0]],
  ])("%s of %j against %j, %s", (name, pred, target, reduction, value, grads) => {
    const loss: Batch = losses[name];
    const ys = pred.map((p) => new Value(p));
    const out = loss(ys, target, { reduction });
    out.backward();
    expectClose(out.data, value, 1e-15, 1e-16);
    ys.forEach((y, i) => expectClose(y.grad, grads[i]!, 1e-15, 1e-16));
  });

  it("takes the mean by default, like PyTorch", () => {
    expect(mseLoss([new Value(1), new Value(2)], [0, 4]).data).toBe(2.5);
  });

  it("takes numbers as constant predictions", () => {
    // |1 − 0| + |2 − 4| = 3, mixed with a Value whose gradient still arrives
    const y = new Value(2);
    const out = l1Loss([1, y], [0, 4], { reduction: "sum" });
    out.backward();
    expect([out.data, y.grad]).toEqual([3, -1]);
  });

  it("accumulates the gradient of a prediction used twice", () => {
    // (y − 1)² + (y − 3)² at y = 1: 0 + 4 = 4; d/dy = 2·0 + 2·(−2) = −4
    const y = new Value(1);
    const out = mseLoss([y, y], [1, 3], { reduction: "sum" });
    out.backward();
    expect([out.data, y.grad]).toEqual([4, -4]);
  });
});

describe("crossEntropyLoss: value and gradient", () => {
  // logits, target, −ln softmaxₜ, softmax − onehot
  it.each<[number[], number, number, number[]]>([
    // four equal logits: softmax ¼ each; −ln ¼ = ln 4
    [[2, 2, 2, 2], 3, log(4), [0.25, 0.25, 0.25, -0.75]],
    // e⁰ : e^(ln 3) = 1 : 3, softmax (¼, ¾); −ln ¾ = ln(4/3)
    [[0, log(3)], 1, log(4 / 3), [0.25, -0.25]],
    [[0, log(3)], 0, log(4), [-0.75, 0.75]],
    // one class: softmax is 1, the loss is −ln 1 = 0 and nothing moves
    [[5], 0, 0, [0]],
    // (1, 2, 3): Σ eˣ = e + e² + e³; loss ln Σ − 1
    [
      [1, 2, 3],
      0,
      log(exp(1) + exp(2) + exp(3)) - 1,
      [1, 2, 3].map((x, j) => exp(x) / (exp(1) + exp(2) + exp(3)) - (j === 0 ? 1 : 0)),
    ],
  ])("%j, class %s", (logits, target, value, grads) => {
    const xs = logits.map((x) => new Value(x));
    const out = crossEntropyLoss(xs, target);
    out.backward();
    expectClose(out.data, value, 1e-15, 1e-16);
    xs.forEach((x, j) => expectClose(x.grad, grads[j]!, 1e-14, 1e-16));
  });

  it("is the same for 'mean' and 'sum': one sample is a batch of one", () => {
    const logits = [0.5, -1, 2];
    expect(crossEntropyLoss(logits, 2, { reduction: "sum" }).data).toBe(
      crossEntropyLoss(logits, 2, { reduction: "mean" }).data,
    );
  });
});

describe("reduce", () => {
  it.each<["mean" | "sum", number, number]>([
    // 1 + 2 + 6 = 9, and its gradient 1 per term
    ["sum", 9, 1],
    // 9 / 3 = 3, and 1/3 per term
    ["mean", 3, 1 / 3],
  ])("%s", (reduction, value, grad) => {
    const terms = [1, 2, 6].map((x) => new Value(x));
    const out = reduce(terms, reduction);
    out.backward();
    expect(out.data).toBe(value);
    for (const t of terms) expect(t.grad).toBe(grad);
  });
});
