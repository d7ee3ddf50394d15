// Lesson 04's problems: relu's and leaky relu's moments against numerical integration over the
// normal density, and fans against the shapes PyTorch documents.
import { describe, expect, it } from "vitest";
import { fans, leakyMeanSquare, reluMoments } from "../src/variants.ts";

/** ∫ f(z)·φ(z/σ)/σ dz by Simpson's rule over ±12σ (the tails beyond add less than 1e-30). */
function expectation(f: (z: number) => number, std: number): number {
  const steps = 24_000;
  const [a, b] = [-12 * std, 12 * std];
  const h = (b - a) / steps;
  const g = (z: number) =>
    (f(z) * Math.exp(-((z / std) ** 2) / 2)) / (std * Math.sqrt(2 * Math.PI));
  let sum = g(a) + g(b);
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * g(a + i * h);
  return (sum * h) / 3;
}

const relu = (z: number) => Math.max(z, 0);

describe("reluMoments", () => {
  it.each([0.1, 1, 2.5])("at std %s: the mean and variance of relu(z) by integration", (std) => {
    const mean = expectation(relu, std);
    const { mean: m, variance } = reluMoments(std);
    expect(m).toBeCloseTo(mean, 10);
    expect(variance).toBeCloseTo(expectation((z) => relu(z) ** 2, std) - mean ** 2, 10);
  });

  it("keeps about two thirds of relu's mean square as variance, as the page says (0.68169…, worked by hand)", () => {
    expect(reluMoments(1).variance / 0.5).toBeCloseTo(0.6816901138162093, 14);
  });
});

describe("leakyMeanSquare", () => {
  it.each([
    [1, 0.01],
    [0.3, 0.2],
    [2, 1],
  ])("at std %s and slope %s: E[leaky_relu(z)²] by integration", (std, slope) => {
    const leaky = (z: number) => (z > 0 ? z : slope * z);
    expect(leakyMeanSquare(std, slope)).toBeCloseTo(
      expectation((z) => leaky(z) ** 2, std),
      10,
    );
  });

  it("is relu's σ²/2 at slope 0 and the input's σ² at slope 1", () => {
    expect(leakyMeanSquare(3, 0)).toBe(4.5);
    expect(leakyMeanSquare(3, 1)).toBe(9);
  });
});

describe("fans", () => {
  it.each([
    // shape, then the fans PyTorch gives it, worked by hand
    [[5, 2], 2, 5],
    [[16, 3, 5, 5], 75, 400],
    [[8, 4, 3], 12, 24],
    [[1, 1, 2, 2, 2], 8, 8],
  ])("of %j: fanIn %s, fanOut %s", (shape, fanIn, fanOut) => {
    expect(fans(shape)).toEqual({ fanIn, fanOut });
  });

  it("refuses a shape of fewer than two dimensions, naming it", () => {
    expect(() => fans([3])).toThrow(
      "fans: expected a shape of at least two positive integers [out, in, …kernel], got [3]",
    );
  });
});
