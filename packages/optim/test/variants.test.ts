// Lesson 05's problems, each measured on the optimizers themselves: the first steps of RMSprop
// and Adam, and the learning rate where Nesterov momentum stops converging on a parabola.
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { Adam } from "../src/adam.ts";
import type { Optimizer } from "../src/optimizer.ts";
import { RMSprop } from "../src/rmsprop.ts";
import { SGD } from "../src/sgd.ts";
import { adamFirstStep, nesterovCriticalLr, rmspropFirstStep } from "../src/variants.ts";

/** How far one step of `make`'s optimizer moves a parameter at 1.5 whose gradient is g. */
function firstStep(make: (p: Value) => Optimizer, g: number): number {
  const p = new Value(1.5);
  const optimizer = make(p);
  p.grad = g;
  optimizer.step();
  return Math.abs(p.data - 1.5);
}

describe("the first step", () => {
  it.each([
    [0.01, 0.99, 1e-8, 3],
    [0.01, 0.99, 1e-8, -2e-4],
    [0.1, 0.9, 1e-8, 0.5],
    [0.01, 0.99, 1e-3, 1e-3],
  ])(
    "of RMSprop (lr %s, alpha %s, eps %s, g %s) is what rmspropFirstStep predicts",
    (lr, alpha, eps, g) => {
      expect(rmspropFirstStep(lr, alpha, eps, g)).toBeCloseTo(
        firstStep((p) => new RMSprop([p], { lr, alpha, eps }), g),
        12,
      );
    },
  );

  it("of RMSprop at the defaults, for gradients from 0.01 to 1000", () => {
    for (const g of [0.01, 1, 1e3])
      expect(rmspropFirstStep(0.01, 0.99, 1e-8, g)).toBeCloseTo(0.1, 5);
  });

  it.each([
    [0.01, 0.9, 0.999, 1e-8, 3],
    [0.001, 0.9, 0.999, 1e-8, -7e-5],
    [0.1, 0.5, 0.9, 1e-3, 1e-3],
  ])(
    "of Adam (lr %s, betas %s %s, eps %s, g %s) is what adamFirstStep predicts",
    (lr, b1, b2, eps, g) => {
      expect(adamFirstStep(lr, [b1, b2], eps, g)).toBeCloseTo(
        firstStep((p) => new Adam([p], { lr, betas: [b1, b2], eps }), g),
        12,
      );
    },
  );
});

describe("nesterovCriticalLr", () => {
  /** |p| after `steps` steps of SGD with Nesterov momentum on ½·a·p² from p = 1. */
  function descend(lr: number, a: number, momentum: number, steps = 600): number {
    const p = new Value(1);
    const optimizer = new SGD([p], { lr, momentum, nesterov: true });
    for (let i = 0; i < steps; i++) {
      optimizer.zeroGrad();
      p.pow(2)
        .mul(a / 2)
        .backward();
      optimizer.step();
    }
    return Math.abs(p.data);
  }

  it.each([
    [4, 0.5],
    [4, 0.9],
    [0.7, 0.3],
  ])(
    "on the parabola with a = %s, μ = %s: just below it converges, just above it diverges",
    (a, momentum) => {
      const critical = nesterovCriticalLr(a, momentum);
      expect(descend(0.97 * critical, a, momentum)).toBeLessThan(1e-6);
      expect(descend(1.03 * critical, a, momentum)).toBeGreaterThan(1e6);
    },
  );

  it("is plain gradient descent's 2/a without momentum", () => {
    expect(nesterovCriticalLr(4, 0)).toBe(0.5);
  });
});
