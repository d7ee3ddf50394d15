import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { blankExercise } from "./blank.ts";
import { measureCatches, type CatchTable } from "./catches.ts";
import { readCourse, unlisted, type CourseLesson } from "./course.ts";
import { columns, firstLine, plural, seconds, shortId, testsFail, UsageError } from "./format.ts";
import { typecheckBlanks } from "./typecheck-blanks.ts";

// `pnpm learn verify`, the maintainers' check (rustlings' `dev check`), run in CI. It never writes
// a file: the blanks exist only in memory. It proves, for every lesson with exercises:
//   - with every exercise in place, every test of the package and the lesson passes;
//   - with each exercise blanked on its own, at least one test of the package fails;
//   - with all of them blanked, as `start` leaves them, the package still type-checks;
//   - every exercise region is listed by a lesson's manifest, with a task and hints (manifest.ts).

/** How few exercises a package should have before verify remarks on it (not a failure). */
const FEW = 3;

/**
 * Runs the check over the lessons and packages `only` names (`03`, `neuron`; all by default),
 * prints each catch table, and returns the exit code.
 */
export async function verify(root: string, only: string[], all: boolean): Promise<number> {
  const started = performance.now();
  const course = readCourse(root);
  // A package whose lesson is not written yet: its exercises are still checked, under no lesson.
  const homeless = orphans(root, course);
  const candidates = [...course.filter((l) => l.pkg), ...homeless];
  const named = (l: CourseLesson, arg: string) =>
    /^\d+$/.test(arg) ? l.number === Number(arg) : l.pkg === arg;
  for (const arg of only)
    if (!candidates.some((l) => named(l, arg)))
      throw new UsageError(`no lesson or package with exercises named ${JSON.stringify(arg)}`);
  const chosen = candidates.filter((l) => !only.length || only.some((arg) => named(l, arg)));
  const problems: string[] = [];
  const notes = homeless
    .filter((l) => chosen.includes(l))
    .map(
      (l) =>
        `packages/${l.pkg} has ${plural(l.exercises.length, "exercise region")} that no lesson lists yet (${l.exercises.map((e) => e.name).join(", ")}): the lesson that teaches them lists them in its NN-slug.exercises.json`,
    );
  const blanked = new Map<string, string>(); // every exercise blanked, as `start` leaves the files

  for (const lesson of chosen) {
    problems.push(...lesson.problems);
    notes.push(...lesson.notes);
    if (
      lesson.exercises.length < FEW &&
      !lesson.problems.length &&
      course.find((l) => l.pkg === lesson.pkg) === lesson
    ) {
      notes.push(
        `lesson ${lesson.nn} (packages/${lesson.pkg}) has ${plural(lesson.exercises.length, "exercise")}; each step package should have at least ${FEW}`,
      );
    }
    if (!lesson.exercises.length) continue;
    for (const ex of lesson.exercises) {
      blanked.set(
        ex.file,
        blankExercise(
          blanked.get(ex.file) ?? readFileSync(join(root, ex.file), "utf8"),
          ex.name,
          lesson,
          ex.file,
        ),
      );
    }
    problems.push(...(await verifyLesson(root, lesson, all)));
  }

  const pkgs = [...new Set(chosen.filter((l) => l.exercises.length).map((l) => l.pkg!))];
  if (pkgs.length) {
    for (const text of typecheckBlanks(root, pkgs, blanked))
      problems.push(`blanking every exercise (as start does) breaks the types: ${text}`);
  }

  console.log("");
  for (const note of notes) console.log(`note: ${note}`);
  const time = seconds(performance.now() - started);
  if (problems.length) {
    console.log(`verify failed (${time}):`);
    for (const p of problems) console.log(`  ${p}`);
    return 1;
  }
  const count = chosen.reduce((n, l) => n + l.exercises.length, 0);
  console.log(
    `verify passed: ${plural(count, "exercise")} in ${plural(pkgs.length, "package")}, each caught by a test, in ${time}.`,
  );
  return 0;
}

/** Measures one lesson's exercises, prints its catch table, and returns its problems. */
async function verifyLesson(root: string, lesson: CourseLesson, all: boolean): Promise<string[]> {
  const pkg = lesson.pkg!;
  const problems: string[] = [];
  // A slow lesson (manifest.ts) is left to `pnpm lessons`: the catches count the package's tests only.
  const runLesson = lesson.file !== "" && existsSync(join(root, lesson.file)) && !lesson.slowLesson;
  const m = await measureCatches(root, {
    pkg,
    lesson: { nn: lesson.nn, file: lesson.file, run: runLesson },
    exercises: lesson.exercises,
  });

  const name = lesson.file ? `Lesson ${lesson.nn}` : `packages/${pkg}`;
  const what = runLesson
    ? `tests of packages/${pkg} and ${lesson.file}`
    : `tests of packages/${pkg}`;
  console.log(
    `\n${name} · ${plural(lesson.exercises.length, "exercise")} · ${m.baseline.tests.length} ${what} · ${lesson.exercises.length + 1} runs in ${seconds(m.ms)}${m.sharedWorkers ? "" : " (isolated)"}`,
  );
  for (const line of table(lesson, m.catches, all)) console.log(line);

  if (m.baseline.failed.length) {
    problems.push(`${name}: with every exercise in place, ${testsFail(m.baseline.failed.length)}:`);
    for (const t of m.baseline.failed.slice(0, 5))
      problems.push(`    ${t.id}: ${firstLine(t.messages[0])}`);
  }
  for (const ex of lesson.exercises) {
    const caught = m.catches[ex.name] ?? [];
    if (!caught.length)
      problems.push(
        `${ex.file}:${ex.line}: exercise ${ex.name} is caught by no test: blanking it fails no test of packages/${pkg}`,
      );
    else if (!caught.some((id) => id.startsWith(`packages/${pkg}/`))) {
      problems.push(
        `${ex.file}:${ex.line}: exercise ${ex.name} is caught only by the lesson: add a test to packages/${pkg} that fails without it`,
      );
    }
  }
  return problems;
}

/** The catch table of one lesson: each exercise with the tests that fail when it is blanked. */
export function table(lesson: CourseLesson, catches: CatchTable, all: boolean): string[] {
  const shown = all ? Infinity : 3;
  const rows: string[][] = [["exercise", "tests", "caught by"]];
  for (const ex of lesson.exercises) {
    const ids = (catches[ex.name] ?? []).map((id) => shortId(id, lesson.pkg!));
    if (!ids.length) rows.push([ex.name, "0", "✗ no test fails when it is blanked"]);
    ids
      .slice(0, shown)
      .forEach((id, i) => rows.push(i ? ["", "", id] : [ex.name, String(ids.length), id]));
    if (ids.length > shown)
      rows.push(["", "", `… ${ids.length - shown} more (pnpm learn verify --all lists them)`]);
  }
  return columns(rows);
}

/**
 * Exercise regions that no lesson's manifest lists (a lesson not written yet), each package's as
 * a lesson of its own (number -1, no file): still checked for a catching test.
 */
function orphans(root: string, course: CourseLesson[]): CourseLesson[] {
  const dir = join(root, "packages");
  if (!existsSync(dir)) return [];
  const left = unlisted(
    root,
    course,
    readdirSync(dir).filter((pkg) => existsSync(join(dir, pkg, "src"))),
  );
  return [...left].map(([pkg, regions]) => ({
    nn: "--",
    number: -1,
    title: pkg,
    file: "",
    pkg,
    problems: [],
    notes: [],
    exercises: regions.map((r) => ({ ...r, kind: "type-along" as const, task: "", hints: [] })),
  }));
}
