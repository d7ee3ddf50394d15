import { UsageError } from "./format.ts";
import { exerciseArg, lessonOrCurrent, openSession } from "./session.ts";

/**
 * `pnpm learn hint [NN [NAME]]`: the one-line hint of an exercise, where it is, and what to read.
 * Without NAME, the first exercise that did not pass at the last check. Exit code 0.
 */
export function hint(root: string, nn: string | undefined, name: string | undefined): number {
  const session = openSession(root);
  const lesson = lessonOrCurrent(session, nn);
  if (!lesson) throw new UsageError("no lesson in progress: name one, e.g. pnpm learn hint 01");
  if (!lesson.exercises.length) {
    console.log(`Lesson ${lesson.nn} has no exercises.`);
    return 0;
  }
  const passing = session.state.lessons[lesson.nn]?.passing ?? [];
  const ex = name === undefined ? (lesson.exercises.find((e) => !passing.includes(e.name)) ?? lesson.exercises[0]!) : exerciseArg(lesson, name);
  console.log(`Lesson ${lesson.nn}, exercise ${ex.name} (${ex.file}:${ex.line}):`);
  console.log(`  ${ex.hint || "(its author left no hint: the lesson explains it)"}`);
  console.log(`Read ${lesson.file}. Stuck? pnpm learn solution ${lesson.nn} ${ex.name} puts the reference code back (yours is backed up).`);
  return 0;
}
