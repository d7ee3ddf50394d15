import { describe, expect, it } from "vitest";
import { gradcheck, ops, relativeError, type Value } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

describe("relativeError", () => {
  // analytic, numeric, |a − n| / max(|a|, |n|)
  it.each([
    [1, 1, 0],
    [0, 0, 0], // 0/0 is defined as 0
    [-0, 0, 0],
    [1, 0, 1],
    [2, 1, 0.5],
    [1, -1, 2],
    [-3, -4, 0.25],
    [Number.NaN, 1, Number.NaN],
  ])("(%s, %s) = %s", (a, n, error) => {
    expect(relativeError(a, n)).toBe(error);
  });
});

describe("gradcheck", () => {
  // The assignment's f(x) = log(1 + sin x); its derivative is cos x / (1 + sin x).
  const f = (x: Value) => x.sin().add(1).log();

  it("reports value, analytic and numeric partials, and passes a correct gradient", () => {
    const report = gradcheck(f, [1], { names: ["x"] });
    expectClose(report.value, Math.log(1 + Math.sin(1)));
    expect(report.rows).toHaveLength(1);
    const [row] = report.rows;
    expect(row!.name).toBe("x");
    expect(row!.input).toBe(1);
    expectClose(row!.analytic, Math.cos(1) / (1 + Math.sin(1)));
    expectClose(row!.numeric, Math.cos(1) / (1 + Math.sin(1)), 1e-9);
    expect(row!.error).toBe(relativeError(row!.analytic, row!.numeric));
    expect(report.maxError).toBe(row!.error);
    expect(report.maxError).toBeLessThan(1e-9);
    expect(report.tolerance).toBe(1e-6);
    expect(report.ok).toBe(true);
  });

  it("prints an aligned table with fixed precision", () => {
    const report = gradcheck((x, y) => x.mul(y).add(x.tanh()), [0.5, -2], {
      names: ["x", "weight"],
    });
    expect(String(report)).toBe(
      [
        "input          at     analytic      numeric  rel. error",
        "x        0.500000  -1.21355227  -1.21355227     1.4e-11",
        "weight  -2.000000   0.50000000   0.50000000      0.0e+0",
        "max rel. error 1.4e-11, tolerance 1e-6: ok",
      ].join("\n"),
    );
  });

  it("detects a wrong local derivative", () => {
    // sin's result relabelled as cos: the value stays sin x, but backward now uses −sin x.
    const wrong = (x: Value) => {
      const y = x.sin();
      y.op = ops.cos;
      return y;
    };
    const report = gradcheck(wrong, [0.5]);
    expectClose(report.rows[0]!.analytic, -Math.sin(0.5));
    expectClose(report.rows[0]!.numeric, Math.cos(0.5), 1e-9);
    expect(report.ok).toBe(false);
    expect(String(report)).toMatch(/: FAILED$/);
  });

  it("flags the input whose partial is wrong, and only it", () => {
    const wrong = (a: Value, b: Value) => {
      const s = a.sin();
      s.op = ops.cos;
      return s.mul(b);
    };
    const report = gradcheck(wrong, [0.5, 2]);
    expect(report.rows.map((r) => r.error <= 1e-6)).toEqual([false, true]);
    expect(report.maxError).toBe(report.rows[0]!.error);
  });

  it("fails on a NaN gradient, with maxError NaN", () => {
    const nan = (x: Value) => {
      const y = x.mul(2);
      y.numberOperand = Number.NaN;
      return y;
    };
    const report = gradcheck(nan, [1]);
    expect(Number.isNaN(report.maxError)).toBe(true);
    expect(report.ok).toBe(false);
  });

  it("has truncation error O(h²): h = 0.1 on x³ at 1 is off by h² = 0.01", () => {
    // ((1 + h)³ − (1 − h)³) / 2h = 3 + h², against the true 3
    const report = gradcheck((x) => x.pow(3), [1], { h: 0.1 });
    expectClose(report.rows[0]!.numeric, 3.01, 1e-12);
    expect(report.ok).toBe(false);
    expect(gradcheck((x) => x.pow(3), [1], { h: 0.1, tolerance: 1e-2 }).ok).toBe(true);
  });

  it("names inputs x0, x1, … by default", () => {
    expect(gradcheck((a, b) => a.add(b), [1, 2]).rows.map((r) => r.name)).toEqual(["x0", "x1"]);
  });

  it("passes on f's domain errors", () => {
    expect(() => gradcheck((x) => x.log(), [0])).toThrow(
      "log: expected a positive input, got Value(data=0",
    );
  });
});
