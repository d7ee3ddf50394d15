import { describe, expect, it } from "vitest";
import { ops, topologicalOrder, Value, zeroGrad } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

describe("backward", () => {
  it("adds up the contributions of a leaf used several times", () => {
    // f = a·b + a + b·b at a = 2, b = −3: ∂f/∂a = b + 1 = −2, ∂f/∂b = a + 2b = −4
    const a = new Value(2);
    const b = new Value(-3);
    a.mul(b).add(a).add(b.mul(b)).backward();
    expect([a.grad, b.grad]).toEqual([-2, -4]);
  });

  it("passes through an interior value used twice: h = a², f = h·h + h", () => {
    // f = a⁴ + a² at a = 3: df/da = 4a³ + 2a = 114
    const a = new Value(3);
    const h = a.mul(a);
    const f = h.mul(h).add(h);
    f.backward();
    expect([a.grad, h.grad, f.grad]).toEqual([114, 2 * 9 + 1, 1]);
  });

  it("leaves a leaf that f does not use at gradient 0", () => {
    const a = new Value(1);
    const unused = new Value(5);
    a.mul(2).backward();
    expect([a.grad, unused.grad]).toEqual([2, 0]);
  });

  it("seeds the root with 1, also when the root is a leaf", () => {
    const x = new Value(4);
    x.backward();
    expect(x.grad).toBe(1);
  });

  it("called twice: leaf grads double, interior grads hold the latest pass (PyTorch semantics)", () => {
    // h = a², f = 3h at a = 2: df/da = 6a = 12, df/dh = 3
    const a = new Value(2);
    const h = a.mul(a);
    const f = h.mul(3);
    f.backward();
    expect([a.grad, h.grad, f.grad]).toEqual([12, 3, 1]);
    f.backward();
    // Without resetting h, h.grad would be 6 and a would receive 24 more (36, not 24).
    expect([a.grad, h.grad, f.grad]).toEqual([24, 3, 1]);
  });

  it("called twice from a leaf root: the leaf accumulates", () => {
    const x = new Value(4);
    x.backward();
    x.backward();
    expect(x.grad).toBe(2);
  });

  it("zeroGrad resets, so a second backward gives the same gradients as the first", () => {
    const a = new Value(0.5);
    const b = new Value(-1.5);
    const f = a.mul(b).tanh();
    f.backward();
    const first = [a.grad, b.grad];
    zeroGrad([a, b]);
    expect([a.grad, b.grad]).toEqual([0, 0]);
    f.backward();
    expect([a.grad, b.grad]).toEqual(first);
  });

  it("a second graph over the same leaves accumulates into them", () => {
    const x = new Value(3);
    x.mul(x).backward(); // 2x = 6
    x.mul(5).backward(); // + 5
    expect(x.grad).toBe(11);
  });

  describe("a chain of 1,000,000 values (no recursion limit)", () => {
    it("adding a shared leaf a million times: d/dc = 10⁶", () => {
      const x = new Value(1);
      const c = new Value(0.5);
      let v = x;
      for (let i = 0; i < 1_000_000; i++) v = v.add(c);
      v.backward();
      expect([v.data, x.grad, c.grad]).toEqual([500_001, 1, 1_000_000]);
    });

    it("multiplying by 1.000001 a million times: d/dx = 1.000001^1e6 ≈ e", () => {
      const x = new Value(1);
      let v = x;
      for (let i = 0; i < 1_000_000; i++) v = v.mul(1.000001);
      v.backward();
      // One rounding per step: at most ~1e6 · 2⁻⁵³ ≈ 1e-10 relative.
      expectClose(x.grad, 1.000001 ** 1e6, 1e-9);
      expectClose(x.grad, Math.E, 1e-6);
    });
  });
});

describe("topologicalOrder", () => {
  // f = tanh(a·b + a) · (a·b)
  const a = new Value(2, "a");
  const b = new Value(-3, "b");
  const ab = a.mul(b);
  const s = ab.add(a);
  const t = s.tanh();
  const f = t.mul(ab);

  it("lists each computed value once, after its operands, root last; no leaves", () => {
    const order = topologicalOrder(f);
    expect(order).toHaveLength(4);
    expect(new Set(order)).toEqual(new Set([ab, s, t, f]));
    expect(order.at(-1)).toBe(f);
    for (const v of order) {
      for (const operand of [v.a, v.b])
        if (operand && operand.op !== ops.leaf)
          expect(order.indexOf(operand)).toBeLessThan(order.indexOf(v));
    }
  });

  it("is the leaf alone for a leaf", () => {
    expect(topologicalOrder(a)).toEqual([a]);
  });
});
