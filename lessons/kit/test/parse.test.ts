import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFence } from "../fence.ts";
import { parseLesson } from "../parse.ts";

const lesson = (body: string, front = "package: none") =>
  parseLesson("lessons/09-x.md", `---\n${front}\n---\n${body}`);

describe("parseFence", () => {
  it.each([
    ["ts", { kind: "run", lang: "ts" }],
    ["ts no-run", { kind: "no-run", lang: "ts" }],
    ["ts throws", { kind: "throws", lang: "ts" }],
    ["ts throws=/bad size/i", { kind: "throws", lang: "ts", pattern: /bad size/i }],
    ["text output", { kind: "output", lang: "text" }],
    ["text", { kind: "show", lang: "text" }],
    ["dot", { kind: "show", lang: "dot" }],
  ])("```%s", (info, expected) => {
    expect(parseFence(info)).toEqual(expected);
  });

  it("names a misspelt attribute and what was expected", () => {
    expect(parseFence("ts norun")).toBe(
      'unknown fence attribute "norun": expected ```ts, ```ts no-run, ```ts throws or ```ts throws=/pattern/',
    );
  });
});

describe("parseLesson", () => {
  it("reads front matter, title, blocks with their fence lines, outputs and includes", () => {
    const source = readFileSync(new URL("fixtures/01-passing.md", import.meta.url), "utf8");
    const parsed = parseLesson("lessons/kit/test/fixtures/01-passing.md", source);
    expect(parsed).toMatchObject({
      number: 1,
      slug: "passing",
      title: "A lesson that passes",
      package: "autograd",
    });
    expect(parsed.includes).toEqual([
      { line: 9, path: "lessons/kit/test/fixtures/source.ts", region: "square" },
    ]);
    expect(parsed.blocks.map((b) => [b.kind, b.line, b.output?.line])).toEqual([
      ["run", 11, 16],
      ["no-run", 20, undefined],
      ["run", 24, 30],
      ["throws", 34, 38],
    ]);
    expect(parsed.blocks[0]!.output!.text).toBe("1 4 9\n");
    // Offsets point at the code itself, so the compiled module maps back into the file.
    for (const b of parsed.blocks) expect(source.slice(b.start, b.end)).toBe(b.code);
  });

  it("keeps offsets right in a file with Windows line endings", () => {
    const parsed = parseLesson(
      "lessons/09-x.md",
      "---\r\npackage: none\r\n---\r\n# T\r\n\r\n```ts\r\nlet a = 1;\r\n```\r\n",
    );
    expect(parsed.blocks[0]).toMatchObject({ line: 6, code: "let a = 1;\n" });
  });

  it.each([
    [
      "an unknown fence attribute",
      "# T\n\n```ts run\nx\n```\n",
      'lessons/09-x.md:6: unknown fence attribute "run"',
    ],
    [
      "an output block with no code block before it",
      "# T\n\n```text output\n1\n```\n",
      "lessons/09-x.md:6: a ```text output block must follow a ```ts or ```ts throws block",
    ],
    [
      "an output block after a no-run block",
      "# T\n\n```ts no-run\nx\n```\n\n```text output\n1\n```\n",
      "lessons/09-x.md:10: a ```text output block must follow",
    ],
    [
      "a ts fence inside a list",
      "# T\n\n- item\n\n  ```ts\n  x\n  ```\n",
      "lessons/09-x.md:8: a ```ts or ```text output fence must be at the top level",
    ],
    [
      "an indented fence",
      "# T\n\n  ```ts\n  x\n  ```\n",
      "lessons/09-x.md:6: a ```ts fence must not be indented",
    ],
    ["no title", "Some text.\n", "lessons/09-x.md:1: a lesson needs a `# Title` heading"],
  ])("rejects %s at its line", (_what, body, message) => {
    expect(() => lesson(body)).toThrow(message);
  });

  it("requires the front matter to name the package", () => {
    expect(() => parseLesson("lessons/09-x.md", "# T\n")).toThrow(
      "lessons/09-x.md:1: front matter must name the lesson's package",
    );
  });

  it("requires an NN-slug.md file name", () => {
    expect(() => parseLesson("lessons/intro.md", "---\npackage: none\n---\n# T\n")).toThrow(
      "lessons/intro.md:1: a lesson's file name must look like NN-slug.md",
    );
  });
});
