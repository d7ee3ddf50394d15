import { describe, expect, it } from "vitest";
import { typeModule } from "../type-module.ts";
import { parseLesson } from "../parse.ts";

const compile = (body: string, pkg = "autograd") =>
  typeModule(
    parseLesson("lessons/09-x.md", `---\npackage: ${pkg}\n---\n${body}`),
    "/repo/lessons/09-x.md",
  );

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

describe("typeModule", () => {
  it("hoists imports above the shared scope, where the runtime's console and show are declared", () => {
    const { code } = compile(lessonText);
    const lines = code.split("\n");
    expect(lines[0]).toBe('import { Value } from "@gradbook/autograd";');
    expect(lines.slice(1, 5)).toEqual([
      "export {};",
      'declare const console: import("@gradbook/lessons/kit").LessonScope["console"];',
      'declare const show: import("@gradbook/lessons/kit").LessonScope["show"];',
      "(async () => {",
    ]);
    expect(lines.slice(5)).toEqual(["const a = new Value(2);", "const b = a.mul(3);", "})();", ""]);
  });

  it("gives a throws or no-run block a scope of its own", () => {
    const { code } = compile(
      "# T\n\n```ts throws\nconst a = 1;\n```\n\n```ts no-run\nconst a = 2;\n```\n",
    );
    expect(code).toContain(
      "(async () => {\nconst a = 1;\n});\n(async () => {\nconst a = 2;\n});\n",
    );
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
