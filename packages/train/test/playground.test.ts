import { describe, expect, it } from "vitest";
import {
  datasetByName,
  gaussians,
  multiGauss,
  plane,
  quadrants,
  REGRESSION_DATA,
} from "../src/index.ts";

// TF Playground's other datasets at our scale: each checked against what its definition says
// by hand, not against a re-run of its code.

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const std = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

describe("gaussians", () => {
  it("puts the first half at (1, 1) with target 1 and the rest at (−1, −1) with target 0 when there is no noise", () => {
    expect(gaussians({ n: 5, noise: 0 })).toEqual({
      name: "gauss",
      x: [
        [1, 1],
        [1, 1],
        [1, 1],
        [-1, -1],
        [-1, -1],
      ],
      y: [1, 1, 1, 0, 0],
    });
  });

  it("spreads each cluster's coordinates N(centre, noise²): 1,000 points' means and deviations within 4 standard errors", () => {
    const d = gaussians({ n: 2000, noise: 0.4, seed: 3 });
    for (const [label, centre] of [
      [1, 1],
      [0, -1],
    ] as const) {
      const points = d.x.filter((_, i) => d.y[i] === label);
      expect(points).toHaveLength(1000);
      for (const k of [0, 1]) {
        const c = points.map((p) => p[k]!);
        expect(Math.abs(mean(c) - centre)).toBeLessThan((4 * 0.4) / Math.sqrt(1000));
        // The standard error of a sample deviation is about σ/√(2n).
        expect(Math.abs(std(c) - 0.4)).toBeLessThan((4 * 0.4) / Math.sqrt(2000));
      }
    }
  });
});

describe("quadrants", () => {
  it("has target 1 exactly where the signs differ, every point at least 0.06 from both axes and within 1.06", () => {
    const d = quadrants({ n: 1000, noise: 0, seed: 3 });
    d.x.forEach(([a, b], i) => {
      for (const c of [a!, b!]) expect(Math.abs(c)).toBeGreaterThanOrEqual(0.06);
      for (const c of [a!, b!]) expect(Math.abs(c)).toBeLessThanOrEqual(1.06);
      expect(d.y[i]).toBe(a! * b! < 0 ? 1 : 0);
    });
    // Uniform over the four quadrants: about half the points in each class.
    const ones = d.y.filter((t) => t === 1).length;
    expect(Math.abs(ones - 500)).toBeLessThan(4 * Math.sqrt(250)); // 4 binomial standard deviations
  });

  it("with noise, keeps the points and mislabels only some near the axes", () => {
    const clean = quadrants({ n: 500, noise: 0, seed: 7 });
    const noisy = quadrants({ n: 500, noise: 0.1, seed: 7 });
    expect(noisy.x).toEqual(clean.x);
    const flipped = noisy.y.flatMap((t, i) => (t !== clean.y[i] ? [i] : []));
    expect(flipped.length).toBeGreaterThan(0);
    // A point 6σ from both axes keeps its label, whatever its noise drew.
    for (const i of flipped) expect(Math.min(...clean.x[i]!.map(Math.abs))).toBeLessThan(0.6);
  });
});

describe("plane", () => {
  it("draws points uniform on [−1, 1]² with target (x₁ + x₂)/2", () => {
    const d = plane({ n: 400, noise: 0, seed: 2 });
    d.x.forEach(([a, b], i) => {
      expect(Math.abs(a!)).toBeLessThanOrEqual(1);
      expect(Math.abs(b!)).toBeLessThanOrEqual(1);
      expect(d.y[i]).toBe((a! + b!) / 2);
    });
    // Uniform on [−1, 1]: mean 0, variance 1/3.
    const first = d.x.map((p) => p[0]!);
    expect(Math.abs(mean(first))).toBeLessThan(4 * Math.sqrt(1 / 3 / 400));
    expect(std(first)).toBeCloseTo(Math.sqrt(1 / 3), 1);
  });

  it("with noise, keeps the seed's points and reads their targets elsewhere, clamped to [−1, 1]", () => {
    const still = plane({ n: 300, noise: 0, seed: 5 });
    const noisy = plane({ n: 300, noise: 0.5, seed: 5 });
    expect(noisy.x).toEqual(still.x);
    expect(noisy.y).not.toEqual(still.y);
    expect(noisy.y.every((t) => t >= -1 && t <= 1)).toBe(true);
    expect(noisy.y.some((t) => Math.abs(t) === 1)).toBe(true); // some moved past a corner's reach
    // The noise moves the target by (n₁ + n₂)/2 ~ N(0, 0.5²/2) before clamping: most stay near.
    const moved = noisy.y.map((t, i) => Math.abs(t - still.y[i]!));
    expect(mean(moved)).toBeLessThan(0.5);
  });
});

