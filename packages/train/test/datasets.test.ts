import { describe, expect, it } from "vitest";
import { circles, datasetByName, type Dataset, extentOf, spiral, twoMoons, xor } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

const count = (d: Dataset, label: number) => d.y.filter((t) => t === label).length;

describe("xor", () => {
  it("is the four corners with target 1 where exactly one input is 1", () => {
    const d = xor();
    expect(d.x).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(d.y).toEqual(d.x.map(([a, b]) => a! ^ b!));
  });
});

describe.each([
  ["twoMoons", twoMoons],
  ["circles", circles],
  ["spiral", spiral],
] as const)("%s", (name, make) => {
  it("has n 2-D points, half of them (rounded up) with target 0", () => {
    const d = make({ n: 101 });
    expect(d.x).toHaveLength(101);
    expect(d.x.every((p) => p.length === 2 && p.every(Number.isFinite))).toBe(true);
    expect([count(d, 0), count(d, 1)]).toEqual([51, 50]);
  });

  it("is the same for the same seed and differs for another", () => {
    expect(make({ seed: 3 })).toEqual(make({ seed: 3 }));
    expect(make({ seed: 3 }).x).not.toEqual(make({ seed: 4 }).x);
  });

  it("moves each coordinate by noise of the given standard deviation", () => {
    const clean = make({ n: 2000, noise: 0 });
    const noisy = make({ n: 2000, noise: 0.2, seed: 1 });
    const d = noisy.x.flatMap((p, i) => p.map((c, k) => c - clean.x[i]![k]!));
    const sd = Math.sqrt(d.reduce((s, v) => s + v * v, 0) / d.length);
    // 4000 draws: the sample sd has standard error ≈ 0.2/√8000 ≈ 0.0022; 5 of them is 0.011.
    expect(Math.abs(sd - 0.2)).toBeLessThan(0.011);
  });

  it.each([
    [{ n: 1 }, ": expected n, the number of points, to be an integer ≥ 2, got 1"],
    [{ n: 10.5 }, ": expected n, the number of points, to be an integer ≥ 2, got 10.5"],
    [{ noise: -0.1 }, ": expected noise ≥ 0, got -0.1"],
    [{ noise: Number.NaN }, ": expected noise ≥ 0, got NaN"],
  ])("rejects %j, naming itself and the value", (opts, message) => {
    expect(() => make(opts)).toThrow(name + message);
  });
});

describe("the shapes without noise", () => {
  it("twoMoons: the upper moon on the unit circle, the lower on the circle of radius 1 about (1, 0.5)", () => {
    const d = twoMoons({ n: 40, noise: 0 });
    d.x.forEach(([a, b], i) => {
      const [cx, cy] = d.y[i] ? [1, 0.5] : [0, 0];
      expectClose(Math.hypot(a! - cx, b! - cy), 1, 1e-12);
      expect(d.y[i] ? b! <= 0.5 + 1e-12 : b! >= -1e-12).toBe(true); // upper half, lower half
    });
    // Each moon runs from one end to the other: t = 0 and t = π.
    expect(d.x[0]).toEqual([1, 0]);
    expect(d.x[19]![0]).toBeCloseTo(-1, 12);
  });

  it("circles: radius 1 for target 0, factor for target 1", () => {
    const d = circles({ n: 30, noise: 0, factor: 0.3 });
    d.x.forEach(([a, b], i) => expectClose(Math.hypot(a!, b!), d.y[i] ? 0.3 : 1, 1e-12));
  });

  it("spiral: the radius grows along each arm, and the arms are half a turn apart", () => {
    const d = spiral({ n: 40, noise: 0 });
    const arm = (c: number) => d.x.filter((_, i) => d.y[i] === c);
    for (const c of [0, 1]) {
      const r = arm(c).map(([a, b]) => Math.hypot(a!, b!));
      expect(r.every((v, i) => i === 0 || v > r[i - 1]!)).toBe(true);
      expectClose(r.at(-1)!, 1, 1e-12);
    }
    // Same radius, opposite points: arm 1 is arm 0 turned by π.
    arm(0).forEach(([a, b], i) => {
      expect(arm(1)[i]![0]).toBeCloseTo(-a!, 12);
      expect(arm(1)[i]![1]).toBeCloseTo(-b!, 12);
    });
  });

  it.each([0, 1, 1.2])("circles rejects the factor %d", (factor) => {
    expect(() => circles({ factor })).toThrow(/circles: expected a factor in \(0, 1\), got/);
  });
});

describe("datasetByName", () => {
  it.each([
    ["xor", xor()],
    ["moons", twoMoons({ n: 100, noise: 0.1, seed: 1 })], // lesson 06's two moons
    ["circles", circles({ n: 100, noise: 0.05, seed: 1 })],
    ["spiral", spiral({ n: 100, noise: 0.05, seed: 1 })],
  ] as const)("%s is the CLI's dataset of that name", (name, expected) => {
    expect(datasetByName(name)).toEqual(expected);
  });
});

describe("extentOf", () => {
  it("is the data's box widened by a quarter on each side: XOR's unit square to [−0.25, 1.25]²", () => {
    expect(extentOf(xor())).toEqual([[-0.25, 1.25], [-0.25, 1.25]]);
  });
});
