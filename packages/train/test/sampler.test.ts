import { Rng } from "@gradbook/neuron";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lcgOrder, randomPoints, shuffledBatches } from "../src/index.ts";

describe("lcgOrder", () => {
  it.each([4, 7, 1])(
    "advances s ← 1664525·s + 1013904223 mod 2³² before reading ⌊s·n / 2³²⌋, for n = %i",
    (n) => {
      // The same generator in BigInt, with no 32-bit tricks. By hand for the first step from s₀ = 2:
      // s₁ = 1664525·2 + 1013904223 = 1017233273 < 2³⁰, so the first XOR index is 0.
      let s = 2n;
      const expected = Array.from({ length: 1000 }, () => {
        s = (1664525n * s + 1013904223n) % 2n ** 32n;
        return Number((s * BigInt(n)) >> 32n);
      });
      const order = lcgOrder(2);
      const got: number[] = [];
      while (got.length < 1000) got.push(...order(n).flat()); // one stream across epochs
      expect(got.slice(0, 1000)).toEqual(expected);
    },
  );

  it("gives one point per step, n steps per epoch, indices below n", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 50 }),
        (seed, n) => {
          const epoch = lcgOrder(seed)(n);
          expect(epoch).toHaveLength(n);
          expect(
            epoch.every((b) => b.length === 1 && Number.isInteger(b[0]) && b[0]! >= 0 && b[0]! < n),
          ).toBe(true);
        },
      ),
    );
  });

  it.each([-1, 1.5, 2 ** 32])("rejects the assignment %d", (seed) => {
    expect(() => lcgOrder(seed)).toThrow(
      /lcgOrder: expected a seed that is an integer in \[0, 2³²\), got/,
    );
  });
});

describe("randomPoints", () => {
  it("draws each step's point with rng.int(n), n steps per epoch", () => {
    const rng = new Rng(5);
    const twin = new Rng(5);
    expect(randomPoints(rng)(6)).toEqual(Array.from({ length: 6 }, () => [twin.int(6)]));
  });
});

describe("shuffledBatches", () => {
  it.each([
    [10, 3, [3, 3, 3, 1]],
    [8, 4, [4, 4]],
    [4, 10, [4]],
  ])("cuts a permutation of %i points into batches of %i", (n, size, sizes) => {
    const sampler = shuffledBatches(new Rng(1), size);
    for (let epoch = 0; epoch < 3; epoch++) {
      const batches = sampler(n);
      expect(batches.map((b) => b.length)).toEqual(sizes);
      expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it("shuffles differently each epoch", () => {
    const sampler = shuffledBatches(new Rng(1), 50);
    expect(sampler(50)).not.toEqual(sampler(50));
  });

  it.each([0, 2.5, -1])("rejects the batch size %d", (size) => {
    expect(() => shuffledBatches(new Rng(1), size)).toThrow(
      /shuffledBatches: expected a batch size that is a positive integer, got/,
    );
  });
});
