import { blankedIn } from "./blank.ts";
import type { CatchTable } from "./catches.ts";
import type { Exercise } from "./exercises.ts";
import type { RunResult, TestOutcome } from "./runner.ts";

// From failing tests to exercises. A failing test counts against:
//   - the exercises whose blank it names ("exercise topo (lesson 01) is not written yet"): the
//     code it needs is not written, which says nothing about the other exercises it reaches;
//   - otherwise, every exercise it catches (the table `start` measured): one of them is wrong;
//   - otherwise, no exercise: it fails outside the exercises (or no table was measured, and then
//     it counts against every written exercise, since any of them could be the cause).

/** Where an exercise stands after a check. */
export type ExerciseStatus =
  /** Still blank in the source. */
  | "todo"
  /** Written, and a test that checks it fails. */
  | "failing"
  /** Written, but its tests cannot tell yet: all of them fail on other exercises that are still blank. */
  | "waiting"
  | "passing";

export interface ExerciseProgress {
  exercise: Exercise;
  status: ExerciseStatus;
  /** The failing tests that count against it. */
  failures: TestOutcome[];
  /** For `waiting`: the blank exercises its tests stop at. */
  waitsFor: string[];
}

export interface Progress {
  exercises: ExerciseProgress[];
  /** Failing tests that count against no exercise. */
  others: TestOutcome[];
  /** Every exercise passes and no test fails. */
  done: boolean;
}

/** Assesses a run of a lesson's tests: `blank` names the exercises still blank in the source. */
export function assess(exercises: Exercise[], blank: Set<string>, result: RunResult, catches: CatchTable | undefined): Progress {
  const names = new Set(exercises.map((e) => e.name));
  const against = new Map<string, TestOutcome[]>(exercises.map((e) => [e.name, []]));
  const stoppedBy = new Map<string, Set<string>>(); // test id → the blanks it failed on
  const others: TestOutcome[] = [];
  for (const test of result.failed) {
    const named = [...new Set(blankedIn(test.messages.join("\n")).map((b) => b.name))].filter((n) => names.has(n));
    if (named.length) {
      for (const name of named) against.get(name)!.push(test);
      stoppedBy.set(test.id, new Set(named));
      continue;
    }
    const catchers = catches ? exercises.filter((e) => catches[e.name]?.includes(test.id)) : exercises.filter((e) => !blank.has(e.name));
    if (catchers.length) for (const e of catchers) against.get(e.name)!.push(test);
    else others.push(test);
  }
  const progress = exercises.map((exercise): ExerciseProgress => {
    const failures = against.get(exercise.name)!;
    // Waiting: every test that checks it stopped at another exercise's blank. (When some of them
    // pass, those are evidence enough for now; `done` still needs every test to pass.)
    const tests = catches?.[exercise.name] ?? [];
    const stops = tests.map((id) => [...(stoppedBy.get(id) ?? [])].filter((n) => n !== exercise.name));
    const waiting = tests.length > 0 && stops.every((names) => names.length > 0);
    const status: ExerciseStatus = blank.has(exercise.name) ? "todo" : failures.length ? "failing" : waiting ? "waiting" : "passing";
    return { exercise, status, failures, waitsFor: waiting ? [...new Set(stops.flat())] : [] };
  });
  return { exercises: progress, others, done: result.failed.length === 0 && progress.every((p) => p.status === "passing") };
}
