// Each option of SGD, and Adam's first steps, against examples worked by hand. The gradients are
// set directly (no backward), so each case is the optimizer's arithmetic alone; the numbers are
// chosen so that every intermediate is a short binary fraction and SGD's results are exact.
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { Adam, type AdamOptions, SGD, type SGDOptions } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

/** Two steps of `opt` on one parameter starting at 1, with gradient 2 then 4: p after each step. */
function twoSteps(make: (params: Value[]) => SGD | Adam): {
  p: [number, number];
  optimizer: SGD | Adam;
} {
  const p = new Value(1);
  const optimizer = make([p]);
  p.grad = 2;
  optimizer.step();
  const first = p.data;
  p.grad = 4;
  optimizer.step();
  return { p: [first, p.data], optimizer };
}

describe("SGD, two steps by hand: p = 1, g = 2 then 4, lr η = 0.5", () => {
  // name, options, p after step 1, p after step 2, momentum buffer after step 2 (0 without momentum)
  it.each<[string, Omit<SGDOptions, "lr">, number, number, number]>([
    // d = g; p ← p − η·d:  1 − 0.5·2 = 0;  0 − 0.5·4 = −2
    ["plain", {}, 0, -2, 0],
    // b₁ = g₁ = 2 (raw gradient), p = 1 − 0.5·2 = 0;  b₂ = 0.5·2 + 4 = 5, p = 0 − 0.5·5 = −2.5
    ["momentum 0.5", { momentum: 0.5 }, 0, -2.5, 5],
    // b₁ = 2 (not (1 − τ)·2 = 1), p = 0;  b₂ = 0.5·2 + (1 − 0.5)·4 = 3, p = 0 − 0.5·3 = −1.5
    ["momentum 0.5, dampening 0.5", { momentum: 0.5, dampening: 0.5 }, 0, -1.5, 3],
    // b₁ = 2, d = 2 + 0.5·2 = 3, p = 1 − 1.5 = −0.5;  b₂ = 0.5·2 + 4 = 5, d = 4 + 0.5·5 = 6.5, p = −0.5 − 3.25 = −3.75
    ["nesterov, momentum 0.5", { momentum: 0.5, nesterov: true }, -0.5, -3.75, 5],
    // d = 2 + 0.5·1 = 2.5, p = 1 − 1.25 = −0.25;  d = 4 + 0.5·(−0.25) = 3.875, p = −0.25 − 1.9375 = −2.1875
    ["weight decay 0.5", { weightDecay: 0.5 }, -0.25, -2.1875, 0],
    // d = 2.5, b₁ = 2.5, p = 1 − 1.25 = −0.25;  d = 3.875, b₂ = 0.5·2.5 + 0.5·3.875 = 3.1875, p = −0.25 − 1.59375 = −1.84375
    [
      "weight decay, momentum, dampening 0.5",
      { weightDecay: 0.5, momentum: 0.5, dampening: 0.5 },
      -0.25,
      -1.84375,
      3.1875,
    ],
    // d = 2.5, b₁ = 2.5, d = 2.5 + 1.25 = 3.75, p = 1 − 1.875 = −0.875;
    // d = 4 + 0.5·(−0.875) = 3.5625, b₂ = 1.25 + 3.5625 = 4.8125, d = 3.5625 + 2.40625 = 5.96875, p = −0.875 − 2.984375 = −3.859375
    [
      "weight decay, nesterov 0.5",
      { weightDecay: 0.5, momentum: 0.5, nesterov: true },
      -0.875,
      -3.859375,
      4.8125,
    ],
    // without momentum, dampening has nothing to damp: plain SGD
    ["dampening alone", { dampening: 0.5 }, 0, -2, 0],
  ])("%s", (_, opts, p1, p2, buffer) => {
    const { p, optimizer } = twoSteps((params) => new SGD(params, { lr: 0.5, ...opts }));
    expect(p).toEqual([p1, p2]);
    expect((optimizer as SGD).momentumBuffer[0]).toBe(buffer);
    expect(optimizer.steps).toBe(2);
  });

  it("lr 0 leaves the parameter where it is but still fills the momentum buffer", () => {
    // b₁ = 2, b₂ = 0.5·2 + 4 = 5; p ← p − 0·b
    const { p, optimizer } = twoSteps((params) => new SGD(params, { lr: 0, momentum: 0.5 }));
    expect(p).toEqual([1, 1]);
    expect((optimizer as SGD).momentumBuffer[0]).toBe(5);
  });

  it("a new lr applies from the next step", () => {
    // step 1 with η = 0.5: 1 − 0.5·2 = 0; step 2 with η = 0.25: 0 − 0.25·4 = −1
    const p = new Value(1);
    const optimizer = new SGD([p], { lr: 0.5 });
    p.grad = 2;
    optimizer.step();
    optimizer.lr = 0.25;
    p.grad = 4;
    optimizer.step();
    expect([optimizer.lr, p.data]).toEqual([0.25, -1]);
  });

  it("each parameter moves by its own gradient and keeps its own buffer", () => {
    // a: b = 1, p = 1 − 0.5 = 0.5; then b = 0.5 + 1 = 1.5, p = 0.5 − 0.75 = −0.25
    // b: b = −2, p = 0 + 1 = 1;   then b = −1 + 0 = −1,   p = 1 + 0.5 = 1.5
    const a = new Value(1);
    const b = new Value(0);
    const optimizer = new SGD([a, b], { lr: 0.5, momentum: 0.5 });
    [a.grad, b.grad] = [1, -2];
    optimizer.step();
    [a.grad, b.grad] = [1, 0];
    optimizer.step();
    expect([a.data, b.data]).toEqual([-0.25, 1.5]);
    expect([...optimizer.momentumBuffer]).toEqual([1.5, -1]);
  });
});

