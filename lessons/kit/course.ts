import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LESSON_FILE } from "./lesson-file.ts";

export { LESSON_FILE, lessonName } from "./lesson-file.ts";

// What a lesson file is, defined once for the kit, exercise mode, the site and the tests: a file
// `NN-slug.md` in the lessons folder, NN two digits, so that sorting by name is course order.
// (vitest selects the same files with the glob `[0-9][0-9]-*.md` in lessons/vitest.config.ts.)
// The name itself is in lesson-file.ts, which the browser's runner can load too; this module adds
// the folder, and imports only node: exercise mode loads it without the lesson compiler.

/** The names of the lesson files in a folder, in course order; none if there is no such folder. */
export function lessonFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => LESSON_FILE.test(f))
        .sort()
    : [];
}

/** The folder of the course's lessons. */
export const LESSONS = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");

/** Every lesson in a folder (the course's by default), in course order, as absolute paths. */
export function courseLessons(dir = LESSONS): string[] {
  return lessonFiles(dir).map((f) => join(dir, f));
}
