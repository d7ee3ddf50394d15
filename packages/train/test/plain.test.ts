import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlainMLP } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

/** The output of a net with these parameters at x, from a fresh net: no shared state. */
function output(sizes: number[], params: ArrayLike<number>, x: number[]): Float64Array {
  return Float64Array.from(new PlainMLP(sizes, params).forward(x));
}

const count = (sizes: number[]) =>
  sizes.slice(1).reduce((n, out, l) => n + out * (sizes[l]! + 1), 0);

describe("PlainMLP", () => {
  it("computes a 2 → 1 linear net by hand: y = w·x + b", () => {
    const net = new PlainMLP([2, 1], [3, -2, 0.5]);
    expect(net.forward([1, 4])[0]).toBe(3 * 1 - 2 * 4 + 0.5); // −4.5
  });

  it("puts tanh on hidden layers only: 1 → 1 → 1", () => {
    // W1 = 2, b1 = 0, W2 = 3, b2 = 1 at x = 0.25: y = 3·tanh(0.5) + 1
    expect(new PlainMLP([1, 1, 1], [2, 0, 3, 1]).forward([0.25])[0]).toBe(3 * Math.tanh(0.5) + 1);
  });

  it("reads parameters in PyTorch's order: W row-major [out][in], then b, layer by layer", () => {
    // 2 → 2 → 1 with W1 = [[1, 0], [0, 1]], b1 = [0, 0.5], W2 = [[2, -1]], b2 = [0.1]
    const net = new PlainMLP([2, 2, 1], [1, 0, 0, 1, 0, 0.5, 2, -1, 0.1]);
    expect(net.forward([0.3, -0.2])[0]).toBe(2 * Math.tanh(0.3) - Math.tanh(-0.2 + 0.5) + 0.1);
  });

  // Central differences: (f(p + h) − f(p − h)) / 2h has error O(h²) ≈ 1e-10 for h = 1e-5 on these
  // smooth functions; 1e-6 relative (or absolute, for gradients near 0) is far outside rounding.
  it("backpropagates the gradient of each output: agrees with finite differences", () => {
    const net = fc.tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 2 }),
      fc.integer({ min: 1, max: 2 }),
    );
    fc.assert(
      fc.property(
        net.chain(([nin, hidden, nout]) => {
          const sizes = [nin, ...hidden, nout];
          const n = count(sizes);
          const num = fc.double({ min: -1.5, max: 1.5, noNaN: true });
          return fc.tuple(
            fc.constant(sizes),
            fc.array(num, { minLength: n, maxLength: n }),
            fc.array(num, { minLength: nin, maxLength: nin }),
            fc.array(num, { minLength: nout, maxLength: nout }),
          );
        }),
        ([sizes, params, x, dOut]) => {
          const net = new PlainMLP(sizes, params);
          net.forward(x);
          net.zeroGrad();
          net.backward(dOut); // d(Σ dOut_k·y_k)/dp
          const h = 1e-5;
          params.forEach((_, q) => {
            const plus = params.slice();
            const minus = params.slice();
            plus[q]! += h;
            minus[q]! -= h;
            const [yp, ym] = [output(sizes, plus, x), output(sizes, minus, x)];
            const fd = dOut.reduce((s, d, k) => s + (d * (yp[k]! - ym[k]!)) / (2 * h), 0);
            expectClose(net.grad[q]!, fd, 1e-6, 1e-8);
          });
        },
      ),
      { numRuns: 60, seed: 6 },
    );
  });

  it("accumulates gradients across backward calls until zeroGrad", () => {
    const net = new PlainMLP(
      [2, 3, 1],
      [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.1, 0.2, 0.3, 1, -1, 0.5, 0.2],
    );
    net.forward([0.5, -1]);
    net.backward([1]);
    const once = Float64Array.from(net.grad);
    net.backward([1]);
    net.grad.forEach((g, q) => expect(g).toBe(2 * once[q]!));
    net.zeroGrad();
    expect([...net.grad].every((g) => g === 0)).toBe(true);
  });

  it.each([
    [[2], 3, /at least two layer sizes that are positive integers, got \[2\]/],
    [[2, 0, 1], 3, /positive integers, got \[2, 0, 1\]/],
    [[2, 5, 4, 1], 43, /expected 44 parameters for sizes \[2, 5, 4, 1\], got 43/],
  ])("rejects sizes %j with %i parameters", (sizes, n, message) => {
    expect(() => new PlainMLP(sizes, new Array(n).fill(0))).toThrow(message);
  });
});
