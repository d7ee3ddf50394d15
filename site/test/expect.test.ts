import { describe, expect, it } from "vitest";
import { expect as shim } from "../src/client/expect.ts";

// The browser's stand-in for vitest's expect must agree with vitest's: each case runs through
// both, and both must pass or both must throw.

class Box {
  constructor(readonly v: number) {}
}
const thrower = () => {
  throw new RangeError("too big");
};

const cases: [string, unknown, string, unknown[]][] = [
  ["toBe, same", 1, "toBe", [1]],
  ["toBe, different", 1, "toBe", [2]],
  ["toBe, objects are not the same", { a: 1 }, "toBe", [{ a: 1 }]],
  ["toBe, NaN is NaN", NaN, "toBe", [NaN]],
  ["toEqual, deep", { a: [1, { b: 2 }] }, "toEqual", [{ a: [1, { b: 2 }] }]],
  ["toEqual, ignores undefined properties", { a: 1, b: undefined }, "toEqual", [{ a: 1 }]],
  ["toEqual, class vs plain", new Box(1), "toEqual", [{ v: 1 }]],
  ["toStrictEqual, class vs plain", new Box(1), "toStrictEqual", [{ v: 1 }]],
  ["toEqual, arrays differ", [1, 2], "toEqual", [[1, 2, 3]]],
  ["toBeCloseTo, within 2 digits", 0.1 + 0.2, "toBeCloseTo", [0.3]],
  ["toBeCloseTo, outside 5 digits", 0.30001, "toBeCloseTo", [0.3, 5]],
  ["toBeCloseTo, at 3 digits", 1.0004, "toBeCloseTo", [1, 3]],
  ["toBeGreaterThan", 2, "toBeGreaterThan", [1]],
  ["toBeGreaterThan, equal", 1, "toBeGreaterThan", [1]],
  ["toBeLessThanOrEqual, equal", 1, "toBeLessThanOrEqual", [1]],
  ["toBeLessThan", 1, "toBeLessThan", [0]],
  ["toBeTruthy", 0, "toBeTruthy", []],
  ["toBeFalsy", "", "toBeFalsy", []],
  ["toBeNaN", NaN, "toBeNaN", []],
  ["toBeNull", undefined, "toBeNull", []],
  ["toBeDefined", undefined, "toBeDefined", []],
  ["toBeInstanceOf", new Box(1), "toBeInstanceOf", [Box]],
  ["toContain, array", [1, 2], "toContain", [2]],
  ["toContain, string", "gradient", "toContain", ["adi"]],
  ["toHaveLength", [1, 2], "toHaveLength", [3]],
  ["toMatch, regexp", "loss 0.25", "toMatch", [/loss \d/]],
  ["toThrow", thrower, "toThrow", []],
  ["toThrow, matching", thrower, "toThrow", [/big/]],
  ["toThrow, not matching", thrower, "toThrow", [/small/]],
  ["toThrow, not throwing", () => 1, "toThrow", []],
];

const outcome = (
  make: (a: unknown) => unknown,
  actual: unknown,
  matcher: string,
  args: unknown[],
  not: boolean,
) => {
  try {
    type Matchers = Record<string, (...a: unknown[]) => void>;
    const assertion = make(actual) as Matchers & { not: Matchers };
    const target = not ? assertion.not : assertion;
    target[matcher]!.call(target, ...args); // vitest's matchers need their assertion as `this`
    return "passes";
  } catch {
    return "throws";
  }
};

describe("the browser's expect", () => {
  it.each(cases)("agrees with vitest on %s", (_name, actual, matcher, args) => {
    for (const not of [false, true]) {
      expect(outcome(shim, actual, matcher, args, not)).toBe(
        outcome(expect, actual, matcher, args, not),
      );
    }
  });

  it("says what it expected, as vitest does", () => {
    expect(() => shim(42).toBe(41)).toThrow("expected 42 to be 41 // Object.is equality");
    expect(() => shim([1]).not.toHaveLength(1)).toThrow("expected [ 1 ] not to have a length of 1");
  });
});
