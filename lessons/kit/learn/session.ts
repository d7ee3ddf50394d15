import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exerciseBody, isBlank } from "./blank.ts";
import { findLesson, readCourse, type CourseLesson } from "./course.ts";
import { hideFromGit } from "./git.ts";
import { UsageError } from "./format.ts";
import { loadState, type State } from "./state.ts";
import { referenceOf, regionState } from "./workspace.ts";

// What every command starts from: the course, the learner's state, and which lesson they mean.

/** The course and the learner's state, read once per command. */
export interface Session {
  root: string;
  course: CourseLesson[];
  state: State;
}

export function openSession(root: string): Session {
  return { root, course: readCourse(root), state: loadState(root) };
}

/** The lesson a command names; a number that is not a lesson is a usage error. */
export function lessonArg(session: Session, nn: string): CourseLesson {
  const lesson = findLesson(session.course, nn);
  if (!lesson) {
    const known = session.course.map((l) => l.nn).join(", ");
    throw new UsageError(`no lesson ${JSON.stringify(nn)}: the lessons are ${known || "(none)"}`);
  }
  return lesson;
}

/** The lesson the learner is on: the first one started and not done. */
export function currentLesson(session: Session): CourseLesson | undefined {
  return session.course.find(
    (l) => l.exercises.length && isStarted(session, l) && !session.state.lessons[l.nn]?.done,
  );
}

/** The lesson a command without a number means: the current one, else none (the caller says what to do). */
export function lessonOrCurrent(
  session: Session,
  nn: string | undefined,
): CourseLesson | undefined {
  return nn === undefined ? currentLesson(session) : lessonArg(session, nn);
}

/** Whether the learner has started a lesson: it has progress, or one of its exercises is blank. */
export function isStarted(session: Session, lesson: CourseLesson): boolean {
  return Boolean(session.state.lessons[lesson.nn]) || blanksOnDisk(session.root, lesson).size > 0;
}

/** The lesson after `lesson` that has exercises and is not done yet: what to do next. */
export function nextLesson(session: Session, lesson: CourseLesson): CourseLesson | undefined {
  return session.course.find(
    (l) => l.number > lesson.number && l.exercises.length && !session.state.lessons[l.nn]?.done,
  );
}

/** The exercises `solution` restored that still hold the reference code (the learner has not rewritten them since). */
export function restoredOnDisk(session: Session, lesson: CourseLesson): Set<string> {
  const names = new Set(session.state.lessons[lesson.nn]?.restored ?? []);
  const restored = new Set<string>();
  for (const ex of lesson.exercises) {
    if (!names.has(ex.name)) continue;
    const body = exerciseBody(readFileSync(join(session.root, ex.file), "utf8"), ex.name);
    if (
      body !== undefined &&
      regionState(body, ex.name, referenceOf(session.root, session.state, ex)) === "reference"
    )
      restored.add(ex.name);
  }
  return restored;
}

/** The exercises of a lesson whose region holds the learner's code right now: neither blank nor the reference. */
export function editedOnDisk(session: Session, lesson: CourseLesson): Set<string> {
  const edited = new Set<string>();
  for (const ex of lesson.exercises) {
    const body = exerciseBody(readFileSync(join(session.root, ex.file), "utf8"), ex.name);
    if (
      body !== undefined &&
      regionState(body, ex.name, referenceOf(session.root, session.state, ex)) === "edited"
    )
      edited.add(ex.name);
  }
  return edited;
}

/** The exercises of a lesson that are blank in the source right now. */
export function blanksOnDisk(root: string, lesson: CourseLesson): Set<string> {
  const texts = new Map<string, string>();
  const blank = new Set<string>();
  for (const ex of lesson.exercises) {
    if (!texts.has(ex.file)) texts.set(ex.file, readFileSync(join(root, ex.file), "utf8"));
    const body = exerciseBody(texts.get(ex.file)!, ex.name);
    if (body !== undefined && isBlank(body, ex.name)) blank.add(ex.name);
  }
  return blank;
}

/** The exercise a command names within a lesson; an unknown name is a usage error. */
export function exerciseArg(lesson: CourseLesson, name: string) {
  const ex = lesson.exercises.find((e) => e.name === name);
  if (!ex) {
    const known = lesson.exercises.map((e) => e.name).join(", ");
    throw new UsageError(
      `lesson ${lesson.nn} has no exercise ${JSON.stringify(name)}: its exercises are ${known || "(none)"}`,
    );
  }
  return ex;
}

/**
 * Hides from git (git.ts) each file of the lesson's exercises that holds one blank or being
 * written, and shows the others again; shows them all once the lesson is `done`.
 */
export function syncGitMarks(session: Session, lesson: CourseLesson, done: boolean): void {
  const open = done
    ? new Set<string>()
    : new Set([...blanksOnDisk(session.root, lesson), ...editedOnDisk(session, lesson)]);
  const files = [...new Set(lesson.exercises.map((e) => e.file))];
  const hidden = files.filter((f) =>
    lesson.exercises.some((e) => e.file === f && open.has(e.name)),
  );
  hideFromGit(session.root, hidden, true);
  hideFromGit(
    session.root,
    files.filter((f) => !hidden.includes(f)),
    false,
  );
}
