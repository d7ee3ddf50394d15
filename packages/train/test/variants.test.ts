// Lesson 06's problems: two numbers about the sampler (the unseen fraction, the draws to see every
// point) against the real sampler.
import { describe, expect, it } from "vitest";
import { lcgOrder } from "../src/sampler.ts";
import { expectedDrawsToSeeAll, expectedUnseen } from "../src/variants.ts";

describe("expectedUnseen", () => {
  it("is 81/256 for XOR's four points, worked by hand", () => {
    expect(expectedUnseen(4)).toBe(81 / 256);
  });

  it.each([4, 10, 50])(
    "matches the fraction the LCG sampler leaves out, over 4000 epochs of %s points",
    (n) => {
      const order = lcgOrder(7);
      let unseen = 0;
      const epochs = 4000;
      for (let e = 0; e < epochs; e++) {
        const seen = new Set(order(n).flat());
        unseen += (n - seen.size) / n;
      }
      // The per-epoch fraction has a standard deviation below 0.25, so the mean's is below 0.004.
      expect(Math.abs(unseen / epochs - expectedUnseen(n))).toBeLessThan(0.016);
    },
  );

  it("tends to 1/e for many points", () => {
    expect(expectedUnseen(1e6)).toBeCloseTo(Math.exp(-1), 6);
  });
});

describe("expectedDrawsToSeeAll", () => {
  it("is 25/3 for XOR's four points, worked by hand", () => {
    expect(expectedDrawsToSeeAll(4)).toBeCloseTo(25 / 3, 14);
  });

  it.each([4, 10])(
    "matches the draws the LCG sampler takes to show all of %s points, over 3000 runs",
    (n) => {
      const order = lcgOrder(11);
      function* draws(): Generator<number> {
        for (;;) for (const [i] of order(n)) yield i!; // one epoch at a time, the stream running on
      }
      const next = draws();
      const runs = 3000;
      let total = 0;
      for (let r = 0; r < runs; r++) {
        const seen = new Set<number>();
        while (seen.size < n) {
          seen.add(next.next().value);
          total++;
        }
      }
      // The count's standard deviation is n·√(Σ 1/k²) at most (3.8 for 4 points, 11 for 10): over
      // 3000 runs the mean's is under 0.21, and the bound is four times it.
      expect(Math.abs(total / runs - expectedDrawsToSeeAll(n))).toBeLessThan(0.85);
    },
  );
});
