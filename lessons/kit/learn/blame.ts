import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findRegions } from "../regions.ts";
import { EXERCISE, type Exercise } from "./exercises.ts";
import type { Frame, Runner, RunResult, TestOutcome } from "./runner.ts";
import type { State } from "./state.ts";
import { toReference } from "./workspace.ts";

// Which written exercise a failing test is about. One test reaches many exercises (every test of
// `backward` multiplies), so a mistake in `mul` also fails the tests of `topo` and `backward`.
// So each suspect runs alone: its file as the learner wrote it, every other exercise of the lesson
// put back to its reference code, in memory. What still fails is that exercise's own fault.

/** The run of each suspect exercise on its own, by name (an exercise not in the map is not suspected). */
export type Alone = Map<string, RunResult>;

/**
 * The exercises that a failing test of `full` may be about: when any test fails, each exercise
 * whose region holds code that is not the reference (`edited`: the learner's). Even a test that
 * stops at another exercise's blank may hide a mistake in it (a problem measured against an
 * optimizer still blank), so it is run alone, with the others as the reference. The reference
 * code passes every test (verify sees to it), so it is never a suspect.
 */
export function suspects(exercises: Exercise[], edited: Set<string>, full: RunResult): Exercise[] {
  return full.failed.length ? exercises.filter((e) => edited.has(e.name)) : [];
}

/**
 * Runs each suspect alone (see the top of the file), only the test files that failed in `full`,
 * and leaves the runner as it found it: no rewrites, every touched file invalidated.
 */
export async function runAlone(
  root: string,
  state: State,
  exercises: Exercise[],
  suspected: Exercise[],
  full: RunResult,
  runner: Runner,
): Promise<Alone> {
  const alone: Alone = new Map();
  const files = new Set(full.failed.map((t) => t.id.split(" > ")[0]!));
  const sources = [...new Set(exercises.map((e) => e.file))];
  try {
    for (const exercise of suspected) {
      const toRef = toReference(
        root,
        state,
        exercises.filter((e) => e !== exercise),
      );
      const rewritten = new Map<string, { from: string; to: string }>();
      for (const file of sources) {
        const path = join(root, file);
        const from = readFileSync(path, "utf8");
        rewritten.set(file, { from, to: toRef(file, from) });
        runner.rewrites.set(path, (code) => toRef(file, code));
        runner.invalidate(path);
      }
      const result = await runner.run(files);
      alone.set(exercise.name, {
        ...result,
        tests: result.tests.map(remap),
        failed: result.failed.map(remap),
      });
      function remap(t: TestOutcome): TestOutcome {
        const frames = t.frames.map((f): Frame => {
          const texts = rewritten.get(f.file);
          return texts
            ? { file: f.file, line: learnerLine(texts.from, texts.to, f.line, exercise.name) }
            : f;
        });
        return { ...t, frames };
      }
    }
  } finally {
    for (const file of sources) {
      runner.rewrites.delete(join(root, file));
      runner.invalidate(join(root, file));
    }
  }
  return alone;
}

/**
 * The line of the learner's file (`from`) that a line of its rewrite (`to`) came from. The two
 * differ only between exercise markers: a line inside a replaced body maps to its opening marker;
 * a line inside `kept`'s body, or outside every body, keeps its distance from the marker above it.
 */
export function learnerLine(from: string, to: string, line: number, kept: string): number {
  const l = line - 1; // 0-based, as regions count
  const markers = (text: string) =>
    new Map(
      findRegions(text).flatMap(
        (r) =>
          [
            [`${r.name}<`, r.open],
            [`${r.name}>`, r.close],
          ] as const,
      ),
    );
  const [was, now] = [markers(from), markers(to)];
  for (const r of findRegions(to)) {
    if (r.name.startsWith(EXERCISE) && l > r.open && l < r.close && was.has(`${r.name}<`)) {
      return r.name === EXERCISE + kept
        ? was.get(`${r.name}<`)! + (l - r.open) + 1
        : was.get(`${r.name}<`)! + 1;
    }
  }
  // The nearest marker at or above the line: below it, the two texts are the same down to the line.
  let best: [number, number] | undefined;
  for (const [key, at] of now)
    if (at <= l && was.has(key) && (!best || at > best[0])) best = [at, was.get(key)!];
  return best ? best[1] + (l - best[0]) + 1 : line;
}
