import { describe, expect, it } from "vitest";
import { Rng } from "../src/rng.ts";

const N = 200_000;
const draws = (f: () => number) => Array.from({ length: N }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};

describe("Rng", () => {
  it("computes xoshiro128** exactly: the reference implementation's outputs from state 1, 2, 3, 4", () => {
    // Worked by hand from the reference C code: rotl(s1·5, 7)·9 with s1 = 2, 0, 1029 in turn.
    const rng = Rng.fromState(1, 2, 3, 4);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const first = draws(() => a.uniform()).slice(0, 10);
    expect(draws(() => b.uniform()).slice(0, 10)).toEqual(first);
    expect(draws(() => c.uniform()).slice(0, 10)).not.toEqual(first);
  });

  // Tolerances from the standard error: the sample mean of N draws with variance σ² has standard
  // error σ/√N; 5 standard errors fail by chance about once in 3.5 million runs (and the assignment is fixed).
  it("draws uniform numbers on [a, b) with mean (a+b)/2 and variance (b−a)²/12", () => {
    const rng = new Rng(1);
    const xs = draws(() => rng.uniform(-2, 3));
    expect(xs.reduce((m, x) => Math.min(m, x))).toBeGreaterThanOrEqual(-2);
    expect(xs.reduce((m, x) => Math.max(m, x))).toBeLessThan(3);
    const sigma2 = 25 / 12;
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(5 * Math.sqrt(sigma2 / N));
    // The sample variance of a uniform has standard error σ²·√(4/5 / N) (kurtosis 9/5).
    expect(Math.abs(variance(xs) - sigma2)).toBeLessThan(5 * sigma2 * Math.sqrt(0.8 / N));
  });

  it("draws normal numbers with the given mean and standard deviation", () => {
    const rng = new Rng(2);
    const xs = draws(() => rng.normal(1, 2));
    expect(Math.abs(mean(xs) - 1)).toBeLessThan(5 * Math.sqrt(4 / N));
    // The sample variance of a normal has standard error σ²·√(2/N).
    expect(Math.abs(variance(xs) - 4)).toBeLessThan(5 * 4 * Math.sqrt(2 / N));
    // Tails: P(|z| > 3) = 0.0027 for a standard normal.
    const tail = xs.filter((x) => Math.abs(x - 1) > 6).length / N;
    expect(Math.abs(tail - 0.0027)).toBeLessThan(5 * Math.sqrt((0.0027 * 0.9973) / N));
  });

  it("draws every integer below n about equally often, and shuffles to a permutation", () => {
    const rng = new Rng(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[rng.int(4)]!++;
    for (const c of counts)
      expect(Math.abs(c / N - 0.25)).toBeLessThan(5 * Math.sqrt((0.25 * 0.75) / N));
    const items = [1, 2, 3, 4, 5, 6];
    expect([...rng.shuffle(items)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each([
    [
      "a fractional seed",
      () => new Rng(1.5),
      "Rng: expected a seed that is an integer in [0, 2³²), got 1.5",
    ],
    [
      "a negative seed",
      () => new Rng(-1),
      "Rng: expected a seed that is an integer in [0, 2³²), got -1",
    ],
    ["a > b", () => new Rng(0).uniform(2, 1), "Rng.uniform: expected a ≤ b, got a = 2, b = 1"],
    ["a negative std", () => new Rng(0).normal(0, -1), "Rng.normal: expected std ≥ 0, got -1"],
    ["int(0)", () => new Rng(0).int(0), "Rng.int: expected a positive integer, got 0"],
  ])("rejects %s", (_what, f, message) => {
    expect(f).toThrow(message);
  });
});
