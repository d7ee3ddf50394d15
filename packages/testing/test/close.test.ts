import { describe, expect, it } from "vitest";
import { expectClose } from "../index.ts";

// The comparison every package's tests rely on: a wrong pass here would hide a wrong gradient.
describe("expectClose", () => {
  it.each([
    ["equal numbers", 0.1 + 0.2, 0.1 + 0.2],
    ["within 1e-12 relative", 1 + 5e-13, 1],
    ["equal infinities", Infinity, Infinity],
    ["0 and −0", -0, 0],
    ["near 0 within abs", 1e-20, 0, 1e-12, 1e-15],
  ])("passes %s", (_, got, want, rel = 1e-12, abs = 0) => {
    expect(() => expectClose(got, want, rel, abs)).not.toThrow();
  });

  it.each([
    ["off by 2e-12 relative", 1 + 2e-12, 1],
    ["NaN against NaN", NaN, NaN],
    ["opposite infinities", -Infinity, Infinity],
    ["near 0 without abs", 1e-20, 0],
  ])("fails %s", (_, got, want) => {
    expect(() => expectClose(got, want)).toThrow(`expected ${got} to be within`);
  });
});
