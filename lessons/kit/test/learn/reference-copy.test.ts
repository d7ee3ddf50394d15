import { existsSync, lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCourse } from "../../learn/course.ts";
import { exercisesInProgress, referenceCopy } from "../../learn/reference-copy.ts";
import { loadState, saveState } from "../../learn/state.ts";
import { blankInPlace } from "../../learn/workspace.ts";
import { copyFixture, FIXTURE, write } from "./fixture.ts";

// What `pnpm start` builds the site from while the learner does exercises: a copy of the course
// with the reference code, the learner's own code untouched.

const POWERS = "packages/autograd/src/powers.ts";
const SCALE = "packages/autograd/src/scale.ts";

describe("the course as written, beside the learner's", () => {
  it("finds no exercise in progress in a course as committed", () => {
    expect(exercisesInProgress(copyFixture())).toEqual([]);
  });

  it("copies the course with blank and half-written exercises put back to the reference", () => {
    const root = copyFixture();
    const state = loadState(root);
    const lesson = readCourse(root)[1]!;
    blankInPlace(root, state, lesson, lesson.exercises, false);
    saveState(root, state);
    write(root, SCALE, "double", "return x + 1; // the learner's, wrong");
    const mine = readFileSync(join(root, POWERS), "utf8");

    const inProgress = exercisesInProgress(root);
    expect(inProgress.map((e) => e.name)).toEqual(["double", "square", "cube"]);
    const copy = join(root, ".gradbook", "reference");
    referenceCopy(root, copy, inProgress);

    for (const file of [POWERS, SCALE])
      expect(readFileSync(join(copy, file), "utf8")).toBe(
        readFileSync(join(FIXTURE, file), "utf8"),
      );
    expect(readFileSync(join(root, POWERS), "utf8")).toBe(mine); // the learner's copy as it was
    expect(lstatSync(join(copy, "node_modules")).isSymbolicLink()).toBe(true);
    expect(existsSync(join(copy, ".gradbook"))).toBe(false); // not a copy of itself
    expect(exercisesInProgress(copy)).toEqual([]);
  });
});
