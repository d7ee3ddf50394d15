import type { Alone } from "./blame.ts";
import { blankedIn } from "./blank.ts";
import type { Exercise } from "./exercises.ts";
import type { RunResult, TestOutcome } from "./runner.ts";

// From failing tests to exercises. The run of the learner's code says which tests fail; it cannot
// say why, since a test reaches several exercises. So:
//   - a blank exercise is to do; the tests that stop at its blank (their message names it) count
//     against it and against nothing else;
//   - a written exercise is judged by its run alone (blame.ts): its code as written, every other
//     exercise as the reference. It fails when a test fails there; it passes when nothing fails
//     there, or when it was not run alone (it holds the reference code, or no test failed
//     without stopping at a blank);
//   - a failing test that names no blank and fails in no run alone fails outside the exercises:
//     the check shows it apart.

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
export function assess(
  exercises: Exercise[],
  blank: Set<string>,
  full: RunResult,
  alone: Alone,
): Progress {
  const stoppedAt = (t: TestOutcome) => blankedIn(t.messages.join("\n")).map((b) => b.name);
  const progress = exercises.map((exercise): ExerciseProgress => {
    if (blank.has(exercise.name)) {
      return {
        exercise,
        status: "todo",
        failures: full.failed.filter((t) => stoppedAt(t).includes(exercise.name)),
      };
    }
    const failures = alone.get(exercise.name)?.failed ?? [];
    return { exercise, status: failures.length ? "failing" : "passing", failures };
  });
  const names = new Set(exercises.map((e) => e.name));
  const blamed = new Set([...alone.values()].flatMap((r) => r.failed.map((t) => t.id)));
  const others = full.failed.filter(
    (t) => !stoppedAt(t).some((n) => names.has(n)) && !blamed.has(t.id),
  );
  return {
    exercises: progress,
    others,
    done: full.failed.length === 0 && progress.every((p) => p.status === "passing"),
  };
}
