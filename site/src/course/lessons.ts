import { courseLessons, lessonName, loadLesson, type Lesson } from "@gradbook/lessons/kit";
import { readFileSync } from "node:fs";

// The course as the site sees it: every NN-slug.md in the lessons folder at build time, in
// course order, each with the name of its page.

/** A lesson and where its page lives. */
export interface LessonPage {
  lesson: Lesson;
  /** The page's file name in the site, e.g. `01-chain-rule.html`. */
  href: string;
  /** The lesson's number as written in its file name, e.g. `01`. */
  label: string;
}

/** Reads and parses the course's lessons (includes resolved, so a broken one fails here). */
export function loadCourse(dir: string, root: string): LessonPage[] {
  return courseLessons(dir).map((path) => {
    const lesson = loadLesson(path, readFileSync(path, "utf8"), root);
    const label = lessonName(path)!.nn;
    return { lesson, href: `${label}-${lesson.slug}.html`, label };
  });
}