describe("Adam, first steps by hand: p = 1, g = 2 then 4", () => {
  it("step 1 moves by η·g / (|g| + ε): bias correction undoes the zero start", () => {
    // m = 0.1·2 = 0.2, v = 0.001·4 = 0.004; m̂ = 0.2 / (1 − 0.9) = 2, v̂ = 0.004 / (1 − 0.999) = 4
    // p = 1 − 0.1·2 / (√4 + 1e-8) = 1 − 0.2 / 2.00000001
    const p = new Value(1);
    const optimizer = new Adam([p], { lr: 0.1 });
    p.grad = 2;
    optimizer.step();
    expectClose(p.data, 1 - 0.2 / 2.00000001);
    expectClose(optimizer.expAvg[0]!, 0.2, 1e-15);
    expectClose(optimizer.expAvgSq[0]!, 0.004, 1e-15);
  });

  it("step 2 with the default betas", () => {
    // m = 0.9·0.2 + 0.1·4 = 0.58,  v = 0.999·0.004 + 0.001·16 = 0.019996
    // m̂ = 0.58 / (1 − 0.9²) = 0.58 / 0.19,  v̂ = 0.019996 / (1 − 0.999²) = 0.019996 / 0.001999
    const { p, optimizer } = twoSteps((params) => new Adam(params, { lr: 0.1 }));
    const p1 = 1 - 0.2 / 2.00000001;
    expectClose(p[1], p1 - (0.1 * (0.58 / 0.19)) / (Math.sqrt(0.019996 / 0.001999) + 1e-8));
    expectClose((optimizer as Adam).expAvg[0]!, 0.58, 1e-15);
    expectClose((optimizer as Adam).expAvgSq[0]!, 0.019996, 1e-15);
    expect(optimizer.steps).toBe(2);
  });

  it("betas [0.5, 0.5]: step 1 is η·g/|g|, step 2 η·m̂/√v̂ with m̂ = 10/3, v̂ = 12", () => {
    // step 1: m = 0.5·2 = 1, v = 0.5·4 = 2; m̂ = 1 / 0.5 = 2, v̂ = 2 / 0.5 = 4; p = 1 − 1·2/√4 = 0
    // step 2: m = 0.5·1 + 0.5·4 = 2.5, v = 0.5·2 + 0.5·16 = 9; 1 − 0.5² = 0.75 for both:
    //         m̂ = 2.5 / 0.75 = 10/3, v̂ = 9 / 0.75 = 12; p = 0 − (10/3)/√12 = −0.9622504…
    const opts: AdamOptions = { lr: 1, betas: [0.5, 0.5], eps: 1e-300 };
    const { p } = twoSteps((params) => new Adam(params, opts));
    expect(p[0]).toBe(0);
    expectClose(p[1], -10 / 3 / Math.sqrt(12));
  });

  it("weight decay adds λ·p to the gradient before the moments", () => {
    // g = 2 + 0.5·1 = 2.5; step 1 moves by η·2.5/(2.5 + ε): p = 1 − 0.1·2.5/2.50000001
    const p = new Value(1);
    const optimizer = new Adam([p], { lr: 0.1, weightDecay: 0.5 });
    p.grad = 2;
    optimizer.step();
    expectClose(p.data, 1 - 0.25 / 2.50000001);
    expectClose(optimizer.expAvg[0]!, 0.25, 1e-15);
  });

  it("a parameter with zero gradient stays put: m = v = 0, and ε keeps 0 / 0 away", () => {
    const p = new Value(0.5);
    const optimizer = new Adam([p]);
    optimizer.step();
    optimizer.step();
    expect(p.data).toBe(0.5);
  });

  it("the defaults are PyTorch's", () => {
    const optimizer = new Adam([new Value(0)]);
    expect([optimizer.lr, optimizer.betas, optimizer.eps, optimizer.weightDecay]).toEqual([
      1e-3,
      [0.9, 0.999],
      1e-8,
      0,
    ]);
    expect(String(optimizer)).toBe("Adam(lr=0.001, betas=[0.9, 0.999], eps=1e-8)");
  });
});
