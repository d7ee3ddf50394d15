import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import {
  blankExercise,
  exerciseBody,
  isBlank,
  sameCode,
  withExerciseBody,
  type LessonRef,
} from "./blank.ts";
import type { Exercise } from "./exercises.ts";
import { referenceKey, stateDir, type State } from "./state.ts";

// The learner's copy of the code: blanking and restoring exercise regions in place, without ever
// losing what the learner wrote. The reference code of an exercise is, in order of trust:
//   1. the copy saved in .gradbook/state.json by the first `start` (survives the learner's commits);
//   2. the committed version (`git show HEAD:file`), when it is not a blank;
//   3. at `start` only, the working copy itself (no git, and not blanked).
// A region whose text is neither its reference nor a blank is the learner's code: `start` refuses
// to blank it unless forced, and any command that overwrites it first saves the whole file under
// .gradbook/backup/.

/** What a region holds now. */
export type RegionState = "blank" | "reference" | "edited";

/** The outcome of blanking or restoring a set of exercises. */
export interface EditReport {
  /** Changed in place. */
  changed: Exercise[];
  /** Already as asked (already blank, or already the reference). */
  unchanged: Exercise[];
  /** Holding the learner's code: refused (start without force) or backed up then overwritten. */
  edited: Exercise[];
  /** No reference code is known: cannot be restored. */
  unknown: Exercise[];
  /** Files backed up before being overwritten, and where (both from the repository root). */
  backups: { file: string; backup: string }[];
  /** True when nothing was written because edited regions were found and `force` was not given. */
  refused: boolean;
}

/** The committed text of a file, or undefined (no git, not committed). */
function committed(root: string, file: string): string | undefined {
  try {
    return execFileSync("git", ["show", `HEAD:./${file}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}

/** The reference body of an exercise from the state or from git; undefined when neither knows it. */
export function referenceOf(root: string, state: State, ex: Exercise): string | undefined {
  const saved = state.references[referenceKey(ex.pkg, ex.name)];
  if (saved) return saved.body;
  const text = committed(root, ex.file);
  const body = text === undefined ? undefined : exerciseBody(text, ex.name);
  return body === undefined || isBlank(body, ex.name) ? undefined : body;
}

/** What an exercise's region holds, compared with its reference (undefined: take the working copy as it). */
export function regionState(
  body: string,
  name: string,
  reference: string | undefined,
): RegionState {
  if (isBlank(body, name)) return "blank";
  return reference === undefined || sameCode(body, reference) ? "reference" : "edited";
}

/** The exercises whose region holds the learner's code: neither blank nor the reference. */
export function editedExercises(root: string, state: State, exercises: Exercise[]): Exercise[] {
  const edited: Exercise[] = [];
  byFile(root, exercises, (ex, body) => {
    if (regionState(body, ex.name, referenceOf(root, state, ex)) === "edited") edited.push(ex);
  });
  return edited;
}

/**
 * A rewrite that puts the reference code into every exercise of a file (where it is known):
 * the code as committed, whatever the learner's copy holds now. `start` measures with it.
 */
export function toReference(
  root: string,
  state: State,
  exercises: Exercise[],
): (file: string, code: string) => string {
  const references = new Map(exercises.map((ex) => [ex, referenceOf(root, state, ex)] as const));
  return (file, code) => {
    for (const [ex, reference] of references) {
      if (ex.file === file && reference !== undefined)
        code = withExerciseBody(code, ex.name, reference, file);
    }
    return code;
  };
}

/**
 * Blanks exercises in place, saving each one's reference first. Refuses (writes nothing) when a
 * region holds the learner's code, unless `force`: then the file is backed up and blanked.
 */
export function blankInPlace(
  root: string,
  state: State,
  lesson: LessonRef,
  exercises: Exercise[],
  force: boolean,
): EditReport {
  const report = emptyReport();
  const plan = byFile(root, exercises, (ex, body) => {
    const reference = referenceOf(root, state, ex);
    const now = regionState(body, ex.name, reference);
    if (now === "blank") return void report.unchanged.push(ex);
    if (now === "edited") report.edited.push(ex);
    state.references[referenceKey(ex.pkg, ex.name)] ??= { file: ex.file, body: reference ?? body };
    report.changed.push(ex);
    return (text) => blankExercise(text, ex.name, lesson, ex.file);
  });
  if (report.edited.length && !force) return { ...report, changed: [], refused: true };
  write(root, plan, report);
  return report;
}

/** Puts the reference code back into exercises, backing up any file whose region held the learner's code. */
export function restoreInPlace(root: string, state: State, exercises: Exercise[]): EditReport {
  const report = emptyReport();
  const plan = byFile(root, exercises, (ex, body) => {
    const reference = referenceOf(root, state, ex);
    if (reference === undefined) return void report.unknown.push(ex);
    const now = regionState(body, ex.name, reference);
    if (now === "reference") return void report.unchanged.push(ex);
    if (now === "edited") report.edited.push(ex);
    report.changed.push(ex);
    return (text) => withExerciseBody(text, ex.name, reference, ex.file);
  });
  write(root, plan, report);
  return report;
}

type Edit = (text: string) => string;
interface FilePlan {
  file: string;
  text: string;
  edits: Edit[];
}

// Reads each file once and asks `decide` what to do with each of its exercises.
function byFile(
  root: string,
  exercises: Exercise[],
  decide: (ex: Exercise, body: string) => Edit | void,
): FilePlan[] {
  const plans = new Map<string, FilePlan>();
  for (const ex of exercises) {
    let plan = plans.get(ex.file);
    if (!plan)
      plans.set(
        ex.file,
        (plan = { file: ex.file, text: readFileSync(join(root, ex.file), "utf8"), edits: [] }),
      );
    const body = exerciseBody(plan.text, ex.name);
    if (body === undefined)
      throw new Error(
        `${ex.file}: the region exercise:${ex.name} is gone; restore its markers (git diff ${ex.file} shows them)`,
      );
    const edit = decide(ex, body);
    if (edit) plan.edits.push(edit);
  }
  return [...plans.values()];
}

function write(root: string, plans: FilePlan[], report: EditReport): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const risky = new Set(report.edited.map((e) => e.file)); // files whose edits overwrite the learner's code
  for (const plan of plans) {
    if (!plan.edits.length) continue;
    if (risky.has(plan.file)) {
      const backup = relative(root, join(stateDir(root), "backup", stamp, plan.file)).replaceAll(
        "\\",
        "/",
      );
      mkdirSync(dirname(join(root, backup)), { recursive: true });
      writeFileSync(join(root, backup), plan.text);
      report.backups.push({ file: plan.file, backup });
    }
    writeFileSync(
      join(root, plan.file),
      plan.edits.reduce((text, edit) => edit(text), plan.text),
    );
  }
}

function emptyReport(): EditReport {
  return { changed: [], unchanged: [], edited: [], unknown: [], backups: [], refused: false };
}
