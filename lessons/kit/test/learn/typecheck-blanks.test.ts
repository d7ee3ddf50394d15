import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blankExercise } from "../../learn/blank.ts";
import { readCourse } from "../../learn/course.ts";
import { typecheckBlanks } from "../../learn/typecheck-blanks.ts";
import { FIXTURE } from "./fixture.ts";

// The blanks exist in memory only: the fixture is type-checked as `start` would leave it.
describe("type-checking blanked exercises", () => {
  const blankAll = (lessonIndex: number) => {
    const lesson = readCourse(FIXTURE)[lessonIndex]!;
    const files = new Map<string, string>();
    for (const ex of lesson.exercises) {
      files.set(
        ex.file,
        blankExercise(
          files.get(ex.file) ?? readFileSync(join(FIXTURE, ex.file), "utf8"),
          ex.name,
          lesson,
          ex.file,
        ),
      );
    }
    return files;
  };

  it("finds no error when every exercise is blanked, in a function body or in a switch case", () => {
    const files = blankAll(1);
    expect([...files.keys()]).toEqual([
      "packages/autograd/src/scale.ts",
      "packages/autograd/src/powers.ts",
    ]);
    expect(typecheckBlanks(FIXTURE, ["autograd", "neuron"], files)).toEqual([]);
  });

  it("reports, like tsc, an error that a blank introduces", () => {
    // A region that ends in the middle of the function: the name it declares is used after it.
    const file = "packages/autograd/src/powers.ts";
    const text = readFileSync(join(FIXTURE, file), "utf8").replace(
      "  return x * squared;\n  // #endregion exercise:cube",
      "  // #endregion exercise:cube\n  return x * squared;",
    );
    const blanked = new Map([
      [file, blankExercise(text, "cube", { nn: "01", file: "lessons/01-powers.md" }, file)],
    ]);
    expect(typecheckBlanks(FIXTURE, ["autograd"], blanked)).toEqual([
      `${file}:13:14 - error TS2552: Cannot find name 'squared'. Did you mean 'square'?`,
    ]);
  });
});
