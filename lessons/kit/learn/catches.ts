import { join } from "node:path";
import { blankExercise, type LessonRef } from "./blank.ts";
import type { Exercise } from "./exercises.ts";
import { openRunner, type RunResult } from "./runner.ts";

// Which tests catch which exercise: blank each exercise on its own, in memory, and run the
// package's tests (and its lesson). A test catches an exercise when it passes with the reference
// code and fails with that exercise blanked (or its file fails to load). `verify` requires every exercise to be caught;
// `check` uses the table to tell which exercise a failing test is about.

/** Test ids (as in `TestOutcome.id`) that fail when an exercise is blanked, by exercise name. */
export type CatchTable = Record<string, string[]>;

/** What measuring one package found. */
export interface Measurement {
  /** The run with every exercise in place. */
  baseline: RunResult;
  catches: CatchTable;
  /** Whether the test files shared one worker's modules (fast), or each loaded its own. */
  sharedWorkers: boolean;
  ms: number;
}

export interface MeasureOptions {
  pkg: string;
  /** The lesson that owns the exercises: named by the blanks, and run with the tests when it exists. */
  lesson: LessonRef & { run: boolean };
  exercises: Exercise[];
  /** Rewrites a source (from the repository root) before blanking: `start` puts edited regions back to the reference. */
  base?: (file: string, code: string) => string;
}

/** Runs the package's tests once as they are and once per exercise blanked, and tabulates the catches. */
export async function measureCatches(root: string, options: MeasureOptions): Promise<Measurement> {
  const started = performance.now();
  const { exercises, lesson, base } = options;
  const files = [...new Set(exercises.map((e) => e.file))];
  let sharedWorkers = true;
  const target = { pkg: options.pkg, lesson: lesson.run ? lesson.file : undefined };
  let runner = await openRunner(root, { ...target, isolate: false });
  try {
    const prepare = (blank: Exercise | null) => {
      for (const file of files) {
        const path = join(root, file);
        const rewrite = (code: string) => {
          const based = base ? base(file, code) : code;
          return blank?.file === file ? blankExercise(based, blank.name, lesson, file) : based;
        };
        if (base || blank?.file === file) runner.rewrites.set(path, rewrite);
        else runner.rewrites.delete(path);
        runner.invalidate(path);
      }
    };
    prepare(null);
    let baseline = await runner.run();
    if (baseline.failed.length) {
      // Sharing workers can break tests that rely on a fresh module per file: try a fresh module
      // per file, and keep it if fewer tests fail that way.
      const isolated = await openRunner(root, { ...target, isolate: true });
      const previous = runner;
      runner = isolated;
      prepare(null);
      const again = await isolated.run();
      if (again.failed.length < baseline.failed.length) {
        await previous.close();
        [baseline, sharedWorkers] = [again, false];
      } else {
        await isolated.close();
        runner = previous;
      }
    }
    // A test that already fails catches nothing. (A file that fails to load has an id of its own.)
    const failing = new Set(baseline.failed.map((t) => t.id));
    const catches: CatchTable = {};
    for (const exercise of exercises) {
      prepare(exercise);
      const result = await runner.run();
      catches[exercise.name] = inOrder(
        result.failed.map((t) => t.id).filter((id) => !failing.has(id)),
      );
    }
    return { baseline, catches, sharedWorkers, ms: performance.now() - started };
  } finally {
    await runner.close();
  }
}

// Test files finish in any order: list the package's tests first, then the lesson's, files by
// path, and the tests of a file as it declares them (a stable sort keeps that order).
function inOrder(ids: string[]): string[] {
  const key = (id: string) => `${id.startsWith("packages/") ? 0 : 1}${id.split(" > ")[0]}`;
  return [...ids].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
