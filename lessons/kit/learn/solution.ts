import { rmSync } from "node:fs";
import { join } from "node:path";
import { plural } from "./format.ts";
import { exerciseArg, isStarted, lessonArg, openSession, syncGitMarks } from "./session.ts";
import { saveState, stateDir, type LessonProgress } from "./state.ts";
import { blankInPlace, restoreInPlace, type EditReport } from "./workspace.ts";

/**
 * `pnpm learn solution NN [NAME]`: puts the reference code back into one exercise of lesson NN,
 * or all of them. A region holding the learner's code is backed up first. Exit code 1 when a
 * reference is unknown.
 */
export function solution(root: string, nn: string, name: string | undefined): number {
  const session = openSession(root);
  const lesson = lessonArg(session, nn);
  const targets = name === undefined ? lesson.exercises : [exerciseArg(lesson, name)];
  if (!targets.length) console.log(`Lesson ${lesson.nn} has no exercises.`);
  const report = restoreInPlace(root, session.state, targets);
  print(report, "restored the reference code", "holds the reference code already");
  // The reference code passes (verify sees to it): record it now, marked apart from what the learner solved.
  const progress = session.state.lessons[lesson.nn];
  if (progress) {
    const restored = [...report.changed, ...report.unchanged].map((e) => e.name);
    progress.passing = [...new Set([...progress.passing, ...restored])];
    progress.restored = [...new Set([...(progress.restored ?? []), ...restored])];
    progress.done = lesson.exercises.every((e) => progress.passing.includes(e.name));
    saveState(root, session.state);
  }
  syncGitMarks(session, lesson, progress?.done ?? false);
  if (report.changed.length)
    console.log(`Compare it with what you wrote, then pnpm learn check ${lesson.nn}.`);
  return report.unknown.length ? 1 : 0;
}

/**
 * `pnpm learn reset [NN [NAME]]`: with a lesson, blanks its exercises (or one) again, backing up
 * the learner's code; with nothing, restores the reference code of every started lesson and
 * forgets all progress (backups stay). Exit code 1 when something could not be restored.
 */
export function reset(root: string, nn: string | undefined, name: string | undefined): number {
  const session = openSession(root);
  if (nn === undefined) {
    const started = session.course.filter((l) => l.exercises.length && isStarted(session, l));
    const report = restoreInPlace(
      root,
      session.state,
      started.flatMap((l) => l.exercises),
    );
    print(report, "restored the reference code", "holds the reference code already");
    for (const lesson of started) syncGitMarks(session, lesson, false);
    if (report.unknown.length) {
      console.log(
        "Progress is kept, with the saved reference code, until every exercise is restored.",
      );
      return 1;
    }
    rmSync(join(stateDir(root), "state.json"), { force: true });
    console.log(
      `Reset ${plural(started.length, "lesson")}: the code is as committed and progress is forgotten. Begin again with pnpm learn start NN.`,
    );
    return 0;
  }
  const lesson = lessonArg(session, nn);
  if (!isStarted(session, lesson)) {
    console.log(`Lesson ${lesson.nn} is not started: pnpm learn start ${lesson.nn} begins it.`);
    return 1;
  }
  const targets = name === undefined ? lesson.exercises : [exerciseArg(lesson, name)];
  const report = blankInPlace(root, session.state, lesson, targets, true);
  print(report, "blanked again", "is blank already");
  forget(
    session.state.lessons[lesson.nn],
    targets.map((e) => e.name),
  );
  saveState(root, session.state);
  syncGitMarks(session, lesson, false);
  console.log(
    `Write ${targets.length === 1 ? "it" : "them"} again from ${lesson.file}, then pnpm learn check ${lesson.nn}.`,
  );
  return 0;
}

// Blanked exercises pass no longer: the lesson is in progress again.
function forget(progress: LessonProgress | undefined, names: string[]): void {
  if (!progress) return;
  progress.passing = progress.passing.filter((n) => !names.includes(n));
  progress.restored = progress.restored?.filter((n) => !names.includes(n));
  progress.done = false;
}

function print(report: EditReport, changed: string, unchanged: string): void {
  for (const ex of report.changed) console.log(`${ex.name}: ${changed} (${ex.file}:${ex.line})`);
  for (const ex of report.unchanged) console.log(`${ex.name}: ${unchanged}`);
  for (const ex of report.unknown) {
    console.log(
      `${ex.name}: no reference code is known (no copy in .gradbook/, and git has none): git checkout -- ${ex.file} restores the committed file`,
    );
  }
  for (const { file, backup } of report.backups)
    console.log(`Your version of ${file} is saved as ${backup}.`);
}
