import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findLesson, readCourse } from "../../learn/course.ts";
import { exercisesIn, packageExercises } from "../../learn/exercises.ts";
import { FIXTURE } from "./fixture.ts";

describe("exercises", () => {
  it("reads a package's exercise regions in source order, with their hints and lines", () => {
    expect(packageExercises(FIXTURE, "autograd")).toEqual([
      { name: "square", pkg: "autograd", file: "packages/autograd/src/powers.ts", line: 3, hint: "Multiply the number by itself" },
      { name: "cube", pkg: "autograd", file: "packages/autograd/src/powers.ts", line: 10, hint: "Reuse square: x³ = x · x²" },
      { name: "double", pkg: "autograd", file: "packages/autograd/src/scale.ts", line: 7, hint: "Twice the number" },
    ]);
  });

  it("ignores other regions, and reads an exercise without a hint as an empty hint", () => {
    const source = "// #region show\n// #region exercise:a\nx;\n// #endregion exercise:a\n// #endregion show";
    expect(exercisesIn(source, "p", "a.ts")).toEqual([{ name: "a", pkg: "p", file: "a.ts", line: 2, hint: "" }]);
  });

  it.each([
    ["a region inside an exercise", "// #region exercise:a Hint\n// #region b\n// #endregion b\n// #endregion exercise:a", "a.ts:2: region b is inside exercise region exercise:a; blanking would remove it"],
    ["a name with a space-like character", "// #region exercise:a/b Hint\n// #endregion exercise:a/b", 'a.ts:1: exercise name "a/b" must be letters, digits, _ . or -'],
  ])("rejects %s", (_what, source, message) => {
    expect(() => exercisesIn(source, "p", "a.ts")).toThrow(message);
  });

  it("rejects a name used twice in a package", () => {
    const root = mkdtempSync(join(tmpdir(), "gradbook-learn-"));
    mkdirSync(join(root, "packages/p/src"), { recursive: true });
    const region = "// #region exercise:a Hint\nx;\n// #endregion exercise:a\n";
    writeFileSync(join(root, "packages/p/src/one.ts"), region);
    writeFileSync(join(root, "packages/p/src/two.ts"), region);
    expect(() => packageExercises(root, "p")).toThrow("packages/p/src/two.ts:1: exercise a is already defined at packages/p/src/one.ts:1");
  });
});

describe("the course", () => {
  const course = readCourse(FIXTURE);

  it("lists the lessons in order with their package and exercises, ordered as the front matter lists them", () => {
    expect(course.map((l) => [l.nn, l.title, l.pkg, l.exercises.map((e) => e.name)])).toEqual([
      ["00", "Introduction", null, []],
      ["01", "Powers", "autograd", ["double", "square", "cube"]],
      ["02", "A lonely exercise", "neuron", ["relu", "unhinted", "lonely"]],
    ]);
    expect(course.every((l) => l.problems.length === 0)).toBe(true);
  });

  it("finds a lesson by the number as typed", () => {
    expect(findLesson(course, "1")?.nn).toBe("01");
    expect(findLesson(course, "01")?.nn).toBe("01");
    expect(findLesson(course, "x1")).toBeUndefined();
  });

  it("gives a package's exercises to the first lesson that pairs with it, and reports a wrong exercises list", () => {
    const root = mkdtempSync(join(tmpdir(), "gradbook-learn-"));
    mkdirSync(join(root, "lessons"));
    mkdirSync(join(root, "packages/p/src"), { recursive: true });
    writeFileSync(join(root, "packages/p/src/a.ts"), "// #region exercise:a Hint\nx;\n// #endregion exercise:a\n");
    writeFileSync(join(root, "lessons/01-one.md"), "---\npackage: p\nexercises: a, zz\n---\n\n# One\n");
    writeFileSync(join(root, "lessons/02-two.md"), "---\npackage: p\n---\n\n# Two\n");
    const [one, two] = readCourse(root);
    expect(one!.exercises.map((e) => e.name)).toEqual(["a"]);
    expect(one!.problems).toEqual(["lessons/01-one.md: front matter lists exercises that packages/p does not have: zz"]);
    expect(two!.exercises).toEqual([]);
  });
});
