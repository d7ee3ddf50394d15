import { EarlyStopping } from "@gradbook/classify";
import { describe, expect, it } from "vitest";

describe("EarlyStopping", () => {
  it.each([
    // losses, patience, minDelta → the epoch after which it stops (−1: never), the best epoch
    [[0.5, 0.52, 0.51, 0.53], 3, 0, 3, 0],
    [[0.5, 0.4, 0.3, 0.2], 1, 0, -1, 3],
    [[0.5, 0.4, 0.45, 0.39, 0.41], 2, 0, -1, 3],
    [[0.5, 0.4, 0.45, 0.39, 0.41, 0.42], 2, 0, 5, 3],
    [[0.5, 0.495, 0.49, 0.485], 2, 0.01, 2, 0], // steps of 0.005 are not improvements of more than 0.01
    [[0.5, 0.5], 1, 0, 1, 0], // equal is not better
  ] as const)(
    "on %j with patience %i and minDelta %d stops after epoch %i, best at %i",
    (losses, patience, minDelta, stopsAfter, bestEpoch) => {
      const stopper = new EarlyStopping(patience, minDelta);
      let stopped = -1;
      for (const [epoch, loss] of losses.entries()) {
        if (stopper.update(loss)) {
          stopped = epoch;
          break;
        }
      }
      expect(stopped).toBe(stopsAfter);
      expect(stopper.bestEpoch).toBe(bestEpoch);
      expect(stopper.best).toBe(losses[bestEpoch]);
    },
  );

  it("refuses a patience that is not a positive integer", () => {
    expect(() => new EarlyStopping(0)).toThrow(/patience to be a positive integer, got 0/);
  });
});
