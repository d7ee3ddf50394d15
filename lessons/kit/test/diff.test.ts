import { describe, expect, it } from "vitest";
import { lineDiff } from "../diff.ts";

describe("lineDiff", () => {
  it.each([
    ["equal text", "a\nb\n", "a\nb\n", "  a\n  b\n"],
    ["a changed line", "a\nb\nc\n", "a\nB\nc\n", "  a\n- b\n+ B\n  c\n"],
    ["a missing line", "a\nb\n", "a\n", "  a\n- b\n"],
    ["an extra line", "a\n", "a\nz\n", "  a\n+ z\n"],
    ["nothing printed", "1\n", "", "- 1\n"],
  ])("%s", (_what, expected, actual, diff) => {
    expect(lineDiff(expected, actual)).toBe(diff);
  });
});
