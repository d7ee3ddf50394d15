import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runAlone, suspects, type Alone } from "./blame.ts";
import { exerciseBody, NOT_WRITTEN } from "./blank.ts";
import type { CourseLesson } from "./course.ts";
import { columns, firstLine, plural, shortId } from "./format.ts";
import { assess, type ExerciseProgress, type Progress } from "./progress.ts";
import { openRunner, type Runner, type RunResult, type TestOutcome } from "./runner.ts";
import {
  blanksOnDisk,
  editedOnDisk,
  isStarted,
  lessonOrCurrent,
  nextLesson,
  openSession,
  restoredOnDisk,
  syncGitMarks,
  type Session,
} from "./session.ts";
import { referenceKey, saveState } from "./state.ts";

/**
 * `pnpm learn check [NN]`: runs lesson NN's package tests and the lesson, says which exercises
 * pass, and for the first that does not, its failing test, where, and its hint; then what to do
 * next. Exit code 0 when the lesson is done, 1 otherwise.
 */
export async function check(root: string, nn: string | undefined): Promise<number> {
  const session = openSession(root);
  const lesson = checkable(session, nn);
  if (!lesson) return 1;
  const runner = await openLessonRunner(root, lesson);
  try {
    return (await checkWith(session, lesson, runner)).done ? 0 : 1;
  } finally {
    await runner.close();
  }
}

/** The lesson to check, or undefined after saying why there is none. */
export function checkable(session: Session, nn: string | undefined): CourseLesson | undefined {
  const lesson = lessonOrCurrent(session, nn);
  if (!lesson) {
    console.log(
      "No lesson in progress. See the lessons with pnpm learn, and begin one with pnpm learn start NN.",
    );
    return undefined;
  }
  if (!lesson.exercises.length) {
    console.log(`Lesson ${lesson.nn} has no exercises to check.`);
    return undefined;
  }
  if (!isStarted(session, lesson)) {
    console.log(
      `Lesson ${lesson.nn} is not started: pnpm learn start ${lesson.nn} blanks its exercises for you to write.`,
    );
    return undefined;
  }
  return lesson;
}

/** A runner for a lesson's package tests and, unless it is slow (manifest.ts), the lesson itself. */
export function openLessonRunner(root: string, lesson: CourseLesson): Promise<Runner> {
  const file = existsSync(join(root, lesson.file)) && !lesson.slowLesson ? lesson.file : undefined;
  return openRunner(root, { pkg: lesson.pkg!, lesson: file });
}

/**
 * Runs the checks once with a warm runner: the package's tests first (they check every exercise,
 * as verify proves, in seconds), each exercise under suspicion alone (blame.ts); then, once every
 * exercise passes, the lesson itself with the learner's code, unless it is slow. Prints the report
 * and records the progress.
 */
export async function checkWith(
  session: Session,
  lesson: CourseLesson,
  runner: Runner,
  watching = false,
): Promise<Progress> {
  const { root, state } = session;
  const blank = blanksOnDisk(root, lesson);
  const edited = editedOnDisk(session, lesson);
  const runBlamed = async (files: (file: string) => boolean) => {
    const full = await runner.run(files);
    // An exercise that passed alone and has not changed since passes again: no need to rerun it.
    const suspected = suspects(lesson.exercises, edited, full).filter(
      (e) => state.passedAlone[referenceKey(e.pkg, e.name)] !== bodyHash(root, e),
    );
    const alone: Alone = suspected.length
      ? await runAlone(root, state, lesson.exercises, suspected, full, runner)
      : new Map();
    for (const e of suspected) {
      if (!alone.get(e.name)?.failed.length)
        state.passedAlone[referenceKey(e.pkg, e.name)] = bodyHash(root, e);
    }
    return { full, alone };
  };
  const pkgRun = await runBlamed((f) => f.startsWith(`packages/${lesson.pkg}/`));
  let progress = assess(lesson.exercises, blank, pkgRun.full, pkgRun.alone);
  let tests = pkgRun.full.tests.length;
  let lessonNote = "";
  const lessonExists = existsSync(join(root, lesson.file));
  if (progress.done && lessonExists && !lesson.slowLesson) {
    const lessonRun = await runBlamed((f) => f === lesson.file);
    progress = assess(
      lesson.exercises,
      blank,
      joinRuns(pkgRun.full, lessonRun.full),
      joinAlone(pkgRun.alone, lessonRun.alone),
    );
    tests += lessonRun.full.tests.length;
    lessonNote = " and the lesson";
  } else if (lessonExists) {
    lessonNote = lesson.slowLesson
      ? ` (not the lesson: ${lesson.slowLesson}; pnpm lessons ${lesson.nn} runs it)`
      : " (the lesson runs once every exercise passes)";
  }
  const passing = progress.exercises.filter((p) => p.status === "passing");
  const restored = restoredOnDisk(session, lesson);

  console.log(
    `Lesson ${lesson.nn} · ${lesson.title} — ${plural(tests, "test")} of packages/${lesson.pkg}${lessonNote}\n`,
  );
  for (const line of columns(progress.exercises.map((p) => row(p, restored)))) console.log(line);
  const solved = passing.filter((p) => !restored.has(p.exercise.name)).length;
  const fromSolution = passing.length - solved;
  console.log(
    `\n${passing.length} of ${plural(lesson.exercises.length, "exercise")} pass${fromSolution ? ` (${solved} solved, ${fromSolution} restored from the solution)` : ""}.`,
  );
  if (progress.others.length) {
    console.log(
      `\nAlso failing, outside the exercises (${plural(progress.others.length, "test")}):`,
    );
    for (const t of progress.others.slice(0, 3))
      console.log(`  ${shortId(t.id, lesson.pkg!)}\n    ${firstLine(t.messages[0])}`);
  }
  console.log("");
  for (const line of nextSteps(session, lesson, progress, watching)) console.log(line);

  const previous = state.lessons[lesson.nn];
  state.lessons[lesson.nn] = {
    started: previous?.started ?? new Date().toISOString(),
    passing: passing.map((p) => p.exercise.name),
    restored: [...restored],
    done: progress.done,
    checked: new Date().toISOString(),
  };
  saveState(root, state);
  syncGitMarks(session, lesson, progress.done);
  return progress;
}

