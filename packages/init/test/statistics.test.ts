// Each initializer, drawn 200,000 times: the sample mean and variance against the formulas,
// worked by hand in each row's comment, within 5 standard errors (see stats.ts); uniform draws
// never leave their bounds and fill them; normal draws have a normal's tails.
import type { Draw } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import {
  heNormal,
  heUniform,
  lecunNormal,
  normal,
  pytorchDefault,
  assignmentInit,
  smallRandom,
  uniform,
  xavierNormal,
  xavierUniform,
} from "../src/index.ts";
import { fractionError, mean, meanError, sample, variance, varianceError } from "./stats.ts";

const N = 200_000;

// name, draw, fanIn, fanOut, expected variance (every mean is 0)
const normals: [string, Draw, number, number, number][] = [
  ["normal(0, 1)", normal(), 3, 7, 1],
  ["smallRandom(): 0.01²", smallRandom(), 100, 100, 1e-4],
  ["smallRandom(0.1): 0.1², whatever the fans", smallRandom(0.1), 3, 1000, 0.01],
  ["lecunNormal at (100, 10): 1/100", lecunNormal(), 100, 10, 0.01],
  ["lecunNormal at (3, 7): 1/3", lecunNormal(), 3, 7, 1 / 3],
  ["xavierNormal at (100, 50): 2/150", xavierNormal(), 100, 50, 2 / 150],
  ["xavierNormal(5/3) at (3, 7): (25/9)·2/10 = 5/9", xavierNormal(5 / 3), 3, 7, 5 / 9],
  ["heNormal at (100, 10): 2/100", heNormal(), 100, 10, 0.02],
  ["heNormal fanOut at (100, 10): 2/10", heNormal({ mode: "fanOut" }), 100, 10, 0.2],
  ["heNormal tanh at (25, 3): (25/9)/25 = 1/9", heNormal({ nonlinearity: "tanh" }), 25, 3, 1 / 9],
  [
    "heNormal leaky_relu 0.2 at (50, 5): 2/(1.04·50) = 1/26",
    heNormal({ nonlinearity: "leaky_relu", a: 0.2 }),
    50,
    5,
    1 / 26,
  ],
  ["heNormal linear at (4, 9): 1/4", heNormal({ nonlinearity: "linear" }), 4, 9, 0.25],
  ["assignmentInit.weight at (2, 5): 1", assignmentInit.weight, 2, 5, 1],
];

// name, draw, fanIn, fanOut, lower bound, upper bound: mean (lo + hi)/2, variance (hi − lo)²/12
const uniforms: [string, Draw, number, number, number, number][] = [
  ["uniform(-2, 3)", uniform(-2, 3), 3, 7, -2, 3],
  ["uniform()", uniform(), 1, 1, 0, 1],
  ["xavierUniform at (100, 50): ±√(6/150) = ±0.2", xavierUniform(), 100, 50, -0.2, 0.2],
  [
    "xavierUniform(2) at (3, 7): ±2·√(6/10)",
    xavierUniform(2),
    3,
    7,
    -2 * Math.sqrt(0.6),
    2 * Math.sqrt(0.6),
  ],
  ["heUniform at (100, 10): ±√(6/100)", heUniform(), 100, 10, -Math.sqrt(0.06), Math.sqrt(0.06)],
  [
    "heUniform relu fanOut at (3, 12): ±√(6/12)",
    heUniform({ mode: "fanOut", nonlinearity: "relu" }),
    3,
    12,
    -Math.sqrt(0.5),
    Math.sqrt(0.5),
  ],
  // PyTorch's Linear weights: gain √(2/(1+5)) = √(1/3), bound √3·√(1/3)/√16 = 1/4.
  ["heUniform a = √5 at (16, 3): ±1/√16", heUniform({ a: Math.sqrt(5) }), 16, 3, -0.25, 0.25],
  [
    "heUniform tanh at (9, 2): ±√3·(5/3)/3",
    heUniform({ nonlinearity: "tanh" }),
    9,
    2,
    -(5 / 9) * Math.sqrt(3),
    (5 / 9) * Math.sqrt(3),
  ],
  ["pytorchDefault.weight at (16, 3): ±1/4", pytorchDefault.weight, 16, 3, -0.25, 0.25],
  ["pytorchDefault.bias at (4, 1): ±1/2", pytorchDefault.bias, 4, 1, -0.5, 0.5],
  [
    "assignmentInit.bias at (5, 4): ±1/√5",
    assignmentInit.bias,
    5,
    4,
    -1 / Math.sqrt(5),
    1 / Math.sqrt(5),
  ],
];

describe("normal initializers", () => {
  it.each(normals)("%s", (_name, draw, fanIn, fanOut, sigma2) => {
    const mu = 0;
    const xs = sample(draw, fanIn, fanOut, N);
    expect(Math.abs(mean(xs) - mu)).toBeLessThan(5 * meanError(sigma2, N));
    expect(Math.abs(variance(xs) - sigma2)).toBeLessThan(5 * varianceError(sigma2, 3, N));
    // A normal's tails: P(|x − μ| > 2σ) = 2·(1 − Φ(2)) = 0.0455003; a uniform with the same
    // variance has none (its bound is √3·σ < 2σ).
    const sigma = Math.sqrt(sigma2);
    const tail = xs.filter((x) => Math.abs(x - mu) > 2 * sigma).length / N;
    expect(Math.abs(tail - 0.0455003)).toBeLessThan(5 * fractionError(0.0455003, N));
  });

  it("normal(mean, std) draws around its mean: normal(3, 0.5) has mean 3 and variance 1/4", () => {
    const xs = sample(normal(3, 0.5), 2, 2, N);
    expect(Math.abs(mean(xs) - 3)).toBeLessThan(5 * meanError(0.25, N));
    expect(Math.abs(variance(xs) - 0.25)).toBeLessThan(5 * varianceError(0.25, 3, N));
  });
});

describe("uniform initializers", () => {
  it.each(uniforms)("%s", (_name, draw, fanIn, fanOut, lo, hi) => {
    const xs = sample(draw, fanIn, fanOut, N);
    const sigma2 = (hi - lo) ** 2 / 12;
    expect(Math.abs(mean(xs) - (lo + hi) / 2)).toBeLessThan(5 * meanError(sigma2, N));
    expect(Math.abs(variance(xs) - sigma2)).toBeLessThan(5 * varianceError(sigma2, 9 / 5, N));
    // Never outside [lo, hi] (the bound computed as √3·std may differ from the hand form in the
    // last bit, hence 1e-12), and filling it: within 0.1% of either end.
    const [min, max] = [xs.reduce((m, x) => Math.min(m, x)), xs.reduce((m, x) => Math.max(m, x))];
    const slack = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
    expect(min).toBeGreaterThanOrEqual(lo - slack);
    expect(max).toBeLessThanOrEqual(hi + slack);
    expect(min).toBeLessThan(lo + 0.001 * (hi - lo));
    expect(max).toBeGreaterThan(hi - 0.001 * (hi - lo));
  });
});
