import { findRegions } from "../regions.ts";
import { EXERCISE } from "./exercises.ts";

// Blanking an exercise replaces the lines between its markers with one statement,
//
//   // #region exercise:topo Visit each value once, operands first
//   throw new Error("exercise topo (lesson 01) is not written yet: read lessons/01-chain-rule.md …");
//   // #endregion exercise:topo
//
// so the function keeps its signature and the file still compiles, and every test that reaches
// the exercise fails with a message naming it. The markers stay: they are how `solution`, `check`
// and the learner find the exercise again.

/** The lesson an exercise belongs to, as the blank's message names it. */
export interface LessonRef {
  nn: string;
  file: string;
}

/** What a blank says of its exercise, and what `check` shows for one: the words are defined here only. */
export const NOT_WRITTEN = "not written yet";

/** The message a blanked exercise throws. `blankedIn` reads it back. */
export function blankMessage(name: string, lesson: LessonRef): string {
  return `exercise ${name} (lesson ${lesson.nn}) is ${NOT_WRITTEN}: read ${lesson.file} (hint: pnpm learn hint ${lesson.nn} ${name})`;
}

const MESSAGE = new RegExp(`exercise ([\\w.-]+) \\(lesson (\\d+)\\) is ${NOT_WRITTEN}`, "g");

/** The exercises whose blank threw the error in `text` (an error message), in order of mention. */
export function blankedIn(text: string): { name: string; nn: string }[] {
  return [...text.matchAll(MESSAGE)].map((m) => ({ name: m[1]!, nn: m[2]! }));
}

/** The lines between an exercise's markers, or undefined when the file has no such exercise. */
export function exerciseBody(source: string, name: string): string | undefined {
  const lines = source.split(/\r?\n/);
  const region = findRegions(source).find((r) => r.name === EXERCISE + name);
  return region && lines.slice(region.open + 1, region.close).join("\n");
}

/** Replaces the lines between an exercise's markers with `body`, keeping the file's line endings. */
export function withExerciseBody(
  source: string,
  name: string,
  body: string,
  file = "source",
): string {
  const eol = source.includes("\r\n") ? "\r\n" : "\n";
  const lines = source.split(/\r?\n/);
  const region = findRegions(source, file).find((r) => r.name === EXERCISE + name);
  if (!region) throw new Error(`${file}: no region exercise:${name}`);
  lines.splice(region.open + 1, region.close - region.open - 1, ...body.split(/\r?\n/));
  return lines.join(eol);
}

/** The source with an exercise blanked: its body becomes one `throw`, indented like its marker. */
export function blankExercise(
  source: string,
  name: string,
  lesson: LessonRef,
  file = "source",
): string {
  const marker = source
    .split(/\r?\n/)
    .find((l) => new RegExp(`#region\\s+${EXERCISE}${escape(name)}(\\s|$)`).test(l));
  const indent = /^\s*/.exec(marker ?? "")![0];
  return withExerciseBody(
    source,
    name,
    `${indent}throw new Error(${JSON.stringify(blankMessage(name, lesson))});`,
    file,
  );
}

/** Whether a body is a blank of exercise `name` (of any lesson: the message may have been written for another number). */
export function isBlank(body: string, name: string): boolean {
  const lines = body.split("\n").filter((l) => l.trim());
  return (
    lines.length === 1 &&
    new RegExp(`^\\s*throw new Error\\("exercise ${escape(name)} \\(lesson \\d+\\)`).test(lines[0]!)
  );
}

/** Whether two bodies are the same code, ignoring trailing spaces, line endings and blank lines at either end. */
export function sameCode(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .join("\n")
      .replace(/^\n+|\n+$/g, "");
  return norm(a) === norm(b);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
