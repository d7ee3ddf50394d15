import type { Alone } from "./blame.ts";
import { blankedIn } from "./blank.ts";
import type { CatchTable } from "./catches.ts";
import type { Exercise } from "./exercises.ts";
import type { RunResult, TestOutcome } from "./runner.ts";

// From failing tests to exercises. The run of the learner's code says which tests fail; it cannot
// say why, since a test reaches several exercises. So:
//   - a blank exercise is to do; the tests that stop at its blank (their message names it) count
//     against it and against nothing else;
//   - a written exercise is judged by its run alone (blame.ts): its code as written, every other
//     exercise as the reference. It fails when a test fails there; it passes when nothing fails
//     there, or when no test that catches it failed at all (then it was not run alone);
//   - a failing test that no exercise is caught by (the table `start` measured) and that names no
//     blank fails outside the exercises: the check shows it apart. A file that does not load
//     (a syntax error) is the exception: its run alone tells whose it is.

/** Where an exercise stands after a check. */
type ExerciseStatus =
  /** Still blank in the source. */
  | "todo"
  /** Written, and a test fails with it alone among the reference code. */
  | "failing"
  | "passing";

export interface ExerciseProgress {
  exercise: Exercise;
  status: ExerciseStatus;
  /** The failing tests that count against it: for `failing`, those of its run alone. */
  failures: TestOutcome[];
}

export interface Progress {
  exercises: ExerciseProgress[];
  /** Failing tests that count against no exercise. */
  others: TestOutcome[];
  /** Every exercise passes and no test fails. */
  done: boolean;
}

/**
 * Assesses a check: `blank` names the exercises still blank in the source, `full` is the run of
 * the learner's code, `alone` the runs of the suspects on their own (see blame.ts).
 */
export function assess(exercises: Exercise[], blank: Set<string>, full: RunResult, catches: CatchTable | undefined, alone: Alone): Progress {
  const caught = (id: string) => !catches || exercises.some((e) => catches[e.name]?.includes(id));
  const fileLevel = (id: string) => !id.includes(" > ");
  const stoppedAt = (t: TestOutcome) => blankedIn(t.messages.join("\n")).map((b) => b.name);
  const progress = exercises.map((exercise): ExerciseProgress => {
    if (blank.has(exercise.name)) {
      return { exercise, status: "todo", failures: full.failed.filter((t) => stoppedAt(t).includes(exercise.name)) };
    }
    const failures = (alone.get(exercise.name)?.failed ?? []).filter((t) => caught(t.id) || fileLevel(t.id));
    return { exercise, status: failures.length ? "failing" : "passing", failures };
  });
  const names = new Set(exercises.map((e) => e.name));
  const blamed = new Set([...alone.values()].flatMap((r) => r.failed.map((t) => t.id)));
  const others = full.failed.filter((t) => !stoppedAt(t).some((n) => names.has(n)) && (fileLevel(t.id) ? !blamed.has(t.id) : !caught(t.id)));
  return { exercises: progress, others, done: full.failed.length === 0 && progress.every((p) => p.status === "passing") };
}
