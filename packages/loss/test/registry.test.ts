import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import {
  bceLoss,
  bceWithLogitsLoss,
  hingeLoss,
  l1Loss,
  lossByName,
  losses,
  mseLoss,
} from "../src/index.ts";

describe("lossByName", () => {
  it.each([
    ["l1", l1Loss],
    ["mse", mseLoss],
    ["bce", bceLoss],
    ["bce-with-logits", bceWithLogitsLoss],
    ["hinge", hingeLoss],
  ])("%s", (name, loss) => {
    expect(lossByName(name)).toBe(loss);
  });

  it("lists exactly these names", () => {
    expect(Object.keys(losses)).toEqual(["l1", "mse", "bce", "bce-with-logits", "hinge"]);
  });

  it.each(["", "MSE", "crossEntropy", "toString", "__proto__"])(
    "rejects %j, listing the names",
    (name) => {
      expect(() => lossByName(name)).toThrow(
        `lossByName: expected one of l1, mse, bce, bce-with-logits, hinge, got ${JSON.stringify(name)}`,
      );
    },
  );

  it("gives a loss that computes: mse of 3 against 1 is 4", () => {
    // (3 − 1)² = 4
    expect(lossByName("mse")([new Value(3)], [1]).data).toBe(4);
  });
});
