// Truncated LeCun normal (Keras's lecun_normal), an exercise of lesson 04 that the lesson only
// describes. 200,000 draws against the truncated normal's closed forms (worked with mpmath):
//   std of N(0, 1) cut to [−2, 2]:           √(1 − 4φ(2)/(Φ(2) − Φ(−2))) = 0.8796256610342398
//   P(|z| > 1 given |z| ≤ 2):                (erf(2/√2) − erf(1/√2)) / erf(2/√2) = 0.2847672279890939
//   kurtosis of the truncated normal:        2.3655367171296495 (a plain normal's is 3)
import { describe, expect, it } from "vitest";
import { TRUNCATED_STD, truncatedLecunNormal } from "../src/index.ts";
import { fractionError, mean, meanError, sample, variance, varianceError } from "./stats.ts";

const N = 200_000;
const KURTOSIS = 2.3655367171296495;

describe("truncatedLecunNormal", () => {
  it("names the truncated normal's standard deviation", () => {
    expect(TRUNCATED_STD).toBeCloseTo(0.8796256610342398, 15);
  });

  it.each([
    [100, 10],
    [3, 7],
  ])("at fans (%s, %s): mean 0, variance 1/fanIn, within 5 standard errors", (fanIn, fanOut) => {
    const xs = sample(truncatedLecunNormal(), fanIn, fanOut, N, 4);
    const want = 1 / fanIn;
    expect(Math.abs(mean(xs))).toBeLessThan(5 * meanError(want, N));
    expect(Math.abs(variance(xs) - want)).toBeLessThan(5 * varianceError(want, KURTOSIS, N));
  });

  it("never leaves ±2 standard deviations of the normal it cuts, and reaches close to them", () => {
    const fanIn = 50;
    const bound = (2 / TRUNCATED_STD) * Math.sqrt(1 / fanIn);
    const xs = sample(truncatedLecunNormal(), fanIn, 5, N, 5);
    const largest = xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    expect(largest).toBeLessThanOrEqual(bound);
    expect(largest).toBeGreaterThan(0.99 * bound);
  });

  it("has the truncated normal's shape: 28.5% of draws beyond one standard deviation of the cut normal", () => {
    const fanIn = 4;
    const sigma = Math.sqrt(1 / fanIn) / TRUNCATED_STD; // the std of the normal before the cut
    const xs = sample(truncatedLecunNormal(), fanIn, 3, N, 6);
    const beyond = xs.filter((x) => Math.abs(x) > sigma).length / N;
    const p = 0.2847672279890939;
    expect(Math.abs(beyond - p)).toBeLessThan(5 * fractionError(p, N));
  });

  it("checks its fans", () => {
    expect(() => truncatedLecunNormal()(0, 3, undefined as never)).toThrow(/truncatedLecunNormal/);
  });
});
