import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./plugin.ts";

/** The folder of the course's lessons. */
export const LESSONS = join(ROOT, "lessons");

/** Every lesson in a folder (the course's by default), in course order, as absolute paths. */
export function courseLessons(dir = LESSONS): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-[\w-]+\.md$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}
