import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CourseLesson, findRegions, readExerciseCourse } from "@gradbook/lessons/kit";
import { escapeHtml } from "./escape.ts";

// Code that `pnpm learn start` blanks is the answer to an exercise: on the page it waits behind a
// disclosure (<details>, so it works without JavaScript), one click away, while the prose above
// it carries the idea, the formula and the hint.

const EXERCISE = "exercise:";
const courses = new Map<string, CourseLesson[]>();

/** The exercises whose code an include shows: the exercise regions within the included region. */
function exercisesShown(root: string, path: string, region: string): string[] {
  const regions = findRegions(readFileSync(join(root, path), "utf8"), path);
  const outer = regions.find((r) => r.name === region);
  if (!outer) return [];
  return regions
    .filter((r) => r.name.startsWith(EXERCISE) && r.open >= outer.open && r.close <= outer.close)
    .map((r) => r.name.slice(EXERCISE.length));
}

/**
 * Wraps an include's HTML in a closed disclosure when it shows exercise code, naming the exercises
 * and the command that starts them; returns it unchanged otherwise.
 */
export function hideSolution(html: string, root: string, path: string, region: string): string {
  const names = exercisesShown(root, path, region);
  if (!names.length) return html;
  const pkg = /^packages\/([^/]+)\//.exec(path)?.[1];
  if (!courses.has(root)) courses.set(root, readExerciseCourse(root));
  const owner = courses
    .get(root)!
    .find((l) => l.pkg === pkg && l.exercises.some((e) => names.includes(e.name)));
  const list = names.map((n) => `<code>${escapeHtml(n)}</code>`);
  const what =
    list.length === 1
      ? `exercise ${list[0]}`
      : `exercises ${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
  const first = owner ? ` — try <code>pnpm learn start ${owner.nn}</code> first` : "";
  return `<details class="exercise-code"><summary>The code of ${what}${first}</summary>\n${html}</details>\n`;
}
