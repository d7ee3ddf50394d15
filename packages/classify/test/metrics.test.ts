import { accuracy, confusionMatrix, wilson } from "@gradbook/classify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("accuracy", () => {
  it("is the share of predictions equal to their labels", () => {
    expect(accuracy([1, 2, 3, 4], [1, 0, 3, 0])).toBe(0.5);
    expect(() => accuracy([1], [1, 2])).toThrow(/as many predictions as labels, at least one, got 1 and 2/);
  });
});

describe("wilson", () => {
  it("has as its ends the two roots of (p̂ − p)² = z²·p(1 − p)/n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 3, noNaN: true }), (n, share, z) => {
        const k = Math.round(share * n);
        const { low, high } = wilson(k, n, z);
        const gap = (p: number) => (k / n - p) ** 2 - (z * z * p * (1 - p)) / n;
        expect(Math.abs(gap(low))).toBeLessThan(1e-12);
        expect(Math.abs(gap(high))).toBeLessThan(1e-12);
        expect(low).toBeLessThanOrEqual(k / n + 1e-15); // centre − half cancels at k = 0
        expect(high).toBeGreaterThanOrEqual(k / n - 1e-15);
      }),
    );
  });

  it("is [0, z²/(n + z²)] with no success and [n/(n + z²), 1] with all (worked by hand from the formula)", () => {
    const z2 = 1.96 ** 2;
    expect(wilson(0, 100).low).toBeCloseTo(0, 15);
    expect(wilson(0, 100).high).toBeCloseTo(z2 / (100 + z2), 14);
    expect(wilson(100, 100).low).toBeCloseTo(100 / (100 + z2), 14);
    expect(wilson(100, 100).high).toBeCloseTo(1, 15);
  });

  it("gives 96.3% of 1,000 about ±1.2 points, pulled towards one half: [94.9%, 97.3%]", () => {
    // With a calculator: p̂ = 0.963, z²/n = 0.0038416; centre = (0.963 + 0.0019208)/1.0038416
    // = 0.961228…, half = 1.96/1.0038416 · √(0.963·0.037/1000 + 3.8416/4e6) = 0.0118108…
    const { low, high } = wilson(963, 1000);
    expect(low).toBeCloseTo(0.961228 - 0.0118108, 6);
    expect(high).toBeCloseTo(0.961228 + 0.0118108, 6);
  });

  it("refuses counts that are not counts", () => {
    expect(() => wilson(11, 10)).toThrow(/k, the successes, to be an integer in \[0, 10\], got 11/);
    expect(() => wilson(1, 0)).toThrow(/n, the number of trials, to be a positive integer, got 0/);
  });
});

describe("confusionMatrix", () => {
  it("counts each (true, predicted) pair in row true, column predicted", () => {
    // labels 0 0 1 2 2 2, predictions 0 1 1 2 0 2: row 0 = [1 1 0], row 1 = [0 1 0], row 2 = [1 0 2]
    expect(confusionMatrix([0, 1, 1, 2, 0, 2], [0, 0, 1, 2, 2, 2], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
  });

  it("has rows that sum to the class counts and a diagonal that sums to the right answers", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 200 }), (pairs) => {
        const labels = pairs.map(([t]) => t);
        const predicted = pairs.map(([, p]) => p);
        const matrix = confusionMatrix(predicted, labels);
        matrix.forEach((row, t) => expect(row.reduce((a, b) => a + b, 0)).toBe(labels.filter((l) => l === t).length));
        expect(matrix.reduce((sum, row, t) => sum + row[t]!, 0)).toBe(accuracy(predicted, labels) * pairs.length);
      }),
    );
  });

  it("refuses a class outside 0 … classes − 1", () => {
    expect(() => confusionMatrix([3], [1], 3)).toThrow(/classes 0 … 2, got label 1 and prediction 3 at 0/);
  });
});
