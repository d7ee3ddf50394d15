import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findLesson, readCourse } from "../../learn/course.ts";
import { exercisesIn, packageExercises } from "../../learn/exercises.ts";
import { FIXTURE } from "./fixture.ts";

describe("exercises", () => {
  it("reads a package's exercise regions in source order, with their lines", () => {
    expect(packageExercises(FIXTURE, "autograd")).toEqual([
      {
        name: "square",
        pkg: "autograd",
        file: "packages/autograd/src/powers.ts",
        line: 3,
        extra: "",
      },
      {
        name: "cube",
        pkg: "autograd",
        file: "packages/autograd/src/powers.ts",
        line: 10,
        extra: "",
      },
      {
        name: "double",
        pkg: "autograd",
        file: "packages/autograd/src/scale.ts",
        line: 7,
        extra: "",
      },
    ]);
  });

  it("ignores other regions, and keeps text after the name on the marker line for the course to reject", () => {
    const source =
      "// #region show\n// #region exercise:a an old hint\nx;\n// #endregion exercise:a\n// #endregion show";
    expect(exercisesIn(source, "p", "a.ts")).toEqual([
      { name: "a", pkg: "p", file: "a.ts", line: 2, extra: "an old hint" },
    ]);
  });

  it.each([
    [
      "a region inside an exercise",
      "// #region exercise:a Hint\n// #region b\n// #endregion b\n// #endregion exercise:a",
      "a.ts:2: region b is inside exercise region exercise:a; blanking would remove it",
    ],
    [
      "a name with a space-like character",
      "// #region exercise:a/b Hint\n// #endregion exercise:a/b",
      'a.ts:1: exercise name "a/b" must be letters, digits, _ . or -',
    ],
  ])("rejects %s", (_what, source, message) => {
    expect(() => exercisesIn(source, "p", "a.ts")).toThrow(message);
  });

  it("rejects a name used twice in a package", () => {
    const root = mkdtempSync(join(tmpdir(), "gradbook-learn-"));
    mkdirSync(join(root, "packages/p/src"), { recursive: true });
    const region = "// #region exercise:a Hint\nx;\n// #endregion exercise:a\n";
    writeFileSync(join(root, "packages/p/src/one.ts"), region);
    writeFileSync(join(root, "packages/p/src/two.ts"), region);
    expect(() => packageExercises(root, "p")).toThrow(
      "packages/p/src/two.ts:1: exercise a is already defined at packages/p/src/one.ts:1",
    );
  });
});

