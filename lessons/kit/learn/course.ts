import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lessonFiles, lessonName } from "../course.ts";
import { parseLesson } from "../parse.ts";
import { packageExercises, type Exercise, type ExerciseRegion } from "./exercises.ts";
import { type ExerciseInfo, manifestFile, readManifest } from "./manifest.ts";

// The course as exercise mode sees it: each lesson (title and package as the lesson parser reads
// them), and the exercises its manifest lists (manifest.ts), each joined to its region in the
// lesson's package.

/** A lesson of the course with its exercises. */
export interface CourseLesson {
  /** `01`, as the learner types it. */
  nn: string;
  number: number;
  title: string;
  /** Path from the repository root: `lessons/01-chain-rule.md`. */
  file: string;
  /** The step package it pairs with, or null (`package: none`). */
  pkg: string | null;
  /** The exercises this lesson owns, in the order it teaches them. */
  exercises: Exercise[];
  /** Why `check` does not run the lesson itself (manifest.ts), if it does not. */
  slowLesson?: string;
  /** What is wrong with the lesson's exercises (verify fails on these). */
  problems: string[];
  /** What verify should say but not fail on: exercises described the old way, waiting to move. */
  notes: string[];
}

/** The lessons under `root/lessons`, in course order, each with the exercises its manifest lists. */
export function readCourse(root: string): CourseLesson[] {
  const regions = new Map<string, ExerciseRegion[] | Error>();
  const regionsOf = (pkg: string) => {
    if (!regions.has(pkg)) {
      try {
        regions.set(pkg, packageExercises(root, pkg));
      } catch (error) {
        regions.set(pkg, error as Error);
      }
    }
    return regions.get(pkg)!;
  };
  const listed = new Map<string, string>(); // pkg:name → the manifest that lists it
  return lessonFiles(join(root, "lessons")).map((name) => {
    const file = `lessons/${name}`;
    const { nn } = lessonName(name)!;
    const lesson: CourseLesson = {
      nn,
      number: Number(nn),
      title: name,
      file,
      pkg: null,
      exercises: [],
      problems: [],
      notes: [],
    };
    try {
      const parsed = parseLesson(file, readFileSync(join(root, file), "utf8"));
      Object.assign(lesson, { title: parsed.title, pkg: parsed.package });
      let manifest = readManifest(root, file);
      if ("exercises" in parsed.meta) {
        const moved = `${file}: the front matter's exercises list belongs in ${manifestFile(file)}, with each exercise's kind, task and hints`;
        if (manifest) lesson.problems.push(moved);
        else {
          // A lesson written before manifests keeps its exercises meanwhile: each a type-along
          // whose one hint is the text on its marker line.
          lesson.notes.push(moved);
          manifest = {
            exercises: legacy(parsed.meta.exercises!, lesson.pkg ? regionsOf(lesson.pkg) : []),
          };
        }
      }
      if (!manifest) return lesson;
      if (manifest.slowLesson) lesson.slowLesson = manifest.slowLesson;
      if (!lesson.pkg)
        throw new Error(
          `${manifestFile(file)} lists exercises, but ${file} pairs with no package (package: none)`,
        );
      const found = regionsOf(lesson.pkg);
      if (found instanceof Error) throw found;
      for (const info of manifest.exercises) {
        const region = found.find((r) => r.name === info.name);
        const key = `${lesson.pkg}:${info.name}`;
        if (!region)
          lesson.problems.push(
            `${manifestFile(file)}: exercise ${info.name} has no region // #region exercise:${info.name} in packages/${lesson.pkg}/src`,
          );
        else if (listed.has(key))
          lesson.problems.push(
            `${manifestFile(file)}: exercise ${info.name} is listed by ${listed.get(key)} already`,
          );
        else {
          if (region.extra && !lesson.notes.length)
            lesson.problems.push(
              `${region.file}:${region.line}: the marker line of exercise ${info.name} has text after the name; hints belong in ${manifestFile(file)}`,
            );
          listed.set(key, manifestFile(file));
          lesson.exercises.push({ ...region, ...info });
        }
      }
    } catch (error) {
      lesson.problems.push((error as Error).message);
    }
    return lesson;
  });
}

/** The old front matter list (`exercises: a, b`) as a manifest, the marker lines' text as task and hint. */
function legacy(list: string, regions: ExerciseRegion[] | Error): ExerciseInfo[] {
  if (regions instanceof Error) throw regions;
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((name) => {
      const text = regions.find((r) => r.name === name)?.extra || `exercise ${name}`;
      return { name, kind: "type-along", task: text, hints: [text] };
    });
}

/** The exercise regions of the course's packages that no lesson's manifest lists, by package. */
export function unlisted(
  root: string,
  course: CourseLesson[],
  pkgs: string[],
): Map<string, ExerciseRegion[]> {
  const listed = new Set(course.flatMap((l) => l.exercises.map((e) => `${e.pkg}:${e.name}`)));
  const out = new Map<string, ExerciseRegion[]>();
  for (const pkg of pkgs) {
    const left = packageExercises(root, pkg).filter((r) => !listed.has(`${pkg}:${r.name}`));
    if (left.length) out.set(pkg, left);
  }
  return out;
}

/** Finds a lesson by the number the learner typed (`1`, `01`). */
export function findLesson(course: CourseLesson[], nn: string): CourseLesson | undefined {
  return /^\d+$/.test(nn) ? course.find((l) => l.number === Number(nn)) : undefined;
}
