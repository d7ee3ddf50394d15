import { describe, expect, it } from "vitest";
import {
  blankedIn,
  blankExercise,
  blankMessage,
  exerciseBody,
  isBlank,
  sameCode,
  withExerciseBody,
} from "../../learn/blank.ts";

const lesson = { nn: "01", file: "lessons/01-powers.md" };
const source = [
  "export function cube(x: number): number {",
  "  // #region exercise:cube Reuse square",
  "  const squared = square(x);",
  "  return x * squared;",
  "  // #endregion exercise:cube",
  "}",
].join("\n");

describe("blanking an exercise", () => {
  it("replaces the lines between the markers with one throw, indented like the marker", () => {
    expect(blankExercise(source, "cube", lesson)).toBe(
      [
        "export function cube(x: number): number {",
        "  // #region exercise:cube Reuse square",
        `  throw new Error("exercise cube (lesson 01) is not written yet: read lessons/01-powers.md (hint: pnpm learn hint 01 cube)");`,
        "  // #endregion exercise:cube",
        "}",
      ].join("\n"),
    );
  });

  it("keeps the file's line endings", () => {
    const crlf = source.replaceAll("\n", "\r\n");
    const blanked = blankExercise(crlf, "cube", lesson);
    expect(blanked.split("\r\n")).toHaveLength(5);
    expect(blanked).not.toMatch(/[^\r]\n/);
  });

  it("reads back the body, and knows a blank from code", () => {
    const blanked = blankExercise(source, "cube", lesson);
    expect(isBlank(exerciseBody(blanked, "cube")!, "cube")).toBe(true);
    expect(isBlank(exerciseBody(source, "cube")!, "cube")).toBe(false);
    expect(isBlank(exerciseBody(blanked, "cube")!, "square")).toBe(false);
    expect(exerciseBody(source, "square")).toBeUndefined();
  });

  it("restores a body, so blank then restore gives the file back", () => {
    const body = exerciseBody(source, "cube")!;
    expect(withExerciseBody(blankExercise(source, "cube", lesson), "cube", body)).toBe(source);
  });

  it("finds the exercises a failure message names, even wrapped in an assertion", () => {
    const message = `expected [Function] to throw /x/ but got 'Error: ${blankMessage("topo", lesson)}'`;
    expect(blankedIn(message)).toEqual([{ name: "topo", nn: "01" }]);
    expect(blankedIn("AssertionError: expected 6 to be 9")).toEqual([]);
  });

  it.each([
    ["  return x;", "  return x;   ", true],
    ["\n  return x;\r\n", "  return x;", true],
    ["  return x;", "  return  x;", false],
  ])("compares code %j and %j ignoring trailing space and end lines: %s", (a, b, same) => {
    expect(sameCode(a, b)).toBe(same);
  });
});
