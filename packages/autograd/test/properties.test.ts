// Property tests: backward() against finite differences (gradcheck) for every op on random inputs
// in its domain, and against forward-mode derivatives (dual numbers) for random compositions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradcheck, math, Value } from "../src/index.ts";
import { evaluate, type Expr } from "./expr.ts";

/** Numbers in [min, max] on a grid of 1e-6: no subnormals, which would make a difference quotient noise. */
const real = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 1e6), max: Math.round(max * 1e6) }).map((i) => i / 1e6);
/** Both signs, magnitude in [min, max]: away from 0 where an op has a kink or a pole there. */
const awayFromZero = (min: number, max: number) =>
  fc.tuple(real(min, max), fc.boolean()).map(([x, neg]) => (neg ? -x : x));

describe("gradcheck passes for every op on random inputs in its domain", () => {
  // op, its domain (avoiding kinks, poles, and where the derivative vanishes), f
  it.each<[string, fc.Arbitrary<number>, (x: Value) => Value]>([
    ["neg", real(-10, 10), (x) => x.neg()],
    ["exp", real(-10, 10), (x) => x.exp()],
    ["log", real(0.1, 100), (x) => x.log()],
    ["tanh", real(-4, 4), (x) => x.tanh()],
    ["relu", awayFromZero(0.01, 5), (x) => x.relu()],
    ["sigmoid", real(-6, 6), (x) => x.sigmoid()],
    ["sin", real(-1.4, 1.4), (x) => x.sin()],
    ["cos", real(0.2, 2.9), (x) => x.cos()],
    ["abs", awayFromZero(0.01, 5), (x) => x.abs()],
    ["add a number", real(-10, 10), (x) => x.add(2.5)],
    ["sub a number", real(-10, 10), (x) => x.sub(2.5)],
    ["mul by a number", real(-10, 10), (x) => x.mul(-1.5)],
    ["div by a number", real(-10, 10), (x) => x.div(3)],
  ])("%s", (_, domain, f) => {
    fc.assert(
      fc.property(domain, (x) => {
        expect(String(gradcheck(f, [x]))).toMatch(/: ok$/);
      }),
    );
  });

  it("pow, positive base, any exponent", () => {
    const k = fc.constantFrom(-2.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3);
    fc.assert(fc.property(real(0.1, 5), k, (x, k) => gradcheck((x) => x.pow(k), [x]).ok));
  });

  it("pow, negative base, integer exponent", () => {
    const k = fc.constantFrom(-2, -1, 1, 2, 3);
    fc.assert(fc.property(real(-5, -0.1), k, (x, k) => gradcheck((x) => x.pow(k), [x]).ok));
  });

  it.each<[string, (a: Value, b: Value) => Value]>([
    ["add", (a, b) => a.add(b)],
    ["sub", (a, b) => a.sub(b)],
    ["mul", (a, b) => a.mul(b)],
  ])("%s", (_, f) => {
    fc.assert(fc.property(real(-10, 10), real(-10, 10), (a, b) => gradcheck(f, [a, b]).ok));
  });

  it("div", () => {
    fc.assert(
      fc.property(
        real(-10, 10),
        awayFromZero(0.1, 10),
        (a, b) => gradcheck((a, b) => a.div(b), [a, b]).ok,
      ),
    );
  });
});

/** A number with its derivative with respect to one input: forward-mode differentiation. */
type Dual = [value: number, derivative: number];

/** Evaluate `expr` on duals: an independent way to the same derivatives (no graph, no backward); values with the library's `math`, so they equal the engine's bit for bit. */
function dual(expr: Expr, inputs: Record<string, number>, wrt: string): Dual {
  if ("leaf" in expr) return [inputs[expr.leaf]!, expr.leaf === wrt ? 1 : 0];
  if ("const" in expr) return [expr.const, 0];
  const [a, da] = dual(expr.args[0], inputs, wrt);
  if (expr.op === "add" || expr.op === "sub" || expr.op === "mul" || expr.op === "div") {
    const [b, db] = dual(expr.args[1], inputs, wrt);
    if (expr.op === "add") return [a + b, da + db];
    if (expr.op === "sub") return [a - b, da - db];
    if (expr.op === "mul") return [a * b, da * b + a * db]; // product rule
    return [a / b, (da * b - a * db) / (b * b)]; // quotient rule
  }
  switch (expr.op) {
    case "pow":
      return [
        math.pow(a, expr.exponent),
        expr.exponent === 0 ? 0 : expr.exponent * math.pow(a, expr.exponent - 1) * da,
      ];
    case "neg":
      return [-a, -da];
    case "exp":
      return [math.exp(a), math.exp(a) * da];
    case "log":
      return [math.log(a), da / a];
    case "tanh":
      return [math.tanh(a), da / Math.cosh(a) ** 2];
    case "relu":
      return [Math.max(a, 0), a > 0 ? da : 0];
    case "sigmoid":
      return [1 / (1 + math.exp(-a)), da / (1 + math.exp(-a)) / (1 + math.exp(a))]; // σ(a)·σ(−a)
    case "sin":
      return [math.sin(a), math.cos(a) * da];
    case "cos":
      return [math.cos(a), -math.sin(a) * da];
  }
}

// Random expressions over three leaves, so leaves are often reused; ops total on the reals only.
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    // Leaves first: fast-check picks the first arbitrary at maxDepth. Ops weigh more, so that
    // most expressions have several nodes (median ~6, up to ~40).
    { maxDepth: 7, depthSize: "medium" },
    fc.constantFrom("a", "b", "c").map((leaf): Expr => ({ leaf })),
    real(-2, 2).map((c): Expr => ({ const: c })),
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constantFrom("neg", "exp", "tanh", "relu", "sigmoid", "sin", "cos"),
        args: fc.tuple(tie("expr")),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constantFrom("add", "sub", "mul"),
        args: fc.tuple(tie("expr"), tie("expr")),
      }),
    },
    fc.record({
      op: fc.constant("pow"),
      args: fc.tuple(tie("expr")),
      exponent: fc.constantFrom(0, 1, 2, 3),
    }),
  ) as fc.Arbitrary<Expr>,
}));

describe("random compositions: backward equals forward-mode derivatives", () => {
  it.each([false, true])("constants as leaves: %s", (constantsAsLeaves) => {
    const inputs = fc.record({ a: real(-2, 2), b: real(-2, 2), c: real(-2, 2) });
    fc.assert(
      fc.property(expr, inputs, (e, x) => {
        const leaves = { a: new Value(x.a), b: new Value(x.b), c: new Value(x.c) };
        const out = evaluate(e, leaves, constantsAsLeaves);
        fc.pre(Number.isFinite(out.data) && Math.abs(out.data) < 1e100);
        out.backward();
        for (const name of ["a", "b", "c"] as const) {
          const [value, derivative] = dual(e, x, name);
          expect(out.data).toBe(value);
          // Same derivative, summed in another order: equal up to rounding.
          expect(Math.abs(leaves[name].grad - derivative)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(derivative)),
          );
        }
      }),
    );
  });
});
