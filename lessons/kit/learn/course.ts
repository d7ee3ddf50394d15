import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lessonFiles, lessonName } from "../course.ts";
import { splitFrontMatter } from "../markdown.ts";
import { packageExercises, type Exercise } from "./exercises.ts";

// The course as exercise mode sees it: each lesson, the package it pairs with, and the exercises
// it owns. A package's exercises belong to the first lesson that pairs with it (a later lesson
// that pairs with the same package builds on code the learner has already written).

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
  /** What is wrong with the lesson's exercises (verify fails on these). */
  problems: string[];
}

/** The lessons under `root/lessons`, in course order, each with the exercises it owns. */
export function readCourse(root: string): CourseLesson[] {
  const owned = new Set<string>();
  return lessonFiles(join(root, "lessons")).map((name) => {
    const nn = lessonName(name)!.nn;
    const { meta, body } = splitFrontMatter(readFileSync(join(root, "lessons", name), "utf8").replace(/\r\n?/g, "\n"));
    const pkg = !meta.package || meta.package === "none" ? null : meta.package;
    const lesson: CourseLesson = { nn, number: Number(nn), title: titleOf(body) ?? name, file: `lessons/${name}`, pkg, exercises: [], problems: [] };
    if (pkg === null || owned.has(pkg)) return lesson;
    owned.add(pkg);
    try {
      lesson.exercises = ordered(packageExercises(root, pkg), meta.exercises, lesson);
    } catch (error) {
      lesson.problems.push((error as Error).message);
    }
    return lesson;
  });
}

/** Finds a lesson by the number the learner typed (`1`, `01`). */
export function findLesson(course: CourseLesson[], nn: string): CourseLesson | undefined {
  return /^\d+$/.test(nn) ? course.find((l) => l.number === Number(nn)) : undefined;
}

/** The first `# Title` outside a code fence. */
function titleOf(body: string): string | undefined {
  let fenced = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) return heading[1];
  }
  return undefined;
}

/**
 * Orders the exercises as the lesson's front matter lists them (`exercises: mul, tanh, topo`),
 * or leaves source order when it lists none. A list that misses or invents a name is a problem.
 */
function ordered(exercises: Exercise[], list: string | undefined, lesson: CourseLesson): Exercise[] {
  if (!list) return exercises;
  const names = [...new Set(list.split(/[\s,]+/).filter(Boolean))];
  const byName = new Map(exercises.map((e) => [e.name, e]));
  const unknown = names.filter((n) => !byName.has(n));
  const missing = exercises.filter((e) => !names.includes(e.name)).map((e) => e.name);
  if (unknown.length) lesson.problems.push(`${lesson.file}: front matter lists exercises that packages/${lesson.pkg} does not have: ${unknown.join(", ")}`);
  if (missing.length) lesson.problems.push(`${lesson.file}: front matter does not list exercises ${missing.join(", ")} of packages/${lesson.pkg}`);
  return [...names.flatMap((n) => byName.get(n) ?? []), ...exercises.filter((e) => !names.includes(e.name))];
}
