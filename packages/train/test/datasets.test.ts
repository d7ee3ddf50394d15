import { describe, expect, it } from "vitest";
import {
  circles,
  datasetByName,
  type Dataset,
  extentOf,
  featuresOf,
  spiral,
  splitData,
  twoMoons,
  withFeatures,
  xor,
} from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

const count = (d: Dataset, label: number) => d.y.filter((t) => t === label).length;

describe("xor", () => {
  it("is the four corners with target 1 where exactly one input is 1", () => {
    const d = xor();
    expect(d.x).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
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

  it("takes --noise and --data-seed: noise 0 is the curve itself, another seed other points, xor's corners move only with noise", () => {
    expect(datasetByName("moons", { noise: 0 })).toEqual(twoMoons({ n: 100, noise: 0 }));
    expect(datasetByName("spiral", { seed: 2 })).toEqual(spiral({ n: 100, noise: 0.05, seed: 2 }));
    expect(datasetByName("spiral", { seed: 2 }).x).not.toEqual(datasetByName("spiral").x);
    expect(datasetByName("xor", { seed: 5 })).toEqual(xor());
    const moved = datasetByName("xor", { noise: 0.1, seed: 5 });
    expect(moved.y).toEqual(xor().y);
    moved.x.flat().forEach((c, k) => expect(Math.abs(c - xor().x.flat()[k]!)).toBeLessThan(0.6)); // 6σ
    expect(moved.x).not.toEqual(xor().x);
  });
});

describe("splitData", () => {
  it("holds out round(share · n) points chosen by the seed; train and test are disjoint, cover the data, and keep its order", () => {
    const data = datasetByName("moons");
    const { train, test } = splitData(data, 0.3, 4);
    expect([train.x.length, test.x.length]).toEqual([70, 30]);
    const index = (p: number[]) => data.x.indexOf(p);
    const all = [...train.x.map(index), ...test.x.map(index)];
    expect([...all].sort((a, b) => a - b)).toEqual(data.x.map((_, i) => i));
    for (const part of [train, test]) {
      const order = part.x.map(index);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      part.x.forEach((p, k) => expect(part.y[k]).toBe(data.y[index(p)]));
    }
    expect(splitData(data, 0.3, 4)).toEqual({ train, test });
    expect(splitData(data, 0.3, 5).test.x).not.toEqual(test.x);
    expect(splitData(data, 0, 4)).toEqual({
      train: data,
      test: { name: "moons (test)", x: [], y: [] },
    });
  });

  it.each([-0.1, 1, 0.9])(
    "refuses a share that leaves no point to train on (%s of xor's 4)",
    (share) => {
      expect(() => splitData(xor(), share, 1)).toThrow(
        /splitData: expected a test share in \[0, 1\) that leaves a point to train on/,
      );
    },
  );
});

describe("input features", () => {
  it("gives each point's features in the order asked, worked by hand at (2, 0.5)", () => {
    // x₁ = 2, x₂ = 0.5: x₁² = 4, x₂² = 0.25, x₁x₂ = 1, sin 2 = 0.9092974268256817, sin 0.5 = 0.479425538604203
    expect(featuresOf([2, 0.5], ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"])).toEqual([
      2, 0.5, 4, 0.25, 1, 0.9092974268256817, 0.479425538604203,
    ]);
    expect(featuresOf([2, 0.5], ["x2sq", "x1"])).toEqual([0.25, 2]);
  });

  it("leaves the data as it is for the plain x₁, x₂", () => {
    const data = xor();
    expect(withFeatures(data, ["x1", "x2"])).toBe(data);
    expect(withFeatures(xor(), ["x1x2"]).x).toEqual([[0], [0], [0], [1]]);
  });
});

describe("extentOf", () => {
  it("is the data's box widened by a quarter on each side: XOR's unit square to [−0.25, 1.25]²", () => {
    expect(extentOf(xor())).toEqual([
      [-0.25, 1.25],
      [-0.25, 1.25],
    ]);
  });
});
