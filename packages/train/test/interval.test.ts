import { describe, expect, it } from "vitest";
import { meanInterval, wilson } from "../src/index.ts";

describe("wilson", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
  // Medicine 17, table II, method 3 (score interval without continuity correction), 95%.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i: [%f, %f] as Newcombe tabulates it", (k, n, lo, hi) => {
    const [a, b] = wilson(k, n);
    expect(a).toBeCloseTo(lo, 4);
    expect(b).toBeCloseTo(hi, 4);
  });

  it("is symmetric: k successes bound the share as n − k failures bound its complement", () => {
    for (const [k, n] of [
      [0, 200],
      [1, 200],
      [165, 200],
      [64, 200],
      [200, 200],
    ] as const) {
      const [a, b] = wilson(k, n);
      const [c, d] = wilson(n - k, n);
      expect(a).toBeCloseTo(1 - d, 12);
      expect(b).toBeCloseTo(1 - c, 12);
      expect(a).toBeLessThanOrEqual(k / n);
      expect(b).toBeGreaterThanOrEqual(k / n);
    }
  });

  it("narrows like 1/√n: four times the trials, half the width, at the same share", () => {
    const width = (k: number, n: number) => wilson(k, n)[1] - wilson(k, n)[0];
    expect(width(400, 1600) / width(100, 400)).toBeCloseTo(0.5, 2);
  });

  it.each([
    [3, 0, /trials must be a positive integer, got 0/],
    [5, 4, /successes must be an integer from 0 to trials \(4\), got 5/],
    [1.5, 4, /got 1.5/],
  ])("refuses %f of %f", (k, n, message) => {
    expect(() => wilson(k, n)).toThrow(message);
  });
});

describe("meanInterval", () => {
  it("is x̄ ± 1.96·s/√n: for 1, 2, 3, 4, s² = 5/3 and 2.5 ± 1.96·√(5/12)", () => {
    const half = 1.96 * Math.sqrt(5 / 12);
    const [lo, hi] = meanInterval([1, 2, 3, 4]);
    expect(lo).toBeCloseTo(2.5 - half, 12);
    expect(hi).toBeCloseTo(2.5 + half, 12);
  });

  it("is one point when every number is the same", () => {
    expect(meanInterval([0.5, 0.5, 0.5])).toEqual([0.5, 0.5]);
  });

  it("refuses fewer than two numbers", () => {
    expect(() => meanInterval([1])).toThrow(/at least 2 numbers, got 1/);
  });
});