/** A digest of an exercise's code as it is now. */
function bodyHash(root: string, ex: CourseLesson["exercises"][number]): string {
  const body = exerciseBody(readFileSync(join(root, ex.file), "utf8"), ex.name) ?? "";
  return createHash("sha256").update(body).digest("hex").slice(0, 16);
}

function joinRuns(a: RunResult, b: RunResult): RunResult {
  return { tests: [...a.tests, ...b.tests], failed: [...a.failed, ...b.failed], ms: a.ms + b.ms };
}

function joinAlone(a: Alone, b: Alone): Alone {
  const joined: Alone = new Map(a);
  for (const [name, run] of b)
    joined.set(name, joined.has(name) ? joinRuns(joined.get(name)!, run) : run);
  return joined;
}

const MARK = { passing: "✓", failing: "✗", todo: "·" } as const;

function row(p: ExerciseProgress, restored: Set<string>): string[] {
  const what = {
    passing: restored.has(p.exercise.name) ? "passes (restored from the solution)" : "passes",
    failing: `fails: ${plural(p.failures.length, "test")}`,
    todo: NOT_WRITTEN,
  }[p.status];
  return [MARK[p.status], p.exercise.name, what];
}

function nextSteps(
  session: Session,
  lesson: CourseLesson,
  progress: Progress,
  watching: boolean,
): string[] {
  const again = watching
    ? "save, and it is checked again"
    : `run pnpm learn check ${lesson.nn} (or pnpm learn watch)`;
  if (progress.done) {
    const next = nextLesson(session, lesson);
    const started = next && isStarted(session, next);
    return [
      `Lesson ${lesson.nn} is done: every exercise and every test passes.`,
      !next
        ? "That was the last lesson with exercises not done yet: well done."
        : started
          ? `Next: lesson ${next.nn} (${next.title}) is in progress: pnpm learn check ${next.nn}.`
          : `Next: pnpm learn start ${next.nn} (${next.title}).`,
    ];
  }
  // Written but wrong comes first: the learner has just written it and wants to know why.
  const first =
    progress.exercises.find((p) => p.status === "failing") ??
    progress.exercises.find((p) => p.status === "todo");
  if (!first) return [`Fix the failing tests above, then ${again}.`];
  const { exercise } = first;
  const lines = [
    `Next: ${exercise.name} (${exercise.file}:${exercise.line}), a ${exercise.kind}: ${exercise.task}`,
  ];
  const failure = first.failures[0];
  if (first.status === "failing" && failure) {
    const blankLeft = failure.messages.join("\n").includes(`exercise ${exercise.name} (lesson`);
    if (blankLeft)
      lines.push(
        `  It still throws "exercise ${exercise.name} … is ${NOT_WRITTEN}": remove that line once the code above it is written.`,
      );
    else {
      lines.push(
        `  Failing: ${shortId(failure.id, lesson.pkg!)}`,
        `    ${firstLine(failure.messages[0])}`,
      );
      const at = where(failure, exercise.file);
      if (at) lines.push(`    at ${at}`);
    }
  }
  const given = session.state.hints[referenceKey(exercise.pkg, exercise.name)] ?? 0;
  const steps = exercise.hints.length;
  lines.push(
    given < steps
      ? `  Stuck? pnpm learn hint ${lesson.nn} ${exercise.name} gives hint ${given + 1} of ${steps}.`
      : `  You have seen all ${plural(steps, "hint")}: pnpm learn hint ${lesson.nn} ${exercise.name} shows them again.`,
  );
  lines.push(`Read ${lesson.file}, write the code, then ${again}.`);
  return lines;
}

/** Where a failure was raised: in the exercise's file if the stack passes through it, else in the course's first frame. */
function where(failure: TestOutcome, file: string): string | undefined {
  const frame = failure.frames.find((f) => f.file === file) ?? failure.frames[0];
  return frame && `${frame.file}:${frame.line}`;
}
