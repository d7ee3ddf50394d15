import { describe, expect, it } from "vitest";
import { extractRegion, findRegions } from "../regions.ts";

const source = [
  "class Value {", //                            1
  "  // #region mul", //                         2
  "  mul(other: Value): Value {", //             3
  "    // #region exercise:mul", //              4
  "    return new Value(this.data * other.data);", // 5
  "    // #endregion exercise:mul", //           6
  "  }", //                                      7
  "  // #endregion mul", //                      8
  "}", //                                        9
].join("\n");

describe("regions", () => {
  it("finds nested regions in order of their opening lines", () => {
    expect(findRegions(source)).toEqual([
      { name: "mul", open: 1, close: 7 },
      { name: "exercise:mul", open: 3, close: 5 },
    ]);
  });

  it("extracts a region dedented, without nested markers", () => {
    expect(extractRegion(source, "mul")).toBe(
      "mul(other: Value): Value {\n  return new Value(this.data * other.data);\n}\n",
    );
  });

  it("returns undefined for a region that is not there", () => {
    expect(extractRegion(source, "add")).toBeUndefined();
  });

  it.each([
    [
      "an #endregion without #region",
      "// #endregion a",
      "f.ts:1: #endregion without a matching #region",
    ],
    ["a region never closed", "// #region a\nx", "f.ts:1: #region a is never closed"],
    [
      "a mismatched #endregion name",
      "// #region a\n// #endregion b",
      "f.ts:2: #endregion b closes #region a (line 1)",
    ],
  ])("rejects %s", (_what, text, message) => {
    expect(() => findRegions(text, "f.ts")).toThrow(message);
  });
});

describe("region hints", () => {
  it.each([
    [
      "// #region exercise:topo Visit each value once, operands first",
      "Visit each value once, operands first",
    ],
    [
      "  //#region exercise:topo   spaces around the hint are trimmed  ",
      "spaces around the hint are trimmed",
    ],
    ["// #region exercise:topo\r", undefined],
  ])("reads the hint after the name in %j", (marker, hint) => {
    const [region] = findRegions(`${marker}\nx\n// #endregion exercise:topo`);
    expect(region).toEqual({ name: "exercise:topo", open: 0, close: 2, ...(hint ? { hint } : {}) });
    expect(region!.hint).toBe(hint);
  });
});
