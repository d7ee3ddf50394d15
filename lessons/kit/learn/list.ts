import type { CourseLesson } from "./course.ts";
import { columns, plural } from "./format.ts";
import {
  blanksOnDisk,
  currentLesson,
  isStarted,
  openSession,
  restoredOnDisk,
  type Session,
} from "./session.ts";

/** `pnpm learn`: the lessons in order, each with its state, and what to do next. Exit code 0. */
export function list(root: string): number {
  const session = openSession(root);
  const current =
    currentLesson(session) ??
    session.course.find((l) => l.exercises.length && !isStarted(session, l));
  console.log(
    "gradbook exercise mode: write the code each lesson teaches; its tests tell you when it works.\n",
  );
  const rows = session.course.map((l) => [
    l === current ? "→" : " ",
    l.nn,
    l.title,
    stateOf(session, l),
  ]);
  for (const line of columns([[" ", "", "lesson", "state"], ...rows])) console.log(line);
  const done = session.course.filter(
    (l) => l.exercises.length && session.state.lessons[l.nn]?.done,
  ).length;
  const total = session.course.filter((l) => l.exercises.length).length;
  console.log(`\n${done} of ${plural(total, "lesson")} with exercises done.`);
  if (!current) console.log(total ? "Every lesson is done." : "No lesson has exercises yet.");
  else if (isStarted(session, current))
    console.log(
      `Now: lesson ${current.nn}. pnpm learn check ${current.nn} · pnpm learn hint ${current.nn} · pnpm learn watch`,
    );
  else
    console.log(
      `Next: pnpm learn start ${current.nn} blanks the code lesson ${current.nn} teaches, for you to write.`,
    );
  return 0;
}

/** A lesson's state as the list shows it. */
export function stateOf(session: Session, lesson: CourseLesson): string {
  const m = lesson.exercises.length;
  if (lesson.problems.length) return "exercises broken (pnpm learn verify says why)";
  if (!m) return "no exercises";
  const progress = session.state.lessons[lesson.nn];
  if (!isStarted(session, lesson)) return `not started (${plural(m, "exercise")})`;
  const restored = restoredOnDisk(session, lesson).size;
  const note = restored ? `, ${restored} restored from the solution` : "";
  if (progress?.done) return `done (${m} of ${m}${note})`;
  // Progress is as of the last check (or solution), less anything blanked since.
  const blank = blanksOnDisk(session.root, lesson);
  const n = (progress?.passing ?? []).filter((name) => !blank.has(name)).length;
  return `in progress: ${n} of ${m} exercises pass${note}`;
}
