// Properties that must hold for any setting: closed forms of the momentum buffer under a constant
// gradient, weight decay as the gradient of an L2 penalty, Adam's scale invariance, and state
// that lives in the optimizer, not on the values.
import { Value } from "@gradbook/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Adam, SGD } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const gradient = finite(-10, 10).filter((g) => Math.abs(g) > 1e-3);

describe("SGD", () => {
  it("with momentum μ and a constant gradient g, the buffer after n steps is g·(1 − μⁿ)/(1 − μ)", () => {
    fc.assert(
      fc.property(gradient, finite(0.01, 0.99), fc.integer({ min: 1, max: 30 }), (g, mu, n) => {
        const p = new Value(0);
        const optimizer = new SGD([p], { lr: 0.01, momentum: mu });
        for (let k = 0; k < n; k++) {
          p.grad = g;
          optimizer.step();
        }
        expectClose(optimizer.momentumBuffer[0]!, (g * (1 - mu ** n)) / (1 - mu), 1e-12);
      }),
    );
  });

  it("with dampening τ the first step still takes g, later ones (1 − τ)·g: b = μⁿ⁻¹·g + (1 − τ)·g·(1 − μⁿ⁻¹)/(1 − μ)", () => {
    fc.assert(
      fc.property(
        gradient,
        finite(0.01, 0.99),
        finite(0, 1),
        fc.integer({ min: 1, max: 30 }),
        (g, mu, tau, n) => {
          const p = new Value(0);
          const optimizer = new SGD([p], { lr: 0.01, momentum: mu, dampening: tau });
          for (let k = 0; k < n; k++) {
            p.grad = g;
            optimizer.step();
          }
          const want = mu ** (n - 1) * g + ((1 - tau) * g * (1 - mu ** (n - 1))) / (1 - mu);
          expectClose(optimizer.momentumBuffer[0]!, want, 1e-12, 1e-12 * Math.abs(g));
        },
      ),
    );
  });

  it("weight decay λ is plain SGD on the loss plus ½·λ·Σp²", () => {
    fc.assert(
      fc.property(
        fc.array(finite(-3, 3), { minLength: 1, maxLength: 5 }),
        finite(0, 1),
        finite(0.01, 0.5),
        (init, lambda, lr) => {
          const a = init.map((x) => new Value(x));
          const b = init.map((x) => new Value(x));
          const decayed = new SGD(a, { lr, momentum: 0.5, weightDecay: lambda });
          const penalised = new SGD(b, { lr, momentum: 0.5 });
          // loss(p) = Σ sin(pᵢ)·pᵢ, then the same plus ½·λ·Σ pᵢ² for the second optimizer
          const loss = (ps: Value[]) => ps.reduce((s, p) => s.add(p.sin().mul(p)), new Value(0));
          for (let step = 0; step < 3; step++) {
            decayed.zeroGrad();
            loss(a).backward();
            decayed.step();
            penalised.zeroGrad();
            loss(b)
              .add(b.reduce((s, p) => s.add(p.pow(2)), new Value(0)).mul(lambda / 2))
              .backward();
            penalised.step();
          }
          a.forEach((p, i) => expectClose(p.data, b[i]!.data, 1e-12, 1e-13));
        },
      ),
    );
  });

  it("keeps its state to itself: the values gain no properties, a second optimizer starts fresh", () => {
    const p = new Value(1);
    const keys = Object.keys(p).sort();
    const first = new SGD([p], { lr: 0.1, momentum: 0.9 });
    p.grad = 1;
    first.step();
    first.step();
    expect(Object.keys(p).sort()).toEqual(keys);
    // the second optimizer's first step takes the raw gradient (its buffer is its own, not the first's 1.9): p moves by 0.1·1
    const second = new SGD([p], { lr: 0.1, momentum: 0.9 });
    const before = p.data;
    second.step();
    expectClose(p.data, before - 0.1, 1e-15);
    expect(second.momentumBuffer[0]).toBe(1);
  });

  it("zeroGrad sets every parameter's grad to 0", () => {
    const params = [new Value(1), new Value(2), new Value(3)];
    params.forEach((p, i) => (p.grad = i - 5));
    new SGD(params, { lr: 0.1 }).zeroGrad();
    expect(params.map((p) => p.grad)).toEqual([0, 0, 0]);
  });
});

describe("Adam", () => {
  it("the first step moves each parameter by η·g/(|g| + ε), whatever the betas", () => {
    fc.assert(
      fc.property(gradient, finite(1e-4, 1), finite(0, 0.99), finite(0, 0.999), (g, lr, b1, b2) => {
        const p = new Value(0);
        const optimizer = new Adam([p], { lr, betas: [b1, b2] });
        p.grad = g;
        optimizer.step();
        expectClose(p.data, (-lr * g) / (Math.abs(g) + 1e-8), 1e-12);
      }),
    );
  });

  it("is blind to the scale of the gradient: gradients times 2ᵏ give the same steps, bit for bit (ε negligible)", () => {
    fc.assert(
      fc.property(
        fc.array(gradient, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -20, max: 20 }),
        (grads, k) => {
          const run = (scale: number) => {
            const p = new Value(1);
            const optimizer = new Adam([p], { lr: 0.1, eps: 1e-300 });
            for (const g of grads) {
              p.grad = g * scale;
              optimizer.step();
            }
            return p.data;
          };
          expect(run(2 ** k)).toBe(run(1));
        },
      ),
    );
  });

  it("keeps its state to itself and zeroes grads", () => {
    const p = new Value(1);
    const keys = Object.keys(p).sort();
    const optimizer = new Adam([p]);
    p.grad = 3;
    optimizer.step();
    optimizer.zeroGrad();
    expect(Object.keys(p).sort()).toEqual(keys);
    expect(p.grad).toBe(0);
  });
});
