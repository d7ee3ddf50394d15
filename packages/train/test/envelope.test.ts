// envelope(): a long loss series thinned for a chart, its extremes and endpoints kept.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { envelope, MAX_POINTS } from "../src/curve.ts";

const series = (losses: number[]) => losses.map((loss, epoch) => ({ epoch, loss }));
const losses = (points: { loss: number }[]) => points.map((p) => p.loss);

describe("envelope", () => {
  it.each([
    // 9 points, at most 8: two buckets, epochs 0–3 and 4–8 (the last bucket takes the end).
    // Bucket 1: first 5, lowest 1, highest 9, last 3. Bucket 2: first 7, lowest 2, highest 8,
    // last 6; its 4 at epoch 7 is neither, and goes.
    [[5, 1, 9, 3, 7, 2, 8, 4, 6], 8, [5, 1, 9, 3, 7, 2, 8, 6]],
    // One bucket: first, then the highest and the lowest in the order they come, then last.
    [[5, 9, 3, 1, 4], 4, [5, 9, 1, 4]],
    // A first point that is also the lowest is kept once.
    [[0, 9, 3, 1, 4], 4, [0, 9, 4]],
    // Short enough: untouched.
    [[3, 1, 2], 4, [3, 1, 2]],
  ])("thins %j to at most %i points: %j", (input, maxPoints, expected) => {
    expect(losses(envelope(series(input), maxPoints))).toEqual(expected);
  });

  it("keeps a bouncing series' bounce: every bucket of an L1-like curve still reaches both levels", () => {
    // 10001 epochs alternating between a high and a low loss, as the assignment's L1 run does.
    const bouncing = series(Array.from({ length: 10_001 }, (_, epoch) => (epoch % 2 ? 0.02 : 0.5)));
    const thinned = envelope(bouncing, MAX_POINTS);
    expect(thinned.length).toBeLessThanOrEqual(MAX_POINTS);
    // One bucket per pixel column of the chart: 570 of them, each with both levels.
    const buckets = MAX_POINTS / 4;
    for (let b = 0; b < buckets; b++) {
      const inBucket = thinned.filter(
        (p) => Math.min(buckets - 1, Math.floor((p.epoch / 10_000) * buckets)) === b,
      );
      expect(new Set(losses(inBucket)), `bucket ${b}`).toEqual(new Set([0.5, 0.02]));
    }
  });

  it("keeps the endpoints and the global lowest and highest loss, in epoch order, within the budget", () => {
    const loss = fc.double({ min: 1e-6, max: 10, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(loss, { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 4, max: 1200 }),
        (values, maxPoints) => {
          const points = series(values);
          const thinned = envelope(points, maxPoints);
          expect(thinned.length).toBeLessThanOrEqual(Math.min(maxPoints, values.length));
          expect(thinned[0]).toBe(points[0]);
          expect(thinned.at(-1)).toBe(points.at(-1));
          expect(Math.min(...losses(thinned))).toBe(Math.min(...values));
          expect(Math.max(...losses(thinned))).toBe(Math.max(...values));
          // A subsequence of the original points, strictly in epoch order.
          thinned.forEach((p, i) => {
            expect(points[p.epoch]).toBe(p);
            if (i > 0) expect(p.epoch).toBeGreaterThan(thinned[i - 1]!.epoch);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([3, 4.5, Number.NaN])("rejects maxPoints %d", (maxPoints) => {
    expect(() => envelope(series([1, 2, 3, 4, 5]), maxPoints)).toThrow(
      `envelope: expected maxPoints to be an integer ≥ 4, got ${maxPoints}`,
    );
  });
});
