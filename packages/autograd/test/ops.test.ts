// Every op against closed forms worked by hand: the value, and the derivative from its textbook
// formula (written independently of the engine, often in a different but equal form).
import { describe, expect, it } from "vitest";
import { Value } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

type Unary = (x: Value) => Value;
const { cosh, exp, log, sin, cos, tanh, sqrt, E } = Math;

describe("unary ops: value and derivative", () => {
  // name, x, f, f(x), f'(x)
  it.each<[string, number, Unary, number, number]>([
    ["neg", 1.5, (x) => x.neg(), -1.5, -1], // d(−x)/dx = −1
    ["exp", 0, (x) => x.exp(), 1, 1], // d(eˣ)/dx = eˣ
    ["exp", 0.5, (x) => x.exp(), sqrt(E), sqrt(E)],
    ["log", 1, (x) => x.log(), 0, 1], // d(ln x)/dx = 1/x
    ["log", 4, (x) => x.log(), 2 * log(2), 0.25],
    ["tanh", 0, (x) => x.tanh(), 0, 1], // d(tanh x)/dx = 1/cosh²x
    ["tanh", 0.5, (x) => x.tanh(), (exp(1) - 1) / (exp(1) + 1), 1 / cosh(0.5) ** 2],
    ["tanh", -2, (x) => x.tanh(), (exp(-4) - 1) / (exp(-4) + 1), 1 / cosh(2) ** 2],
    ["relu", 1.5, (x) => x.relu(), 1.5, 1], // d(relu x)/dx = 1 for x > 0
    ["relu", -1.5, (x) => x.relu(), 0, 0], // … 0 for x < 0
    ["relu", 0, (x) => x.relu(), 0, 0], // … and 0 at x = 0, like PyTorch
    ["sigmoid", 0, (x) => x.sigmoid(), 0.5, 0.25], // dσ/dx = e⁻ˣ / (1 + e⁻ˣ)²
    ["sigmoid", 2, (x) => x.sigmoid(), 1 / (1 + exp(-2)), exp(-2) / (1 + exp(-2)) ** 2],
    ["sigmoid", -3, (x) => x.sigmoid(), 1 / (1 + exp(3)), exp(3) / (1 + exp(3)) ** 2],
    ["softplus", 0, (x) => x.softplus(), log(2), 0.5], // d ln(1 + eˣ)/dx = eˣ / (1 + eˣ)
    ["softplus", -2, (x) => x.softplus(), log(1 + exp(-2)), exp(-2) / (1 + exp(-2))],
    ["softplus", 3, (x) => x.softplus(), log(1 + exp(3)), exp(3) / (1 + exp(3))],
    ["softplus", -40, (x) => x.softplus(), 4.248354255291589e-18, 4.248354255291589e-18], // ≈ e⁻⁴⁰ both: no cancellation
    ["softplus", 800, (x) => x.softplus(), 800, 1], // e⁸⁰⁰ overflows; ln(1 + eˣ) ≈ x does not
    ["sin", 0, (x) => x.sin(), 0, 1], // d(sin x)/dx = cos x
    ["sin", 1, (x) => x.sin(), sin(1), cos(1)],
    ["cos", 0, (x) => x.cos(), 1, 0], // d(cos x)/dx = −sin x
    ["cos", 1, (x) => x.cos(), cos(1), -sin(1)],
    ["abs", -2.5, (x) => x.abs(), 2.5, -1], // d|x|/dx = sign x
    ["abs", 2.5, (x) => x.abs(), 2.5, 1],
    ["abs", 0, (x) => x.abs(), 0, 0], // … 0 at x = 0, like PyTorch
    ["pow 2", 3, (x) => x.pow(2), 9, 6], // d(xᵏ)/dx = k·xᵏ⁻¹
    ["pow 3", -2, (x) => x.pow(3), -8, 12],
    ["pow −1", 4, (x) => x.pow(-1), 0.25, -1 / 16],
    ["pow 0.5", 4, (x) => x.pow(0.5), 2, 0.25], // d√x/dx = 1/(2√x)
    ["pow −0.5", 4, (x) => x.pow(-0.5), 0.5, -1 / 16], // −½·x^(−3/2)
    ["pow 1", 0, (x) => x.pow(1), 0, 1],
    ["pow 2 at 0", 0, (x) => x.pow(2), 0, 0],
    ["pow 0 at 0", 0, (x) => x.pow(0), 1, 0], // PyTorch special-cases k = 0: gradient 0, not 0·0⁻¹ = NaN
    ["pow 0", -3, (x) => x.pow(0), 1, 0],
    ["pow 0.5 at 0", 0, (x) => x.pow(0.5), 0, Infinity], // ½·0^(−½) = +∞, as in PyTorch
    // unary(f(x), f'(x)): softplus log(1 + eˣ), whose derivative is σ(x), given by the caller
    [
      "unary softplus",
      0.3,
      (x) => x.unary(log(1 + exp(0.3)), 1 / (1 + exp(-0.3))),
      log(1 + exp(0.3)),
      1 / (1 + exp(-0.3)),
    ],
    ["unary chained", 2, (x) => x.mul(3).unary(36, 12), 36, 36], // f(u) = u², u = 3x: df/dx = 2u·3 = 36
  ])("%s at %s", (_, x, f, value, derivative) => {
    const leaf = new Value(x);
    const out = f(leaf);
    out.backward();
    expectClose(out.data, value, 1e-15);
    expectClose(leaf.grad, derivative, 1e-14);
  });
});

