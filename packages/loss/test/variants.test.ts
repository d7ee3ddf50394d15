// Lesson 03's problems: log-cosh (values and gradients against closed forms, and far from the
// target where cosh overflows), and the best constant (against the losses themselves).
import { Value } from "@gradbook/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossEntropyLoss } from "../src/cross-entropy.ts";
import { l1Loss, mseLoss } from "../src/regression.ts";
import { bestConstant, logCosh, smoothedCrossEntropy } from "../src/variants.ts";

describe("logCosh", () => {
  it("is ln cosh d with derivative tanh d where cosh is finite", () => {
    for (const d of [-3, -0.5, -1e-3, 0, 0.25, 1, 7, 300]) {
      const y = new Value(2 + d);
      const loss = logCosh(y, 2);
      loss.backward();
      expect(loss.data).toBeCloseTo(Math.log(Math.cosh(d)), 12);
      expect(y.grad).toBeCloseTo(Math.tanh(d), 12);
    }
  });

  it("stays finite far from the target, where cosh overflows", () => {
    for (const d of [1000, -1e6]) {
      const y = new Value(d);
      const loss = logCosh(y, 0);
      loss.backward();
      expect(Math.cosh(d)).toBe(Infinity); // the naive form would give Infinity here
      expect(loss.data).toBe(Math.abs(d) - Math.LN2);
      expect(y.grad).toBe(Math.sign(d));
    }
  });
});

describe("bestConstant", () => {
  const lossAt = (c: number, ts: number[], loss: "mse" | "l1") =>
    (loss === "mse" ? mseLoss : l1Loss)(
      ts.map(() => c),
      ts,
    ).data;

  it("on the targets 0, 0, 3, worked by hand", () => {
    expect(bestConstant([0, 0, 3], "mse")).toBe(1);
    expect(bestConstant([0, 0, 3], "l1")).toBe(0);
  });

  it.each(["mse", "l1"] as const)(
    "gives no more %s loss than any target, the mean, or a step either side",
    (loss) => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 9 }),
          (ts) => {
            const c = bestConstant(ts, loss);
            const mean = ts.reduce((s, t) => s + t, 0) / ts.length;
            const best = lossAt(c, ts, loss);
            for (const other of [...ts, mean, c - 0.5, c + 0.5])
              expect(best).toBeLessThanOrEqual(lossAt(other, ts, loss) + 1e-9);
          },
        ),
        { numRuns: 100 },
      );
    },
  );
});

describe("smoothedCrossEntropy", () => {
  /** −Σ qⱼ·log softmax(z)ⱼ on plain numbers, straight from the definition (fine for small logits). */
  function byDefinition(z: number[], target: number, eps: number): number {
    const total = z.reduce((s, x) => s + Math.exp(x), 0);
    return -z.reduce(
      (s, x, j) =>
        s + ((j === target ? 1 - eps : 0) + eps / z.length) * Math.log(Math.exp(x) / total),
      0,
    );
  }

  it.each([
    [[1, 2, 3], 0, 0.1],
    [[0.5, -1], 1, 0.3],
    [[2, 2, 2, -4], 3, 0.05],
  ])(
    "is −Σ qⱼ·log pⱼ for logits %j, class %s, ε %s, with gradient softmax − q",
    (z, target, eps) => {
      const logits = z.map((x) => new Value(x));
      const loss = smoothedCrossEntropy(logits, target, eps);
      loss.backward();
      expect(loss.data).toBeCloseTo(byDefinition(z, target, eps), 12);
      const total = z.reduce((s, x) => s + Math.exp(x), 0);
      logits.forEach((l, j) =>
        expect(l.grad).toBeCloseTo(
          Math.exp(z[j]!) / total - ((j === target ? 1 - eps : 0) + eps / z.length),
          12,
        ),
      );
    },
  );

  it("is plain cross-entropy at ε = 0, and ln 2 for two equal logits whatever ε", () => {
    const z = [0.3, -1.2, 2];
    expect(
      smoothedCrossEntropy(
        z.map((x) => new Value(x)),
        2,
        0,
      ).data,
    ).toBeCloseTo(crossEntropyLoss(z, 2).data, 14);
    expect(smoothedCrossEntropy([new Value(0), new Value(0)], 0, 0.4).data).toBeCloseTo(
      Math.LN2,
      15,
    );
  });

  it("stays finite for logits past where e^z overflows", () => {
    // q = (0.95, 0.05): loss = 0.05·1000 + log(1 + e^−1000) = 50
    expect(smoothedCrossEntropy([new Value(1000), new Value(0)], 0, 0.1).data).toBeCloseTo(50, 12);
  });
});
