import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// The learner's progress, in `.gradbook/state.json` at the repository root (git-ignored): what
// `pnpm learn` remembers between runs. It also keeps the reference code of every exercise that
// `start` blanked, so `solution` can restore it even after the learner commits their own code.

/** One lesson's progress. */
export interface LessonProgress {
  /** When `start` first blanked it (ISO time). */
  started: string;
  /** The exercises that passed at the last check, or were restored from the solution since. */
  passing: string[];
  /** Of those, the ones `pnpm learn solution` put back (the reference code, not the learner's). */
  restored?: string[];
  /** Whether the last check passed every exercise and every test. */
  done: boolean;
  /** When it was last checked (ISO time). */
  checked?: string;
}

/** The reference code of one exercise: the lines between its markers before `start` blanked them. */
interface Reference {
  file: string;
  body: string;
}

/** Everything `.gradbook/state.json` holds. */
export interface State {
  version: 1;
  /** By lesson number as typed: `"01"`. */
  lessons: Record<string, LessonProgress>;
  /** By `pkg:exercise`, e.g. `autograd:topo`. */
  references: Record<string, Reference>;
  /** How many hint steps `pnpm learn hint` has given, by `pkg:exercise`. */
  hints: Record<string, number>;
  /** A digest of the learner's code of each exercise that last passed its run alone (blame.ts), by `pkg:exercise`. */
  passedAlone: Record<string, string>;
}

/** The folder of the learner's state (and of the backups of their code). */
export function stateDir(root: string): string {
  return join(root, ".gradbook");
}

/** Reads the state, or an empty one before the first `start`. */
export function loadState(root: string): State {
  const path = join(stateDir(root), "state.json");
  if (!existsSync(path))
    return { version: 1, lessons: {}, references: {}, hints: {}, passedAlone: {} };
  let state: Partial<State>;
  try {
    state = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(
      `.gradbook/state.json is not valid JSON (${(error as Error).message}); fix it or delete it to start over`,
    );
  }
  if (state.version !== 1)
    throw new Error(
      `.gradbook/state.json has version ${state.version}, expected 1; delete it to start over`,
    );
  return {
    version: 1,
    lessons: state.lessons ?? {},
    references: state.references ?? {},
    hints: state.hints ?? {},
    passedAlone: state.passedAlone ?? {},
  };
}

/** Writes the state (to a temporary file first, so an interrupted write leaves the old state whole). */
export function saveState(root: string, state: State): void {
  mkdirSync(stateDir(root), { recursive: true });
  const path = join(stateDir(root), "state.json");
  writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2) + "\n");
  renameSync(`${path}.tmp`, path);
}

/** The key of an exercise in `State.references` and `State.hints`. */
export function referenceKey(pkg: string, name: string): string {
  return `${pkg}:${name}`;
}