describe("multiGauss", () => {
  // TF Playground's centres (±4 or 0, ±2.5 of [−6, 6]²) at our scale, with their signs.
  const centres = [
    [-4 / 6, 2.5 / 6, 1],
    [0, 2.5 / 6, -1],
    [4 / 6, 2.5 / 6, 1],
    [-4 / 6, -2.5 / 6, -1],
    [0, -2.5 / 6, 1],
    [4 / 6, -2.5 / 6, -1],
  ] as const;

  it("is ±1 at the centres falling linearly to 0 at distance 1/3 (the bumps do not overlap), 0 beyond", () => {
    const d = multiGauss({ n: 2000, noise: 0, seed: 1 });
    let inside = 0;
    d.x.forEach(([a, b], i) => {
      const distances = centres.map(([cx, cy]) => Math.hypot(a! - cx, b! - cy));
      const k = distances.indexOf(Math.min(...distances));
      const d0 = distances[k]!;
      if (d0 < 1 / 3) {
        inside++;
        expect(d.y[i]).toBeCloseTo(centres[k]![2] * (1 - 3 * d0), 12);
      } else expect(d.y[i]).toBe(0);
    });
    // Six discs of radius 1/3 cover 6π/9 ≈ 2.09 of the square's 4: about half the points.
    expect(inside / 2000).toBeCloseTo((6 * Math.PI) / 9 / 4, 1);
  });

  it("with noise, keeps the seed's points; every target stays in [−1, 1]", () => {
    const noisy = multiGauss({ n: 200, noise: 0.2, seed: 4 });
    expect(noisy.x).toEqual(multiGauss({ n: 200, noise: 0, seed: 4 }).x);
    expect(noisy.y.every((t) => t >= -1 && t <= 1)).toBe(true);
  });
});

describe("the CLI's names for them", () => {
  it.each([
    ["gauss", gaussians({ n: 100, noise: 0.4, seed: 1 })],
    ["quadrants", quadrants({ n: 100, noise: 0, seed: 1 })],
    ["plane", plane({ n: 100, noise: 0, seed: 1 })],
    ["multi-gauss", multiGauss({ n: 100, noise: 0, seed: 1 })],
  ] as const)("%s is 100 points from Rng(1)", (name, expected) => {
    expect(datasetByName(name)).toEqual(expected);
    expect(datasetByName(name, { seed: 2 }).x).not.toEqual(expected.x);
  });

  it("marks the regressions: their targets are values in [−1, 1], not classes", () => {
    for (const name of REGRESSION_DATA) {
      const { y } = datasetByName(name);
      expect(y.every((t) => t >= -1 && t <= 1)).toBe(true);
      expect(y.some((t) => t !== 0 && t !== 1)).toBe(true);
    }
  });

  it.each([
    [
      () => gaussians({ n: 1 }),
      /gaussians: expected n, the number of points, to be an integer ≥ 2, got 1/,
    ],
    [() => plane({ noise: -1 }), /plane: expected noise ≥ 0, got -1/],
    [() => multiGauss({ noise: Number.NaN }), /multi-gauss: expected noise ≥ 0, got NaN/],
  ])("refuses bad options with a message naming them (%#)", (make, message) => {
    expect(make).toThrow(message);
  });
});
