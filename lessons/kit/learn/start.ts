import { existsSync } from "node:fs";
import { join } from "node:path";
import { measureCatches } from "./catches.ts";
import { columns, firstLine, plural, seconds, testsFail } from "./format.ts";
import { lessonArg, openSession } from "./session.ts";
import { saveState } from "./state.ts";
import { blankInPlace, editedExercises, toReference } from "./workspace.ts";

/**
 * `pnpm learn start NN [--force]`: measures which tests catch each of lesson NN's exercises (on
 * the reference code, in memory), then blanks the exercises in place. Refuses, writing nothing,
 * when a region holds code the learner edited, unless `force` (the file is backed up first).
 * Returns the exit code.
 */
export async function start(root: string, nn: string, force: boolean): Promise<number> {
  const session = openSession(root);
  const lesson = lessonArg(session, nn);
  const { state } = session;
  if (lesson.problems.length) {
    for (const p of lesson.problems) console.error(p);
    return 1;
  }
  if (!lesson.exercises.length) {
    console.log(`Lesson ${lesson.nn} (${lesson.title}) has no exercises: read ${lesson.file}, then go on to the next lesson.`);
    return 1;
  }
  const pkg = lesson.pkg!;

  // Phase 1: never lose the learner's code.
  const edited = editedExercises(root, state, lesson.exercises);
  if (edited.length && !force) {
    console.error(`Not blanking lesson ${lesson.nn}: ${plural(edited.length, "exercise")} ${edited.length === 1 ? "holds" : "hold"} code that is not the reference, perhaps yours:`);
    for (const line of columns(edited.map((e) => [e.name, `${e.file}:${e.line}`]))) console.error(line);
    console.error(`Nothing was changed. To blank them anyway, run pnpm learn start ${lesson.nn} --force (each file is backed up under .gradbook/backup/ first).`);
    return 1;
  }

  // Phase 2: which tests catch which exercise, measured on the reference code before it is blanked.
  const runs = lesson.exercises.length + 1;
  console.log(`Lesson ${lesson.nn} · ${lesson.title} — measuring which tests of packages/${pkg} check each exercise (${runs} runs)…`);
  const measured = await measureCatches(root, {
    pkg,
    lesson: { nn: lesson.nn, file: lesson.file, run: existsSync(join(root, lesson.file)) },
    exercises: lesson.exercises,
    base: toReference(root, state, lesson.exercises),
  });
  if (measured.baseline.failed.length) {
    console.log(`Warning: ${testsFail(measured.baseline.failed.length)} even with the reference code; check will report them as failing outside the exercises:`);
    for (const t of measured.baseline.failed.slice(0, 3)) console.log(`  ${t.id}: ${firstLine(t.messages[0])}`);
  }
  const uncaught = lesson.exercises.filter((e) => !measured.catches[e.name]?.length);
  if (uncaught.length) console.log(`Warning: no test catches ${uncaught.map((e) => e.name).join(", ")}: check can only tell whether they are still blank.`);

  // Phase 3: blank in place.
  const report = blankInPlace(root, state, lesson, lesson.exercises, force);
  state.catches[pkg] = measured.catches;
  const previous = state.lessons[lesson.nn];
  state.lessons[lesson.nn] = { started: previous?.started ?? new Date().toISOString(), passing: [], done: false };
  saveState(root, state);

  console.log(`\nBlanked ${plural(report.changed.length, "exercise")} in packages/${pkg} (${seconds(measured.ms)} to measure):`);
  const rows = lesson.exercises.map((e) => [e.name, `${e.file}:${e.line}`, report.unchanged.includes(e) ? "(was blank already)" : e.hint]);
  for (const line of columns(rows)) console.log(line);
  for (const { file, backup } of report.backups) console.log(`Your version of ${file} is saved as ${backup}.`);
  console.log(`\nEach blank throws "exercise NAME (lesson ${lesson.nn}) is not written yet" until you write it.`);
  console.log(`Read ${lesson.file}, write the code, then run pnpm learn check ${lesson.nn} (or pnpm learn watch).`);
  return 0;
}
