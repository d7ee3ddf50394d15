import { UsageError } from "./format.ts";
import { exerciseArg, lessonOrCurrent, openSession } from "./session.ts";
import { referenceKey, saveState } from "./state.ts";

/**
 * `pnpm learn hint [NN [NAME]]`: the next hint step of an exercise, after the ones already given;
 * once all are given, all of them again. Without NAME, the first exercise that did not pass at the
 * last check. Exit code 0.
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
  const ex =
    name === undefined
      ? (lesson.exercises.find((e) => !passing.includes(e.name)) ?? lesson.exercises[0]!)
      : exerciseArg(lesson, name);
  const key = referenceKey(ex.pkg, ex.name);
  const steps = ex.hints.length;
  const given = Math.min((session.state.hints[key] ?? 0) + 1, steps);
  session.state.hints[key] = given;
  saveState(root, session.state);

  console.log(
    `Lesson ${lesson.nn}, exercise ${ex.name} (${ex.file}:${ex.line}), a ${ex.kind}: ${ex.task}`,
  );
  ex.hints
    .slice(0, given)
    .forEach((text, i) => console.log(`  Hint ${i + 1} of ${steps}: ${text}`));
  console.log(
    given < steps
      ? `Run it again for hint ${given + 1}. Stuck after the last? pnpm learn solution ${lesson.nn} ${ex.name} puts the reference code back (yours is backed up).`
      : `That is every hint. Stuck? pnpm learn solution ${lesson.nn} ${ex.name} puts the reference code back (yours is backed up).`,
  );
  return 0;
}
