import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { courseLessons } from "../course.ts";
import { parseLesson } from "../parse.ts";
import { ROOT } from "../plugin.ts";

describe("README", () => {
  it("lists every lesson of the course, in order, with its title", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = /<!-- lessons[^>]*-->\n([\s\S]*?)<!-- \/lessons -->/.exec(readme)?.[1] ?? "";
    const expected = courseLessons().map((path) => {
      const lesson = parseLesson(`lessons/${basename(path)}`, readFileSync(path, "utf8"));
      return `- [${String(lesson.number).padStart(2, "0")} ${lesson.title}](${lesson.file})`;
    });
    expect(section.trimEnd().split("\n")).toEqual(expected);
  });
});
