import { NOT_WRITTEN } from "./blank.ts";
import { columns, plural } from "./format.ts";
import { hiddenFromGit } from "./git.ts";
import { lessonArg, openSession, syncGitMarks } from "./session.ts";
import { saveState } from "./state.ts";
import { blankInPlace, editedExercises } from "./workspace.ts";

/**
 * `pnpm learn start NN [--force]`: blanks lesson NN's exercises in place and hides the files from
 * git. Refuses, writing nothing, when a region holds code the learner edited, unless `force` (the
 * file is backed up first). Returns the exit code.
 */
export function start(root: string, nn: string, force: boolean): number {
  const session = openSession(root);
  const lesson = lessonArg(session, nn);
  const { state } = session;
  if (lesson.problems.length) {
    for (const p of lesson.problems) console.error(p);
    return 1;
  }
  if (!lesson.exercises.length) {
    console.log(
      `Lesson ${lesson.nn} (${lesson.title}) has no exercises: read ${lesson.file}, then go on to the next lesson.`,
    );
    return 1;
  }
  const pkg = lesson.pkg!;

  // Phase 1: never lose the learner's code.
  const edited = editedExercises(root, state, lesson.exercises);
  if (edited.length && !force) {
    console.error(
      `Not blanking lesson ${lesson.nn}: ${plural(edited.length, "exercise")} ${edited.length === 1 ? "holds" : "hold"} code that is not the reference, perhaps yours:`,
    );
    for (const line of columns(edited.map((e) => [e.name, `${e.file}:${e.line}`])))
      console.error(line);
    console.error(
      `Nothing was changed. To blank them anyway, run pnpm learn start ${lesson.nn} --force (each file is backed up under .gradbook/backup/ first).`,
    );
    return 1;
  }

  // Phase 2: blank in place, out of git's sight (git.ts).
  const report = blankInPlace(root, state, lesson, lesson.exercises, force);
  const previous = state.lessons[lesson.nn];
  state.lessons[lesson.nn] = {
    started: previous?.started ?? new Date().toISOString(),
    passing: [],
    done: false,
  };
  saveState(root, state);
  syncGitMarks(session, lesson, false);
  const hidden = hiddenFromGit(root, [...new Set(lesson.exercises.map((e) => e.file))]);

  console.log(
    `Lesson ${lesson.nn} · ${lesson.title} — blanked ${plural(report.changed.length, "exercise")} in packages/${pkg}:\n`,
  );
  const rows = lesson.exercises.map((e) => [
    e.name,
    e.kind,
    `${e.file}:${e.line}`,
    report.unchanged.includes(e) ? "(was blank already)" : e.task,
  ]);
  for (const line of columns(rows)) console.log(line);
  for (const { file, backup } of report.backups)
    console.log(`Your version of ${file} is saved as ${backup}.`);
  console.log(
    `\nA type-along is explained on the page (where its code is shown, it is folded away: try without it).\nA problem is not answered there: derive, vary, find or predict.`,
  );
  console.log(
    `Each blank throws "exercise NAME (lesson ${lesson.nn}) is ${NOT_WRITTEN}" until you write it.`,
  );
  if (hidden.length)
    console.log(
      `git does not see changes to ${plural(hidden.length, "file")} with blanks until the lesson is done (pnpm learn help says why).`,
    );
  console.log(
    `Read ${lesson.file}, write the code, then run pnpm learn check ${lesson.nn} (or pnpm learn watch); pnpm learn hint ${lesson.nn} NAME gives a hint, one step at a time.`,
  );
  return 0;
}
