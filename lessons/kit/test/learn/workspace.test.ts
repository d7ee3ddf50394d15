import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exerciseBody } from "../../learn/blank.ts";
import { readCourse } from "../../learn/course.ts";
import { loadState } from "../../learn/state.ts";
import {
  blankInPlace,
  editedExercises,
  referenceOf,
  restoreInPlace,
} from "../../learn/workspace.ts";
import { copyFixture, edit, FIXTURE } from "./fixture.ts";

const POWERS = "packages/autograd/src/powers.ts";
const setup = () => {
  const root = copyFixture();
  const lesson = readCourse(root)[1]!;
  return {
    root,
    lesson,
    state: loadState(root),
    read: () => readFileSync(join(root, POWERS), "utf8"),
  };
};
const original = readFileSync(join(FIXTURE, POWERS), "utf8");

describe("editing the learner's copy", () => {
  it("blanks, saving each reference, and restores the file exactly", () => {
    const { root, lesson, state, read } = setup();
    const blanked = blankInPlace(root, state, lesson, lesson.exercises, false);
    expect(blanked.changed.map((e) => e.name)).toEqual(["double", "square", "cube"]);
    expect(read()).toContain('throw new Error("exercise cube (lesson 01) is not written yet');
    expect(state.references["autograd:cube"]).toEqual({
      file: POWERS,
      body: "  const squared = square(x);\n  return x * squared;",
    });
    const restored = restoreInPlace(root, state, lesson.exercises);
    expect(restored).toMatchObject({ edited: [], backups: [], unknown: [] });
    expect(read()).toBe(original);
  });

  it("refuses, writing nothing, to blank a region the learner edited; forced, backs the file up first", () => {
    const { root, lesson, state, read } = setup();
    blankInPlace(root, state, lesson, lesson.exercises, false);
    edit(root, POWERS, (text) =>
      text.replace(/throw new Error\("exercise cube .*/, "return x ** 3;"),
    );
    const mine = read();
    expect(editedExercises(root, state, lesson.exercises).map((e) => e.name)).toEqual(["cube"]);

    const refused = blankInPlace(root, state, lesson, lesson.exercises, false);
    expect(refused).toMatchObject({ refused: true, changed: [] });
    expect(read()).toBe(mine);

    const forced = blankInPlace(root, state, lesson, lesson.exercises, true);
    expect(forced.edited.map((e) => e.name)).toEqual(["cube"]);
    expect(forced.backups).toHaveLength(1);
    expect(forced.backups[0]!.backup).toMatch(
      /^\.gradbook\/backup\/[\dT-]+Z\/packages\/autograd\/src\/powers\.ts$/,
    );
    expect(readFileSync(join(root, forced.backups[0]!.backup), "utf8")).toBe(mine);
    expect(exerciseBody(read(), "cube")).toMatch(/^\s*throw new Error\("exercise cube/);
  });

  it("takes the committed version as the reference before any start, so an uncommitted edit counts as the learner's", () => {
    const { root, lesson, state } = setup();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
        cwd: root,
        stdio: "ignore",
      });
    git("init", "-q");
    git("add", "packages");
    git("commit", "-qm", "reference");
    const cube = lesson.exercises.find((e) => e.name === "cube")!;
    expect(referenceOf(root, state, cube)).toBe(
      "  const squared = square(x);\n  return x * squared;",
    );
    edit(root, POWERS, (text) => text.replace("return x * squared;", "return squared * x;"));
    expect(editedExercises(root, state, lesson.exercises).map((e) => e.name)).toEqual(["cube"]);
  });

  it("says when no reference is known, and leaves that region alone", () => {
    const { root, lesson, state, read } = setup();
    blankInPlace(root, state, lesson, lesson.exercises, false);
    const blanked = read();
    const report = restoreInPlace(root, loadState(root), lesson.exercises); // the saved references are lost
    expect(report.unknown.map((e) => e.name)).toEqual(["double", "square", "cube"]);
    expect(read()).toBe(blanked);
  });
});