describe("binary ops: value and both partial derivatives", () => {
  type Binary = (a: Value, b: Value) => Value;
  // name, a, b, f, f(a, b), ∂f/∂a, ∂f/∂b
  it.each<[string, number, number, Binary, number, number, number]>([
    ["add", 2, -3, (a, b) => a.add(b), -1, 1, 1], // ∂(a+b)/∂a = ∂(a+b)/∂b = 1
    ["sub", 2, -3, (a, b) => a.sub(b), 5, 1, -1], // ∂(a−b)/∂b = −1
    ["mul", 2, -3, (a, b) => a.mul(b), -6, -3, 2], // ∂(ab)/∂a = b, ∂(ab)/∂b = a
    ["mul at a = 0", 0, 5, (a, b) => a.mul(b), 0, 5, 0], // no division by a: not NaN at 0
    ["mul at b = 0", 5, 0, (a, b) => a.mul(b), 0, 0, 5],
    ["mul at 0, 0", 0, 0, (a, b) => a.mul(b), 0, 0, 0],
    ["div", 3, -2, (a, b) => a.div(b), -1.5, -0.5, -0.75], // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
    ["div at a = 0", 0, 4, (a, b) => a.div(b), 0, 0.25, 0],
  ])("%s", (_, x, y, f, value, da, db) => {
    const a = new Value(x);
    const b = new Value(y);
    const out = f(a, b);
    out.backward();
    expect(out.data).toBe(value);
    expect([a.grad, b.grad]).toEqual([da, db]);
  });
});

describe("a number operand is a constant", () => {
  // name, x, f, f(x), f'(x)
  it.each<[string, number, Unary, number, number]>([
    ["add", 2, (x) => x.add(5), 7, 1],
    ["sub", 2, (x) => x.sub(5), -3, 1],
    ["mul", 2, (x) => x.mul(5), 10, 5], // d(5x)/dx = 5
    ["mul by 0", 2, (x) => x.mul(0), 0, 0],
    ["mul at 0", 0, (x) => x.mul(5), 0, 5],
    ["div", 3, (x) => x.div(4), 0.75, 0.25], // d(x/4)/dx = 1/4
    ["div, inexact", 1, (x) => x.div(3), 1 / 3, 1 / 3], // the value is exactly 1/3 in float64
  ])("%s", (_, x, f, value, derivative) => {
    const leaf = new Value(x);
    const out = f(leaf);
    out.backward();
    expect(out.data).toBe(value);
    expectClose(leaf.grad, derivative, 1e-15);
  });
});

describe("special values", () => {
  it("a leaf used twice gets both contributions: d(x·x)/dx = 2x at 0 is 0, not NaN", () => {
    const x = new Value(0);
    x.mul(x).backward();
    expect(x.grad).toBe(0);
  });

  it("overflow follows IEEE: exp(1000) is Infinity, and so is its gradient", () => {
    const x = new Value(1000);
    const y = x.exp();
    y.backward();
    expect([y.data, x.grad]).toEqual([Infinity, Infinity]);
  });

  it("sigmoid saturates to 0 and 1 without NaN", () => {
    expect([new Value(-1000).sigmoid().data, new Value(1000).sigmoid().data]).toEqual([0, 1]);
  });

  it.each([-5, -0.5, 0.7, 4])(
    "softplus at %s agrees with ln(1 + eˣ) built from exp, add and log",
    (x) => {
      const [a, b] = [new Value(x), new Value(x)];
      const [fast, slow] = [a.softplus(), b.exp().add(1).log()];
      fast.backward();
      slow.backward();
      // ln(1 + eˣ) rounds 1 + eˣ first: the two agree to a few ulps, not exactly
      expectClose(fast.data, slow.data, 1e-13);
      expectClose(a.grad, b.grad, 1e-13);
    },
  );

  it("tanh is exactly ±1 far out, with gradient 0", () => {
    const x = new Value(-30);
    const y = x.tanh();
    y.backward();
    expect([y.data, x.grad]).toEqual([-1, 0]);
  });

  it("pow keeps a negative base with an integer exponent", () => {
    const x = new Value(-2);
    const y = x.pow(-2); // (−2)⁻² = 1/4; d/dx = −2·(−2)⁻³ = 1/4
    y.backward();
    expect([y.data, x.grad]).toEqual([0.25, 0.25]);
  });
});
