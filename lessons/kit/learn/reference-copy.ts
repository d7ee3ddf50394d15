import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative, sep } from "node:path";
import { exerciseBody, withExerciseBody } from "./blank.ts";
import { readCourse } from "./course.ts";
import type { Exercise } from "./exercises.ts";
import { loadState } from "./state.ts";
import { referenceOf, regionState } from "./workspace.ts";

// The course as written, beside the learner's copy: what `pnpm start` builds the site from while
// exercises are blank or being written, so that the learner keeps the course while doing it.

/** The exercises whose region on disk is not the reference code: blank, or the learner's. */
export function exercisesInProgress(root: string): Exercise[] {
  const state = loadState(root);
  return readCourse(root)
    .flatMap((lesson) => lesson.exercises)
    .filter((ex) => {
      const body = exerciseBody(readFileSync(join(root, ex.file), "utf8"), ex.name);
      return (
        body !== undefined &&
        regionState(body, ex.name, referenceOf(root, state, ex)) !== "reference"
      );
    });
}

/** What the copy leaves out: history, installs' own folders, build output, the learner's state. */
const SKIP = new Set([".git", ".gradbook", ".turbo", ".cache", "dist", "out", "test-results"]);

/**
 * Copies the course at `root` to `dir` (emptied first) with every exercise in `exercises` put back
 * to its reference code. A package's `node_modules` is copied as the links it holds (pnpm's links
 * are relative, so its `@gradbook/…` resolves inside the copy); the root's is linked whole.
 * Throws when an exercise's reference code is unknown.
 */
export function referenceCopy(root: string, dir: string, exercises: Exercise[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Entry by entry: `dir` may lie inside `root` (.gradbook/reference), and cpSync refuses a copy into itself.
  for (const entry of readdirSync(root)) {
    if (SKIP.has(entry) || entry === "node_modules") continue;
    cpSync(join(root, entry), join(dir, entry), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) =>
        !relative(root, src)
          .split(sep)
          .some((part) => SKIP.has(part)),
    });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  const state = loadState(root);
  for (const ex of exercises) {
    const reference = referenceOf(root, state, ex);
    if (reference === undefined)
      throw new Error(
        `no reference code is known for exercise ${ex.name} (${ex.file}:${ex.line}): pnpm learn solution restores it`,
      );
    const path = join(dir, ex.file);
    writeFileSync(path, withExerciseBody(readFileSync(path, "utf8"), ex.name, reference, ex.file));
  }
}