describe("the course", () => {
  const course = readCourse(FIXTURE);

  it("lists the lessons in order with their title, package and exercises, ordered as each manifest lists them", () => {
    expect(
      course.map((l) => [l.nn, l.title, l.pkg, l.exercises.map((e) => `${e.name}:${e.kind}`)]),
    ).toEqual([
      ["00", "Introduction", null, []],
      ["01", "Powers", "autograd", ["double:type-along", "square:type-along", "cube:problem"]],
      [
        "02",
        "A lonely exercise",
        "neuron",
        ["relu:type-along", "step:type-along", "lonely:type-along"],
      ],
    ]);
    expect(course[1]!.exercises[2]).toMatchObject({
      file: "packages/autograd/src/powers.ts",
      line: 10,
      hints: ["A cube is a square times the number", "Reuse square: x³ = x · x²"],
    });
    expect(course[1]!.problems).toEqual([]);
    expect(course[2]!.problems).toEqual([
      "packages/neuron/src/index.ts:10: the marker line of exercise step has text after the name; hints belong in lessons/02-lonely.exercises.json",
    ]);
  });

  it("finds a lesson by the number as typed", () => {
    expect(findLesson(course, "1")?.nn).toBe("01");
    expect(findLesson(course, "01")?.nn).toBe("01");
    expect(findLesson(course, "x1")).toBeUndefined();
  });

  function course2(files: Record<string, string>) {
    const root = mkdtempSync(join(tmpdir(), "gradbook-learn-"));
    mkdirSync(join(root, "lessons"));
    mkdirSync(join(root, "packages/p/src"), { recursive: true });
    writeFileSync(
      join(root, "packages/p/src/a.ts"),
      "// #region exercise:a\nx;\n// #endregion exercise:a\n",
    );
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    return readCourse(root);
  }
  const info = (name: string) => ({ name, kind: "problem", task: "Do it.", hints: ["One"] });

  it("gives a lesson the exercises its manifest lists, reports a name with no region, and one listed twice", () => {
    const [one, two] = course2({
      "lessons/01-one.md": "---\npackage: p\n---\n\n# One\n",
      "lessons/01-one.exercises.json": JSON.stringify({ exercises: [info("a"), info("zz")] }),
      "lessons/02-two.md": "---\npackage: p\n---\n\n# Two\n",
      "lessons/02-two.exercises.json": JSON.stringify({ exercises: [info("a")] }),
    });
    expect(one!.exercises.map((e) => e.name)).toEqual(["a"]);
    expect(one!.problems).toEqual([
      "lessons/01-one.exercises.json: exercise zz has no region // #region exercise:zz in packages/p/src",
    ]);
    expect(two!.exercises).toEqual([]);
    expect(two!.problems).toEqual([
      "lessons/02-two.exercises.json: exercise a is listed by lessons/01-one.exercises.json already",
    ]);
  });

  it.each([
    [
      "a lesson without a package line",
      { "lessons/01-one.md": "# One\n" },
      "lessons/01-one.md:1: front matter must name the lesson's package",
    ],
    [
      "the old front matter list beside a manifest",
      {
        "lessons/01-one.md": "---\npackage: p\nexercises: a\n---\n\n# One\n",
        "lessons/01-one.exercises.json": JSON.stringify({ exercises: [info("a")] }),
      },
      "lessons/01-one.md: the front matter's exercises list belongs in lessons/01-one.exercises.json",
    ],
    [
      "a manifest that is not JSON",
      {
        "lessons/01-one.md": "---\npackage: p\n---\n\n# One\n",
        "lessons/01-one.exercises.json": "{",
      },
      "lessons/01-one.exercises.json is not valid JSON",
    ],
    [
      "a kind that is neither",
      {
        "lessons/01-one.md": "---\npackage: p\n---\n\n# One\n",
        "lessons/01-one.exercises.json": JSON.stringify({
          exercises: [{ ...info("a"), kind: "quiz" }],
        }),
      },
      'lessons/01-one.exercises.json: exercises[0] (a).kind must be one of "problem", "type-along"',
    ],
    [
      "an exercise without hints",
      {
        "lessons/01-one.md": "---\npackage: p\n---\n\n# One\n",
        "lessons/01-one.exercises.json": JSON.stringify({
          exercises: [{ ...info("a"), hints: [] }],
        }),
      },
      "lessons/01-one.exercises.json: exercises[0] (a).hints must be a list of at least one hint",
    ],
    [
      "exercises for a lesson without a package",
      {
        "lessons/01-one.md": "---\npackage: none\n---\n\n# One\n",
        "lessons/01-one.exercises.json": JSON.stringify({ exercises: [info("a")] }),
      },
      "lessons/01-one.exercises.json lists exercises, but lessons/01-one.md pairs with no package (package: none)",
    ],
  ])("reports %s, naming the file", (_what, files, problem) => {
    const [one] = course2(files);
    expect(one!.problems.join("\n")).toContain(problem);
  });
});

// The course itself: each lesson's manifest is whole, and its exercise section lists what the
// manifest lists, each with its kind, so the page and `pnpm learn` cannot drift apart.
it("notes, without failing, a lesson that still lists its exercises in its front matter, and reads them the old way", () => {
  const root = mkdtempSync(join(tmpdir(), "gradbook-learn-"));
  mkdirSync(join(root, "lessons"));
  mkdirSync(join(root, "packages/p/src"), { recursive: true });
  writeFileSync(
    join(root, "packages/p/src/a.ts"),
    "// #region exercise:a An old hint\nx;\n// #endregion exercise:a\n",
  );
  writeFileSync(join(root, "lessons/09-old.md"), "---\npackage: p\nexercises: a\n---\n\n# Old\n");
  const [old] = readCourse(root);
  expect(old!.problems).toEqual([]);
  expect(old!.exercises).toMatchObject([
    { name: "a", kind: "type-along", task: "An old hint", hints: ["An old hint"] },
  ]);
  expect(old!.notes).toEqual([
    "lessons/09-old.md: the front matter's exercises list belongs in lessons/09-old.exercises.json, with each exercise's kind, task and hints",
  ]);
});

describe("the course's exercises", () => {
  const REPO = join(FIXTURE, "../../../../..");
  const lessons = readCourse(REPO).filter((l) => l.exercises.length && !l.notes.length); // those with a manifest

  it.each(lessons.map((l) => [l.file, l] as const))(
    "%s: no problems, and its exercise section lists each exercise with its kind",
    (_file, lesson) => {
      expect(lesson.problems).toEqual([]);
      const text = readFileSync(join(REPO, lesson.file), "utf8");
      const section = text.slice(text.indexOf("\n## Exercises"));
      const rows = [...section.matchAll(/^\| `([\w.-]+)` \| ([\w-]+) \|/gm)].map(
        (m) => `${m[1]} ${m[2]}`,
      );
      expect(rows).toEqual(lesson.exercises.map((e) => `${e.name} ${e.kind}`));
    },
  );

  it("has at least three problems in each lesson from 01 to 07", () => {
    for (const lesson of lessons.filter((l) => l.number >= 1 && l.number <= 7)) {
      expect(
        lesson.exercises.filter((e) => e.kind === "problem").length,
        lesson.file,
      ).toBeGreaterThanOrEqual(3);
    }
  });
});
