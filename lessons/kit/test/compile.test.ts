import { describe, expect, it } from "vitest";
import { compileLesson } from "../compile.ts";
import { parseLesson } from "../parse.ts";

const compile = (body: string, pkg = "autograd") =>
  compileLesson(parseLesson("lessons/09-x.md", `---\npackage: ${pkg}\n---\n${body}`), {
    path: "/repo/lessons/09-x.md",
    runtime: "/repo/lessons/kit/runtime.ts",
  });

const lessonText = [
  "# T", //                                    4
  "", //                                       5
  "```ts", //                                  6
  'import { Value } from "@gradbook/autograd";', // 7
  "const a = new Value(2);", //                8
  "```", //                                    9
  "", //                                      10
  "```ts", //                                 11
  "const b = a.mul(3);", //                   12
  "```", //                                   13
  "",
].join("\n");

describe("compileLesson", () => {
  it("hoists imports above the shared scope and emits one test per runnable block", () => {
    const { code } = compile(lessonText);
    const lines = code.split("\n");
    const importAt = lines.indexOf('import { Value } from "@gradbook/autograd";');
    expect(importAt).toBeGreaterThan(0);
    expect(importAt).toBeLessThan(lines.findIndex((l) => l.startsWith("const __steps")));
    expect(lines.filter((l) => l.startsWith("__test("))).toEqual([
      '__test("line 6", (ctx) => __rt.step(__steps, 0, ctx));',
      '__test("line 11", (ctx) => __rt.step(__steps, 1, ctx));',
    ]);
    expect(code).toContain('import { lesson as __lesson } from "./kit/runtime.ts";');
  });

  it("maps generated lines back to the lesson's lines", () => {
    const compiled = compile(lessonText);
    const lines = compiled.code.split("\n");
    expect(compiled.locate(lines.indexOf("const b = a.mul(3);"), 6)).toEqual({
      line: 12,
      column: 7,
    });
    expect(
      compiled.locate(lines.indexOf('import { Value } from "@gradbook/autograd";'), 0),
    ).toEqual({ line: 7, column: 1 });
  });

  it("rejects an export, at its line", () => {
    expect(() => compile("# T\n\n```ts\nconst a = 1;\nexport { a };\n```\n")).toThrow(
      "lessons/09-x.md:8: a lesson block cannot export",
    );
  });

  it("checks dynamic imports against the step rule too", () => {
    expect(() =>
      compile('# T\n\n```ts\nconst m = await import("@gradbook/train");\n```\n'),
    ).toThrow("lessons/09-x.md:7: imports @gradbook/train (step 6)");
  });
});
