// Logits far beyond exp's range (e^710 = Infinity): the stable forms stay finite and agree with
// their closed forms, where the naive compositions overflow or lose the gradient.
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { bceLoss, bceWithLogitsLoss, crossEntropyLoss } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

describe("bceWithLogitsLoss at huge logits", () => {
  // For |x| ≥ 100, e^(−|x|) < 4e-44 vanishes beside 1: the loss is (1 − t)·x for x > 0 and −t·x
  // for x < 0, and σ(x) is 1 or 0, so the gradient is 1 − t or −t.
  it.each([
    [1000, 1],
    [1000, 0],
    [1000, 0.25],
    [-1000, 1],
    [-1000, 0],
    [-1000, 0.25],
    [100, 0.5],
    [-100, 0.5],
    [1e300, 0],
    [-1e300, 1],
  ])("x = %s, t = %s", (x, t) => {
    const logit = new Value(x);
    const loss = bceWithLogitsLoss([logit], [t]);
    loss.backward();
    expect(Number.isFinite(loss.data)).toBe(true);
    expectClose(loss.data, x > 0 ? (1 - t) * x : -t * x);
    expectClose(logit.grad, x > 0 ? 1 - t : -t);
  });

  it("where sigmoid then BCE gives the clamped 100 and no gradient at all", () => {
    // σ(−1000) rounds to 0: −ln 0 is clamped to 100, and σ'(−1000) = 0 stops the gradient.
    const x = new Value(-1000);
    const naive = bceLoss([x.sigmoid()], [1]);
    naive.backward();
    expect([naive.data, x.grad]).toEqual([100, 0]);
    // The stable form: the true loss 1000 and gradient σ(−1000) − 1 = −1.
    const z = new Value(-1000);
    const stable = bceWithLogitsLoss([z], [1]);
    stable.backward();
    expect([stable.data, z.grad]).toEqual([1000, -1]);
  });
});

describe("crossEntropyLoss at huge logits", () => {
  // logits, target, closed-form loss ln Σ e^xⱼ − xₜ, softmax − onehot
  it.each<[number[], number, number, number[]]>([
    // e^(−1000) and e^(−2000) vanish beside e⁰: ln Σ = 1000
    [[1000, -1000, 0], 0, 0, [0, 0, 0]],
    [[1000, -1000, 0], 1, 2000, [1, -1, 0]],
    [[1000, -1000, 0], 2, 1000, [1, 0, -1]],
    // three equal huge logits: ln(3e^1000) − 1000 = ln 3, softmax ⅓ each
    [[1000, 1000, 1000], 0, Math.log(3), [-2 / 3, 1 / 3, 1 / 3]],
    [[-1000, -1000], 1, Math.log(2), [0.5, -0.5]],
    // a difference of 1 at 800: ln(e^800 + e^799) − 799 = 1 + ln(1 + e⁻¹); softmax (σ(1), σ(−1)), σ(−1) − 1 = −σ(1)
    [
      [800, 799],
      1,
      1 + Math.log1p(Math.exp(-1)),
      [1 / (1 + Math.exp(-1)), -1 / (1 + Math.exp(-1))],
    ],
  ])("%j, class %s", (logits, target, value, grads) => {
    const xs = logits.map((x) => new Value(x));
    const loss = crossEntropyLoss(xs, target);
    loss.backward();
    expectClose(loss.data, value, 1e-14);
    xs.forEach((x, j) => expectClose(x.grad, grads[j]!, 1e-14, 1e-300));
  });
});
