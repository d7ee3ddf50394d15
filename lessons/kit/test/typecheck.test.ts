import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { courseLessons } from "../course.ts";
import { typecheckLessons } from "../typecheck.ts";

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

describe("typecheckLessons", () => {
  it("reports a type error at the markdown line and column, like tsc", () => {
    expect(typecheckLessons([fixture("06-type-error.md")]).map((d) => d.text)).toEqual([
      "lessons/kit/test/fixtures/06-type-error.md:12:7 - error TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
  });

  it("type-checks no-run and throws blocks in the shared scope", () => {
    expect(typecheckLessons([fixture("01-passing.md")])).toEqual([]);
  });

  it("reports a lesson that cannot compile (a forbidden import) at its line", () => {
    expect(typecheckLessons([fixture("07-forbidden-import.md")])).toMatchObject([
      { file: "lessons/kit/test/fixtures/07-forbidden-import.md", line: 13 },
    ]);
  });
});

// The course itself: every lesson type-checks (one test per lesson, so a failure names it).
describe("the course's lessons type-check", () => {
  const lessons = courseLessons();
  const problems = typecheckLessons(lessons);
  it.each(lessons.map((path) => [path.replace(/.*\//, ""), path]))("%s", (_name, path) => {
    const mine = problems.filter((p) => path.endsWith(p.file));
    expect(mine.map((p) => p.text)).toEqual([]);
  });
});
