import { describe, expect, it } from "vitest";
import { NO_EXPORT } from "../block.ts";
import { CompileError, compileProgram } from "../program.ts";

// The lesson core's compiler, where the test run and the page share it: what it refuses, and where
// it says the problem is. (How it keeps lines and blames syntax errors: site/test/runtime.test.ts.)

const placeOf = (codes: string[]) => {
  try {
    compileProgram(codes.map((code) => ({ kind: "run" as const, code })));
  } catch (error) {
    if (error instanceof CompileError) return { message: error.message, ...error.place };
    throw error;
  }
  return undefined;
};

describe("compileProgram", () => {
  it.each([
    ["export { a }", ["const ok = 1;\n", "const a = 1;\nexport { a };\n"], 1, 2],
    ["export const", ["export const b = 2;\n"], 0, 1],
    ["export function", ["const a = 1;\n\nexport function f() {}\n"], 0, 3],
    ["export default", ["let q = 1;\nexport default q;\n"], 0, 2],
    ["export * from", ["const x = 1;\nexport * from './y';\n"], 0, 2],
  ])("refuses %s at its block and line", (_what, codes, block, line) => {
    expect(placeOf(codes)).toEqual({ message: NO_EXPORT, block, line });
  });

  it("takes a name that merely contains exports", () => {
    expect(placeOf(["const exportsSoFar = 1;\nconsole.log(exportsSoFar);\n"])).toBeUndefined();
  });
});
