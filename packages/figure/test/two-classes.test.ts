import { describe, expect, it } from "vitest";
import { twoClassColour } from "../src/index.ts";

describe("twoClassColour", () => {
  // Linear between the stops (103,169,207) at 0, (247,247,247) at ½, (239,138,98) at 1, worked by
  // hand: at ¼, halfway from the first to the second; at ¾, halfway from the second to the third.
  it.each([
    [0, [103, 169, 207]],
    [0.25, [175, 208, 227]],
    [0.5, [247, 247, 247]],
    [0.75, [243, 193, 173]], // 192.5 and 172.5 round up
    [1, [239, 138, 98]],
    [-3, [103, 169, 207]], // clamped
    [7, [239, 138, 98]],
    [Number.NaN, [247, 247, 247]], // not finite: the middle, no side
  ])("at %s is %j", (t, rgb) => {
    expect(twoClassColour(t)).toEqual(rgb);
  });
});
