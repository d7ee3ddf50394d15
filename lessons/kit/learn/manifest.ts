import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// A lesson's exercises, in one place: `lessons/NN-slug.exercises.json` beside the lesson (as
// rustlings keeps its info.toml), in the order the lesson teaches them:
//
//   { "exercises": [
//       { "name": "softplus", "kind": "problem",
//         "task": "Write softplus's backward: the lesson shows tanh's, not this one.",
//         "hints": ["First step, a direction", "Second step, closer", "…"] } ] }
//
// The code is a region `// #region exercise:NAME` of the lesson's package, with nothing else on
// its marker line. A lesson owns the exercises its file lists, and no other lesson may list them.

/** What an exercise asks of the learner. */
type ExerciseKind =
  /** The lesson shows how: write it back from the page (the code is folded away). */
  | "type-along"
  /** The page, the first hint and the source's comments do not give the answer: derive, vary, find, predict. */
  | "problem";

const KINDS: readonly ExerciseKind[] = ["problem", "type-along"];

/** One exercise as its lesson's file describes it. */
export interface ExerciseInfo {
  name: string;
  kind: ExerciseKind;
  /** What to do, in one sentence: `start` prints it. */
  task: string;
  /** Hints in steps, each closer to the answer: `pnpm learn hint NN NAME` gives the next one. */
  hints: string[];
}

export interface Manifest {
  exercises: ExerciseInfo[];
  /**
   * Why `check` does not run the lesson itself (its experiments take long: lesson 06 trains
   * hundreds of networks). The package's tests still check every exercise.
   */
  slowLesson?: string;
}

/** The manifest's path from the repository root: `lessons/01-chain-rule.md` → `lessons/01-chain-rule.exercises.json`. */
export function manifestFile(lessonFile: string): string {
  return lessonFile.replace(/\.md$/, ".exercises.json");
}

/** Reads a lesson's manifest; undefined when it has none. Throws, naming the file and the field, when it is malformed. */
export function readManifest(root: string, lessonFile: string): Manifest | undefined {
  const file = manifestFile(lessonFile);
  const path = join(root, file);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return checkManifest(data, file);
}

/** Checks the shape of a parsed manifest, naming the first thing wrong and what was expected. */
function checkManifest(data: unknown, file: string): Manifest {
  const fail = (where: string, expected: string): never => {
    throw new Error(`${file}: ${where} must be ${expected}`);
  };
  if (!isObject(data) || !Array.isArray(data.exercises))
    fail("the file", 'an object with an "exercises" array');
  const { exercises, slowLesson } = data as { exercises: unknown[]; slowLesson?: unknown };
  if (slowLesson !== undefined && (typeof slowLesson !== "string" || !slowLesson.trim()))
    fail('"slowLesson"', "a sentence saying why check skips the lesson");
  const seen = new Set<string>();
  const infos = exercises.map((e, i): ExerciseInfo => {
    const at = `exercises[${i}]`;
    if (!isObject(e)) return fail(at, "an object with name, kind, task and hints");
    const { name, kind, task, hints } = e;
    if (typeof name !== "string" || !/^[\w.-]+$/.test(name))
      fail(`${at}.name`, "letters, digits, _ . or - (the region is exercise:NAME)");
    const label = `${at} (${String(name)})`;
    if (seen.has(name as string)) fail(`${label}.name`, "unique in the lesson");
    seen.add(name as string);
    if (!KINDS.includes(kind as ExerciseKind))
      fail(`${label}.kind`, `one of ${KINDS.map((k) => `"${k}"`).join(", ")}`);
    if (typeof task !== "string" || !task.trim())
      fail(`${label}.task`, "one sentence saying what to do");
    if (
      !Array.isArray(hints) ||
      !hints.length ||
      hints.some((h) => typeof h !== "string" || !h.trim())
    ) {
      fail(`${label}.hints`, "a list of at least one hint, each a non-empty string");
    }
    return {
      name: name as string,
      kind: kind as ExerciseKind,
      task: task as string,
      hints: hints as string[],
    };
  });
  return slowLesson === undefined
    ? { exercises: infos }
    : { exercises: infos, slowLesson: slowLesson as string };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
