import { accuracy, confusionMatrix } from "@gradbook/classify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("accuracy", () => {
  it("is the share of predictions equal to their labels", () => {
    expect(accuracy([1, 2, 3, 4], [1, 0, 3, 0])).toBe(0.5);
    expect(() => accuracy([1], [1, 2])).toThrow(
      /as many predictions as labels, at least one, got 1 and 2/,
    );
  });
});

describe("confusionMatrix", () => {
  it("counts each (true, predicted) pair in row true, column predicted", () => {
    // labels 0 0 1 2 2 2, predictions 0 1 1 2 0 2: row 0 = [1 1 0], row 1 = [0 1 0], row 2 = [1 0 2]
    expect(confusionMatrix([0, 1, 1, 2, 0, 2], [0, 0, 1, 2, 2, 2], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
  });

  it("has rows that sum to the class counts and a diagonal that sums to the right answers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 1,
          maxLength: 200,
        }),
        (pairs) => {
          const labels = pairs.map(([t]) => t);
          const predicted = pairs.map(([, p]) => p);
          const matrix = confusionMatrix(predicted, labels);
          matrix.forEach((row, t) =>
            expect(row.reduce((a, b) => a + b, 0)).toBe(labels.filter((l) => l === t).length),
          );
          expect(matrix.reduce((sum, row, t) => sum + row[t]!, 0)).toBe(
            accuracy(predicted, labels) * pairs.length,
          );
        },
      ),
    );
  });

  it("refuses a class outside 0 … classes − 1", () => {
    expect(() => confusionMatrix([3], [1], 3)).toThrow(
      /classes 0 … 2, got label 1 and prediction 3 at 0/,
    );
  });
});
